import { ProjectedEvent, Projection } from '@sws/kernel';
import { SupervisionSessionCorrected, SupervisionSessionLogged } from '../supervision-session/session';
import { Affiliation, SupervisorRegistered, SupervisorTier } from '../supervisor/supervisor';

export interface SupervisorDetail {
  readonly id: string;
  readonly name: string;
  readonly tier: SupervisorTier;
  readonly affiliation: Affiliation;
  readonly affiliationOrgId: string | null;
  readonly registeredAt: string;
  /** Every contract a session of theirs was logged or corrected under: whose parties follow their workload. */
  readonly contractIds: readonly string[];
  /** The organization they belong to, if any: who besides the administrator reads their history. */
  readonly parties: readonly string[];
}

type Handled = SupervisorRegistered | SupervisionSessionLogged | SupervisionSessionCorrected;

/** The expert pool: each supervisor as registered, and the contracts they have served. */
export const supervisorDetailProjection: Projection<SupervisorDetail> = {
  name: 'supervisor-detail',
  version: 1,
  collection: 'supervisors',
  handles: ['SupervisorRegistered', 'SupervisionSessionLogged', 'SupervisionSessionCorrected'],
  documentIds: (event: ProjectedEvent) => [(event.data as { supervisorId: string }).supervisorId],

  evolve(document, projected) {
    const event = projected as unknown as Handled;
    if (event.type === 'SupervisorRegistered') {
      const { supervisorId, name, tier, affiliation, affiliationOrgId } = event.data;
      return {
        id: supervisorId,
        name,
        tier,
        affiliation,
        affiliationOrgId,
        registeredAt: projected.metadata.recordedAt,
        contractIds: document?.contractIds ?? [],
        parties: affiliationOrgId === null ? [] : [affiliationOrgId],
      };
    }
    if (document === null) return null;
    const contractId = event.type === 'SupervisionSessionLogged' ? event.data.contractId : event.data.after.contractId;
    return document.contractIds.includes(contractId) ? document : { ...document, contractIds: [...document.contractIds, contractId] };
  },
};
