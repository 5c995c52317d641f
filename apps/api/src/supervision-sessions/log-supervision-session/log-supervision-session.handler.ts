import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LogSupervisionSession, supervisionSession, SupervisionSessionLogged, supervisionStreams, supervisor } from '@sws/supervision';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { Records } from '../../infrastructure/records';
import { supervisorOf } from '../session-access';
import { SupervisorCalendar } from '../supervisor-calendar';
import { LogSupervisionSessionCommand } from './log-supervision-session.command';

/** A supervisor logs a session they held: who they are comes from the token, never the body. */
@CommandHandler(LogSupervisionSessionCommand)
export class LogSupervisionSessionHandler implements ICommandHandler<LogSupervisionSessionCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
    private readonly calendar: SupervisorCalendar,
  ) {}

  execute({ body, context }: LogSupervisionSessionCommand): Promise<WriteResult> {
    const supervisorId = supervisorOf(context.principal);
    const sessionId = this.executor.newId(context, 'SupervisionSession');
    return this.executor.execute(
      {
        recordType: 'SupervisionSession',
        id: sessionId,
        streamId: supervisionStreams.supervisionSession(sessionId),
        decider: supervisionSession,
        mustExist: false,
        command: async (_state, metadata, _history, keys): Promise<LogSupervisionSession> => {
          const registered = await this.records.state(supervisionStreams.supervisor(supervisorId), supervisor);
          return {
            type: 'LogSupervisionSession',
            data: { sessionId, supervisorId, ...body },
            metadata,
            facts: {
              ...(await this.calendar.factsFor(supervisorId, body, keys)),
              supervisor: registered.status === 'registered' ? { supervisorId } : null,
            },
          };
        },
        reserve: (decided) => this.calendar.claims(supervisorId, (decided as SupervisionSessionLogged[])[0].data),
      },
      context,
    );
  }
}
