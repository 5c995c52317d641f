import { Position } from '@sws/event-store';
import { CalendarDate } from '@sws/kernel';
import { Principal } from '../../auth/principal';

export class GetContractPerformanceQuery {
  constructor(
    readonly contractId: string,
    /** Null: today. */
    readonly asOf: CalendarDate | null,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
