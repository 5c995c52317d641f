import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AttestSupervisionSession, supervisionSession, supervisionStreams } from '@sws/supervision';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { mustBeNamedIn } from '../session-access';
import { AttestSupervisionSessionCommand } from './attest-supervision-session.command';

/** A supervisee co-signs a session that names them; who they are comes from the token. */
@CommandHandler(AttestSupervisionSessionCommand)
export class AttestSupervisionSessionHandler implements ICommandHandler<AttestSupervisionSessionCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ sessionId, body, context }: AttestSupervisionSessionCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'SupervisionSession',
        id: sessionId,
        streamId: supervisionStreams.supervisionSession(sessionId),
        decider: supervisionSession,
        mustExist: true,
        command: (state, metadata): AttestSupervisionSession => ({
          type: 'AttestSupervisionSession',
          data: { sessionId, socialWorkerId: mustBeNamedIn(context.principal, state, sessionId), confirms: body },
          metadata,
        }),
      },
      context,
    );
  }
}
