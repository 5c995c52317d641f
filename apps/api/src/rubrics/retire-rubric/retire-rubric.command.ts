import { RequestContext } from '../../infrastructure/request-context';
import { RetireRubricDto } from './retire-rubric.dto';

export class RetireRubricCommand {
  constructor(
    readonly code: string,
    readonly version: number,
    readonly body: RetireRubricDto,
    readonly context: RequestContext,
  ) {}
}
