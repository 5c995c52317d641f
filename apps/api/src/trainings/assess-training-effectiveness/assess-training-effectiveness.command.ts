import { RequestContext } from '../../infrastructure/request-context';
import { AssessTrainingEffectivenessDto } from './assess-training-effectiveness.dto';

export class AssessTrainingEffectivenessCommand {
  constructor(
    readonly trainingId: string,
    readonly body: AssessTrainingEffectivenessDto,
    readonly context: RequestContext,
  ) {}
}
