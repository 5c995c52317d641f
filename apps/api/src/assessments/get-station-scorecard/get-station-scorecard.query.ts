import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';

export class GetStationScorecardQuery {
  constructor(
    readonly stationId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
