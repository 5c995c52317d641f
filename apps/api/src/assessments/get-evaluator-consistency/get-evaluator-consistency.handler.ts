import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { EvaluatorEntry, evaluatorConsistency, evaluatorConsistencyProjection, evaluatorPrefix, evaluatorRecord, stationsToCompare } from '@sws/assessment';
import { OrganizationDetail } from '@sws/stations-contracts';
import { AccessDenied } from '../../auth/access-denied';
import { found, ReadResponse } from '../../http/read-response';
import { ReadModels } from '../../infrastructure/read-models.service';
import { readScorecards } from '../read-scorecards';
import { GetEvaluatorConsistencyQuery } from './get-evaluator-consistency.query';

const PAGE = 500;

/**
 * Read model 6: an evaluator organization's finalized assessments, their mean, and how far they
 * lie from other organizations' scores of the same stations and periods. For the administrator,
 * procurement, and the organization itself.
 */
@QueryHandler(GetEvaluatorConsistencyQuery)
export class GetEvaluatorConsistencyHandler implements IQueryHandler<GetEvaluatorConsistencyQuery, ReadResponse<unknown>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ evaluatorOrgId, minPosition, caller }: GetEvaluatorConsistencyQuery): Promise<ReadResponse<unknown>> {
    if (caller.role === 'evaluator' && caller.orgId !== evaluatorOrgId) {
      throw new AccessDenied(`evaluator of organization ${caller.orgId} may read only its own organization's consistency`);
    }
    const { entries, position } = await this.entriesOf(evaluatorOrgId, minPosition);
    if (entries.length === 0) {
      const organization = await this.readModels.readMany<OrganizationDetail>('organization-detail', [evaluatorOrgId], minPosition);
      found('Organization', evaluatorOrgId, organization.get(evaluatorOrgId) ?? null);
    }
    const record = evaluatorRecord(evaluatorOrgId, entries, (a, b) => this.events.comparePositions(a as Position, b as Position));
    const { scorecards } = await readScorecards(this.readModels, stationsToCompare(record), minPosition);
    return {
      data: { ...evaluatorConsistency(record, [...scorecards.values()]), assessments: record.assessments },
      position,
    };
  }

  /** The organization's documents, one per finalized assessment, listed by the prefix of their ids. */
  private async entriesOf(evaluatorOrgId: string, minPosition: GetEvaluatorConsistencyQuery['minPosition']) {
    const name = evaluatorConsistencyProjection.name;
    await this.readModels.readMany(name, [], minPosition); // waits for minPosition, reads nothing
    const position = this.readModels.positionOf(name);
    const prefix = evaluatorPrefix(evaluatorOrgId);
    const entries: EvaluatorEntry[] = [];
    for (let after = prefix; ; ) {
      const { rows } = await this.readModels.list<EvaluatorEntry>(name, PAGE, after, undefined, prefix);
      const own = rows.filter((row) => row.id.startsWith(prefix));
      entries.push(...own.map((row) => row.document));
      if (rows.length < PAGE || own.length < rows.length) return { entries, position };
      after = rows[rows.length - 1].id;
    }
  }
}
