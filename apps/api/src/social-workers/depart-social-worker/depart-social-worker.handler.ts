import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DepartSocialWorker, socialWorker, streams } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
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
        command: (_state, metadata): DepartSocialWorker => ({ type: 'DepartSocialWorker', data: { socialWorkerId, ...body }, metadata }),
      },
      context,
    );
  }
}
