import { RequestContext } from '../../infrastructure/request-context';
import { RecordTrainingAttendanceDto } from './record-training-attendance.dto';

export class RecordTrainingAttendanceCommand {
  constructor(
    readonly trainingId: string,
    readonly body: RecordTrainingAttendanceDto,
    readonly context: RequestContext,
  ) {}
}
