import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ContractDetail, StationDetail } from '@sws/stations-contracts';
import { ELIGIBILITY_STATUS_ZH, EligibilityJudgement, reasonInChinese } from '@sws/renewal';
import { assertMayRead } from '../../auth/read-access';
import { badField } from '../../http/params';
import { ReadModels } from '../../infrastructure/read-models.service';
import { found, ReadResponse } from '../../http/read-response';
import { Basis, RenewalEligibility } from '../renewal-eligibility.service';
import { GetRenewalEligibilityQuery } from './get-renewal-eligibility.query';

export type ExplainedJudgement = Omit<EligibilityJudgement, 'reasons'> & {
  readonly statusZh: string;
  readonly reasons: ReadonlyArray<EligibilityJudgement['reasons'][number] & { readonly messageZh: string }>;
  readonly basis: Basis;
};

/** Station names for the Chinese reasons. */
export async function stationNames(readModels: ReadModels, stationIds: readonly string[]): Promise<Record<string, string>> {
  const stations = await readModels.readMany<StationDetail>('station-detail', stationIds, null);
  return Object.fromEntries([...stations.values()].map((s) => [s.id, s.name]));
}

export function explain(judgement: EligibilityJudgement, basis: Basis, names: Record<string, string>): ExplainedJudgement {
  return {
    ...judgement,
    statusZh: ELIGIBILITY_STATUS_ZH[judgement.status],
    reasons: judgement.reasons.map((reason) => ({ ...reason, messageZh: reasonInChinese(reason, names) })),
    basis,
  };
}

/**
 * `GET /contracts/{id}/renewal-eligibility?asOf=&knownAt=`: today's answer from the read models;
 * an answer about the past (a date, a moment, or both) from the contract's streams replayed.
 */
@QueryHandler(GetRenewalEligibilityQuery)
export class GetRenewalEligibilityHandler implements IQueryHandler<GetRenewalEligibilityQuery, ReadResponse<ExplainedJudgement>> {
  constructor(
    private readonly eligibility: RenewalEligibility,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ contractId, when, minPosition, caller }: GetRenewalEligibilityQuery): Promise<ReadResponse<ExplainedJudgement>> {
    if (when.asOf !== undefined && when.asOf > this.eligibility.today()) {
      throw badField('asOf', `must not lie after today (${this.eligibility.today()}): eligibility judges facts, not forecasts`);
    }
    if (when.knownAt !== undefined && Date.parse(when.knownAt) > Date.parse(this.eligibility.now())) {
      throw badField('knownAt', 'must not lie in the future');
    }
    // Who may read the contract may read its judgement: checked before any replay runs.
    const { document } = await this.readModels.read<ContractDetail>('contract-detail', contractId, minPosition);
    assertMayRead(caller, 'contract', found('Contract', contractId, document));
    const { judgement, figures, basis } = await this.eligibility.judge(contractId, when, minPosition);
    // The replayed contract names the same parties; checked again so no path skips the rule.
    assertMayRead(caller, 'contract', figures.contract);
    // The reasons name stations as they are called today: the live figures read those names already.
    const names = basis.source === 'read-models' ? figures.names.stations : await stationNames(this.readModels, figures.contract.stationIds);
    return { data: explain(judgement, basis, names), position: basis.position };
  }
}
