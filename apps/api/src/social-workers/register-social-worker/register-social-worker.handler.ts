import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RegisterSocialWorker, socialWorker, streams } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { RegisterSocialWorkerCommand } from './register-social-worker.command';

@CommandHandler(RegisterSocialWorkerCommand)
export class RegisterSocialWorkerHandler implements ICommandHandler<RegisterSocialWorkerCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ body, context }: RegisterSocialWorkerCommand): Promise<WriteResult> {
    const socialWorkerId = this.executor.newId(context, 'SocialWorker');
    return this.executor.execute(
      {
        recordType: 'SocialWorker',
        id: socialWorkerId,
        streamId: streams.socialWorker(socialWorkerId),
        decider: socialWorker,
        mustExist: false,
        command: (_state, metadata): RegisterSocialWorker => ({ type: 'RegisterSocialWorker', data: { socialWorkerId, ...body }, metadata }),
      },
      context,
    );
  }
}
