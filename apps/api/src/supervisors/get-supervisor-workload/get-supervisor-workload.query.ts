import { Position } from '@sws/event-store';
import { Month } from '@sws/stations-contracts';
import { Principal } from '../../auth/principal';

export class GetSupervisorWorkloadQuery {
  constructor(
    readonly supervisorId: string,
    readonly month: Month,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
