import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';

export class GetTrainingQuery {
  constructor(
    readonly trainingId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
