import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { supervisionSession, supervisionStreams, VoidSupervisionSession } from '@sws/supervision';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { mustBeItsSupervisor } from '../session-access';
import { VoidSupervisionSessionCommand } from './void-supervision-session.command';

/** The session's own supervisor voids it: its hours leave every ledger, its record stays. */
@CommandHandler(VoidSupervisionSessionCommand)
export class VoidSupervisionSessionHandler implements ICommandHandler<VoidSupervisionSessionCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ sessionId, body, context }: VoidSupervisionSessionCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'SupervisionSession',
        id: sessionId,
        streamId: supervisionStreams.supervisionSession(sessionId),
        decider: supervisionSession,
        mustExist: true,
        command: (state, metadata): VoidSupervisionSession => {
          mustBeItsSupervisor(context.principal, state, sessionId, 'void');
          return { type: 'VoidSupervisionSession', data: { sessionId, reason: body.reason }, metadata };
        },
      },
      context,
    );
  }
}
