import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';

export class GetAssessmentQuery {
  constructor(
    readonly assessmentId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
