import { Principal } from '../../auth/principal';
import { Position } from '@sws/event-store';

export class GetSocialWorkerQuery {
  constructor(
    readonly socialWorkerId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
