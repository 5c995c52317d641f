import { Principal } from '../../auth/principal';
import { Position } from '@sws/event-store';

export class GetContractQuery {
  constructor(
    readonly contractId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
