import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assessment, AssessmentRef, AssessorKind, rubric, StartAssessment, StartAssessmentFacts, streams } from '@sws/assessment';
import { contract, lastDay, OrganizationDetail, station, streams as contractStreams } from '@sws/stations-contracts';
import { AccessDenied } from '../../auth/access-denied';
import { Principal, Role } from '../../auth/principal';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { ReadModels } from '../../infrastructure/read-models.service';
import { Records } from '../../infrastructure/records';
import { KeyReads } from '../../infrastructure/reservations/reservations';
import { independenceOf } from '../assessment-writes';
import { OpenAssessments } from '../open-assessments';
import { StartAssessmentCommand } from './start-assessment.command';

/** Evaluators make third-party (and community or service-user) assessments; procurement makes the purchaser's own. */
const KINDS_BY_ROLE: Partial<Record<Role, readonly AssessorKind[]>> = {
  evaluator: ['third_party', 'community', 'service_users'],
  procurement: ['purchaser'],
};

function mayStart(principal: Principal, kind: AssessorKind): void {
  if (!KINDS_BY_ROLE[principal.role]?.includes(kind)) {
    throw new AccessDenied(`${principal.role} may not start a ${kind} assessment`, 'ROLE_NOT_ALLOWED');
  }
}

@CommandHandler(StartAssessmentCommand)
export class StartAssessmentHandler implements ICommandHandler<StartAssessmentCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
    private readonly readModels: ReadModels,
    private readonly open: OpenAssessments,
  ) {}

  execute({ body, context }: StartAssessmentCommand): Promise<WriteResult> {
    mayStart(context.principal, body.assessorKind);
    const assessmentId = this.executor.newId(context, 'Assessment');
    const { contractId, stationId, period, assessorKind, rubricCode, rubricVersion } = body;
    // The evaluator organization is the caller's own: a body cannot name another.
    const data: AssessmentRef = {
      assessmentId,
      evaluatorOrgId: context.principal.orgId,
      contractId,
      stationId,
      period: { kind: period.kind, from: period.from, to: period.to },
      assessorKind,
      rubricCode,
      rubricVersion,
    };
    return this.executor.execute(
      {
        recordType: 'Assessment',
        id: assessmentId,
        streamId: streams.assessment(assessmentId),
        decider: assessment,
        mustExist: false,
        command: async (_state, metadata, _history, keys): Promise<StartAssessment> => ({ type: 'StartAssessment', data, metadata, facts: await this.facts(data, keys) }),
        reserve: () => this.open.claim(data),
      },
      context,
    );
  }

  /**
   * The station's open and counting assessments from its key; the rubric version, the contract and
   * the station's closure from their streams; the evaluator's affiliations (both sides') from the
   * organization read model once it has caught up.
   */
  private async facts(data: AssessmentRef, keys: KeyReads): Promise<StartAssessmentFacts> {
    const stationAssessments = await this.open.of(data.stationId, keys);
    const [rubricState, contractState, stationState, evaluator] = await Promise.all([
      this.records.state(streams.rubric(data.rubricCode, data.rubricVersion), rubric),
      this.records.state(contractStreams.contract(data.contractId), contract),
      this.records.state(contractStreams.station(data.stationId), station),
      this.readModels.current<OrganizationDetail>('organization-detail', data.evaluatorOrgId),
    ]);
    return {
      rubric: rubricState.status === 'unknown' ? null : { definition: rubricState.definition, retired: rubricState.status === 'retired' },
      contract:
        contractState.status === 'unknown'
          ? null
          : {
              operatorOrgId: contractState.operatorOrgId,
              purchaserOrgId: contractState.purchaserOrgId,
              stationIds: contractState.stationIds,
              term: { start: contractState.term.start, end: lastDay(contractState.term, contractState.terminatedOn) },
            },
      evaluator: evaluator === null ? null : { kind: evaluator.kind, ...independenceOf(evaluator) },
      stationAssessments,
      stationClosedOn: stationState.status === 'closed' ? stationState.closedOn : null,
    };
  }
}
