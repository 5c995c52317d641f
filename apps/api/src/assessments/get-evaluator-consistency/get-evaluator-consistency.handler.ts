import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EvaluatorRecord, evaluatorConsistency, StationScorecard, stationsToCompare } from '@sws/assessment';
import { OrganizationDetail } from '@sws/stations-contracts';
import { AccessDenied } from '../../auth/access-denied';
import { found, ReadResponse } from '../../http/read-response';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetEvaluatorConsistencyQuery } from './get-evaluator-consistency.query';

/**
 * Read model 6: an evaluator organization's finalized assessments, their mean, and how far they
 * lie from other organizations' scores of the same stations and periods. For the administrator,
 * procurement, and the organization itself.
 */
@QueryHandler(GetEvaluatorConsistencyQuery)
export class GetEvaluatorConsistencyHandler implements IQueryHandler<GetEvaluatorConsistencyQuery, ReadResponse<unknown>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ evaluatorOrgId, minPosition, caller }: GetEvaluatorConsistencyQuery): Promise<ReadResponse<unknown>> {
    if (caller.role === 'evaluator' && caller.orgId !== evaluatorOrgId) {
      throw new AccessDenied(`evaluator of organization ${caller.orgId} may read only its own organization's consistency`);
    }
    const { document, position } = await this.readModels.read<EvaluatorRecord>('evaluator-consistency', evaluatorOrgId, minPosition);
    if (document === null) {
      const organization = await this.readModels.readMany<OrganizationDetail>('organization-detail', [evaluatorOrgId], minPosition);
      found('Organization', evaluatorOrgId, organization.get(evaluatorOrgId) ?? null);
    }
    const record = document ?? { evaluatorOrgId, assessments: [], finalized: 0, meanScore: null };
    const scorecards = await this.readModels.readMany<StationScorecard>('station-scorecard', stationsToCompare(record), minPosition);
    return {
      data: { ...evaluatorConsistency(record, [...scorecards.values()]), assessments: record.assessments },
      position,
    };
  }
}
