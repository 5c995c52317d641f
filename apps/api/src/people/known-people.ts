import { ContractDetail, OrganizationDetail, SocialWorkerDetail } from '@sws/stations-contracts';
import { SupervisorDetail } from '@sws/supervision';
import { Role } from '../auth/principal';
import { ReadModels } from '../infrastructure/read-models.service';
import { PersonDto } from './person.dto';

const PAGE = 500;
/** Dev sign-in lists a county or two; past this many records of a kind it stops reading. */
const MOST_PER_KIND = 2000;

async function everything<D>(readModels: ReadModels, projection: string): Promise<D[]> {
  const documents: D[] = [];
  let after: string | undefined;
  while (documents.length < MOST_PER_KIND) {
    const { rows } = await readModels.list<D>(projection, PAGE, after);
    documents.push(...rows.map((row) => row.document));
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }
  return documents;
}

const STAFF_ROLE: Readonly<Record<OrganizationDetail['kind'], Role>> = { purchaser: 'procurement', operator: 'operator', evaluator: 'evaluator' };

/** The guidance centre of a county has no organization record; its id is the one the demo and `npm run token` use. */
export const centreOf = (countyCode: string) => `centre-${countyCode}`;
/** Supervisors from the expert pool who belong to no registered organization act for the pool. */
export const SUPERVISOR_POOL = 'supervisor-pool';

/**
 * Everyone the read models know of, as someone a development sign-in can act as: the guidance
 * centre of each county the organizations are in, the staff of each organization in the role its
 * kind gives, every supervisor and every social worker (for the operator they last worked for).
 */
export async function knownPeople(readModels: ReadModels): Promise<PersonDto[]> {
  const [organizations, contracts, supervisors, workers] = await Promise.all([
    everything<OrganizationDetail>(readModels, 'organization-detail'),
    everything<ContractDetail>(readModels, 'contract-detail'),
    everything<SupervisorDetail>(readModels, 'supervisor-detail'),
    everything<SocialWorkerDetail>(readModels, 'social-worker-detail'),
  ]);
  const organizationName = new Map(organizations.map((o) => [o.id, o.name]));
  const operatorOf = new Map(contracts.map((c) => [c.id, c.operatorOrgId]));
  const counties = new Map(organizations.map((o) => [o.region.code.slice(0, 6), `${o.region.county}社会工作指导中心`]));
  const person = (role: Role, orgId: string, name: string | null, ids: Partial<Pick<PersonDto, 'socialWorkerId' | 'supervisorId'>> = {}): PersonDto => ({
    role,
    orgId,
    organizationName: organizationName.get(orgId) ?? null,
    name,
    ...ids,
  });
  return [
    ...[...counties].map(([code, centre]) => ({ ...person('admin', centreOf(code), null), organizationName: centre })),
    ...organizations.map((o) => person(STAFF_ROLE[o.kind], o.id, null)),
    ...supervisors.map((s) => person('supervisor', s.affiliationOrgId ?? SUPERVISOR_POOL, s.name, { supervisorId: s.id })),
    ...workers.map((w) => {
      const last = w.assignments[w.assignments.length - 1];
      const employer = (last && operatorOf.get(last.contractId)) ?? w.registeredByOrgId ?? SUPERVISOR_POOL;
      return person('social_worker', employer, w.name, { socialWorkerId: w.id });
    }),
  ];
}
