import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';

export class GetContractReviewsQuery {
  constructor(
    readonly contractId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
