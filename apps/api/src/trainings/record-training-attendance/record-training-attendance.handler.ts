import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { employers } from '../../social-workers/employers';
import { RecordTrainingAttendance, training, trainingStreams } from '@sws/training';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { Records } from '../../infrastructure/records';
import { mustBeOrganizer } from '../organizer';
import { RecordTrainingAttendanceCommand } from './record-training-attendance.command';

@CommandHandler(RecordTrainingAttendanceCommand)
export class RecordTrainingAttendanceHandler implements ICommandHandler<RecordTrainingAttendanceCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
  ) {}

  execute({ trainingId, body, context }: RecordTrainingAttendanceCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'Training',
        id: trainingId,
        streamId: trainingStreams.training(trainingId),
        decider: training,
        mustExist: true,
        command: async (_state, metadata, history): Promise<RecordTrainingAttendance> => {
          mustBeOrganizer(context.principal, history, trainingId, 'record the attendance');
          const registeredSocialWorkerIds: string[] = [];
          for (const id of new Set(body.socialWorkerIds)) {
            const worker = await this.records.history(streams.socialWorker(id));
            if (worker.length === 0) continue;
            registeredSocialWorkerIds.push(id);
            // An operator credits hours to its own workers only: another's ledger is not its to fill.
            if (context.principal.role !== 'admin') mustActFor(context.principal, employers(worker), `credit training hours to social worker ${id}`);
          }
          return { type: 'RecordTrainingAttendance', data: { trainingId, ...body }, metadata, facts: { registeredSocialWorkerIds } };
        },
      },
      context,
    );
  }
}
