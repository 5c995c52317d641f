import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CorrectSupervisionSession, supervisionSession, SupervisionSessionCorrected, supervisionStreams, TIME_FIELDS } from '@sws/supervision';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { mustBeItsSupervisor } from '../session-access';
import { SupervisorCalendar } from '../supervisor-calendar';
import { CorrectSupervisionSessionCommand } from './correct-supervision-session.command';

/** The session's own supervisor corrects it, every rule checked again against the corrected session. */
@CommandHandler(CorrectSupervisionSessionCommand)
export class CorrectSupervisionSessionHandler implements ICommandHandler<CorrectSupervisionSessionCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly calendar: SupervisorCalendar,
  ) {}

  execute({ sessionId, body, context }: CorrectSupervisionSessionCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'SupervisionSession',
        id: sessionId,
        streamId: supervisionStreams.supervisionSession(sessionId),
        decider: supervisionSession,
        mustExist: true,
        command: async (state, metadata, _history, keys): Promise<CorrectSupervisionSession> => {
          mustBeItsSupervisor(context.principal, state, sessionId, 'correct');
          const { reason, changes } = body;
          const corrected = state.status === 'unknown' ? null : { ...state.session, ...changes };
          return {
            type: 'CorrectSupervisionSession',
            data: { sessionId, reason, changes },
            metadata,
            facts: corrected === null ? { assignments: {}, supervisorSessions: [] } : await this.calendar.factsFor(corrected.supervisorId, corrected, keys),
          };
        },
        // A correction that moves the session claims its new minutes; the old ones are freed in the session's own stream.
        reserve: (decided) => {
          const [{ data }] = decided as SupervisionSessionCorrected[];
          const moved = data.changedFields.some((field) => TIME_FIELDS.includes(field));
          return moved ? this.calendar.claims(data.supervisorId, { sessionId, ...data.after }) : null;
        },
      },
      context,
    );
  }
}
