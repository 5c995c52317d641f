import { RequestContext } from '../../infrastructure/request-context';
import { CloseRectificationDto } from './close-rectification.dto';

export class CloseRectificationCommand {
  constructor(
    readonly reviewId: string,
    readonly body: CloseRectificationDto,
    readonly context: RequestContext,
  ) {}
}
