import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DepartSocialWorker, socialWorker, streams } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { currentOperator } from '../employers';
import { DepartSocialWorkerCommand } from './depart-social-worker.command';

@CommandHandler(DepartSocialWorkerCommand)
export class DepartSocialWorkerHandler implements ICommandHandler<DepartSocialWorkerCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ socialWorkerId, body, context }: DepartSocialWorkerCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'SocialWorker',
        id: socialWorkerId,
        streamId: streams.socialWorker(socialWorkerId),
        decider: socialWorker,
        mustExist: true,
        command: (_state, metadata, history): DepartSocialWorker => {
          const operator = currentOperator(history);
          if (operator !== null) mustActFor(context.principal, operator, `record the departure of social worker ${socialWorkerId}`);
          return { type: 'DepartSocialWorker', data: { socialWorkerId, ...body }, metadata };
        },
      },
      context,
    );
  }
}
