import { RequestContext } from '../../infrastructure/request-context';
import { RegisterStationDto } from './register-station.dto';

export class RegisterStationCommand {
  constructor(
    readonly body: RegisterStationDto,
    readonly context: RequestContext,
  ) {}
}
