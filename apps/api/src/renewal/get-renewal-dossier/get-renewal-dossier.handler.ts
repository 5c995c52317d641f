import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RecordNotFound } from '@sws/kernel';
import { ContractDetail, OrganizationDetail } from '@sws/stations-contracts';
import { assertMayRead } from '../../auth/read-access';
import { ReadModels } from '../../infrastructure/read-models.service';
import { explain } from '../get-renewal-eligibility/get-renewal-eligibility.handler';
import { RenewalEligibility } from '../renewal-eligibility.service';
import { GetRenewalDossierQuery } from './get-renewal-dossier.query';
import { RenewalDossier, renewalDossier } from './renewal-dossier';

/** `GET /contracts/{id}/renewal-dossier`: today's eligibility and every figure behind it, from the read models. */
@QueryHandler(GetRenewalDossierQuery)
export class GetRenewalDossierHandler implements IQueryHandler<GetRenewalDossierQuery, RenewalDossier> {
  constructor(
    private readonly eligibility: RenewalEligibility,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ contractId, minPosition, caller }: GetRenewalDossierQuery): Promise<RenewalDossier> {
    const { document } = await this.readModels.read<ContractDetail>('contract-detail', contractId, minPosition);
    if (document === null) throw new RecordNotFound('Contract', contractId);
    assertMayRead(caller, 'contract', document);
    const { judgement, figures, basis } = await this.eligibility.judge(contractId, {}, minPosition);
    const { contract } = figures;
    // Today's figures come from the live read models, so the names they read are today's too.
    const { stations, workers } = figures.names;
    const organizations = await this.readModels.readMany<OrganizationDetail>('organization-detail', [contract.purchaserOrgId, contract.operatorOrgId], null);
    return renewalDossier({
      figures,
      eligibility: explain(judgement, basis, stations),
      names: {
        stations,
        organizations: Object.fromEntries([...organizations.values()].map((o) => [o.id, o.name])),
        workers,
      },
      generatedAt: this.eligibility.now(),
      position: basis.position,
    });
  }
}
