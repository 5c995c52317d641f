import { RequestContext } from '../../infrastructure/request-context';
import { RecordTrainingDto } from './record-training.dto';

export class RecordTrainingCommand {
  constructor(
    readonly body: RecordTrainingDto,
    readonly context: RequestContext,
  ) {}
}
