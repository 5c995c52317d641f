import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CertifySocialWorker, socialWorker, streams } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { CertifySocialWorkerCommand } from './certify-social-worker.command';

@CommandHandler(CertifySocialWorkerCommand)
export class CertifySocialWorkerHandler implements ICommandHandler<CertifySocialWorkerCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ socialWorkerId, body, context }: CertifySocialWorkerCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'SocialWorker',
        id: socialWorkerId,
        streamId: streams.socialWorker(socialWorkerId),
        decider: socialWorker,
        mustExist: true,
        command: (_state, metadata): CertifySocialWorker => ({ type: 'CertifySocialWorker', data: { socialWorkerId, ...body }, metadata }),
      },
      context,
    );
  }
}
