import { Principal } from '../../auth/principal';
import { Position } from '@sws/event-store';

export class GetStationQuery {
  constructor(
    readonly stationId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
