import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';

export class GetWorkerLedgerQuery {
  constructor(
    readonly socialWorkerId: string,
    /** Null: the current year. */
    readonly year: number | null,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
