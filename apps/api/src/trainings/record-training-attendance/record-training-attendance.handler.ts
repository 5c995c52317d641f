import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { socialWorker, streams } from '@sws/stations-contracts';
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
            if ((await this.records.state(streams.socialWorker(id), socialWorker)).status === 'registered') registeredSocialWorkerIds.push(id);
          }
          return { type: 'RecordTrainingAttendance', data: { trainingId, ...body }, metadata, facts: { registeredSocialWorkerIds } };
        },
      },
      context,
    );
  }
}
