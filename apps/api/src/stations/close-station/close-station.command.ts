import { RequestContext } from '../../infrastructure/request-context';
import { CloseStationDto } from './close-station.dto';

export class CloseStationCommand {
  constructor(
    readonly stationId: string,
    readonly body: CloseStationDto,
    readonly context: RequestContext,
  ) {}
}
