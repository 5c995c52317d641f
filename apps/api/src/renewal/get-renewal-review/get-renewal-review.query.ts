import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';

export class GetRenewalReviewQuery {
  constructor(
    readonly reviewId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
