import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CertifySocialWorker, socialWorker, streams } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { employers } from '../employers';
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
        command: (_state, metadata, history): CertifySocialWorker => {
          if (context.principal.role !== 'admin') {
            mustActFor(context.principal, employers(history), `record certificates of social worker ${socialWorkerId}`);
          }
          return { type: 'CertifySocialWorker', data: { socialWorkerId, ...body }, metadata };
        },
      },
      context,
    );
  }
}
