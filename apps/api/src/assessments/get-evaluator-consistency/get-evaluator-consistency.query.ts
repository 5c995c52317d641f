import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';

export class GetEvaluatorConsistencyQuery {
  constructor(
    readonly evaluatorOrgId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
