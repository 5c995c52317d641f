import { RequestContext } from '../../infrastructure/request-context';
import { RecordSatisfactionSurveyDto } from './record-satisfaction-survey.dto';

export class RecordSatisfactionSurveyCommand {
  constructor(
    readonly body: RecordSatisfactionSurveyDto,
    readonly context: RequestContext,
  ) {}
}
