import { Injectable } from '@nestjs/common';
import { assessment, AssessmentCommand, AssessmentState, IndependenceFacts, streams } from '@sws/assessment';
import { Command, RecordNotFound } from '@sws/kernel';
import { RecordedEvent } from '@sws/event-store';
import { OrganizationDetail } from '@sws/stations-contracts';
import { AccessDenied } from '../auth/access-denied';
import { Principal } from '../auth/principal';
import { mustActFor } from '../auth/write-access';
import { CommandExecutor, WriteResult } from '../infrastructure/command-executor';
import { ReadModels } from '../infrastructure/read-models.service';
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

/** The guidance centre: its role is checked at the door, and it acts on any assessment. */
export const theGuidanceCentre: AssessmentAccess = () => undefined;

/** The organizations an organization is affiliated with, whichever side declared it (the read model keeps both). */
export function independenceOf(organization: OrganizationDetail | null): IndependenceFacts {
  return { affiliatedOrgIds: (organization?.affiliations ?? []).map((a) => a.orgId) };
}

type Build = (metadata: Command['metadata'], state: StartedAssessment) => AssessmentCommand | Promise<AssessmentCommand>;

/** Commands on an assessment that exists: 404 when it does not, 403 for the wrong caller, then the domain's rules. */
@Injectable()
export class AssessmentWrites {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly readModels: ReadModels,
  ) {}

  carryOut(assessmentId: string, context: RequestContext, access: AssessmentAccess, command: (metadata: Command['metadata']) => AssessmentCommand): Promise<WriteResult> {
    return this.run(assessmentId, context, access, (metadata) => command(metadata));
  }

  /**
   * For the steps that make or change what an assessment says (scoring, submission,
   * finalization, amendment): the command carries the evaluator organization's affiliations,
   * read once the organization read model has caught up with the log, so an affiliation declared
   * since the start stops it (CONFLICT_OF_INTEREST).
   */
  carryOutIndependently(
    assessmentId: string,
    context: RequestContext,
    access: AssessmentAccess,
    command: (metadata: Command['metadata'], facts: IndependenceFacts) => AssessmentCommand,
  ): Promise<WriteResult> {
    return this.run(assessmentId, context, access, async (metadata, state) => {
      const evaluator = await this.readModels.current<OrganizationDetail>('organization-detail', state.ref.evaluatorOrgId);
      return command(metadata, independenceOf(evaluator));
    });
  }

  private run(assessmentId: string, context: RequestContext, access: AssessmentAccess, build: Build): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'Assessment',
        id: assessmentId,
        streamId: streams.assessment(assessmentId),
        decider: assessment,
        mustExist: true,
        command: async (state, metadata, history) => {
          if (state.status === 'unknown') throw new RecordNotFound('Assessment', assessmentId);
          access(context.principal, state, history);
          return build(metadata, state);
        },
      },
      context,
    );
  }
}
