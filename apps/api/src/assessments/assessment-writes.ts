import { Injectable } from '@nestjs/common';
import { assessment, AssessmentCommand, AssessmentState, streams } from '@sws/assessment';
import { Command } from '@sws/kernel';
import { RecordedEvent } from '@sws/event-store';
import { AccessDenied } from '../auth/access-denied';
import { Principal } from '../auth/principal';
import { mustActFor } from '../auth/write-access';
import { CommandExecutor, WriteResult } from '../infrastructure/command-executor';
import { RequestContext } from '../infrastructure/request-context';

export type StartedAssessment = Exclude<AssessmentState, { status: 'unknown' }>;

/** Who may carry a command out on an assessment, checked on its current state before anything is decided. */
export type AssessmentAccess = (principal: Principal, state: StartedAssessment, history: readonly RecordedEvent[]) => void;

/**
 * The organization that started an assessment carries it on, in the role it started it in: an
 * evaluator's staff for a third-party assessment, the purchaser's procurement for its own.
 */
export const itsAssessor =
  (what: string): AssessmentAccess =>
  (principal, state, history) => {
    const startedAs = history[0]?.metadata.actor.role;
    if (principal.orgId !== state.ref.evaluatorOrgId || principal.role !== startedAs) {
      throw new AccessDenied(`${principal.role} of organization ${principal.orgId} may not ${what}: it did not start it`);
    }
  };

/** The contract's operator, as the assessment recorded it when it started. */
export const itsOperator =
  (what: string): AssessmentAccess =>
  (principal, state) =>
    mustActFor(principal, state.operatorOrgId, what);

/** Commands on an assessment that exists: 404 when it does not, 403 for the wrong caller, then the domain's rules. */
@Injectable()
export class AssessmentWrites {
  constructor(private readonly executor: CommandExecutor) {}

  carryOut(
    assessmentId: string,
    context: RequestContext,
    access: AssessmentAccess,
    command: (metadata: Command['metadata']) => AssessmentCommand,
  ): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'Assessment',
        id: assessmentId,
        streamId: streams.assessment(assessmentId),
        decider: assessment,
        mustExist: true,
        command: (state, metadata, history) => {
          if (state.status !== 'unknown') access(context.principal, state, history);
          return command(metadata);
        },
      },
      context,
    );
  }
}
