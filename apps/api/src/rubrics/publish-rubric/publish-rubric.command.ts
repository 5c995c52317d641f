import { RequestContext } from '../../infrastructure/request-context';
import { PublishRubricDto } from './publish-rubric.dto';

export class PublishRubricCommand {
  constructor(
    readonly body: PublishRubricDto,
    readonly context: RequestContext,
  ) {}
}
