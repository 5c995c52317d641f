import { Principal } from '../../api/src/auth/principal';
import { COUNTY, demoCounty, WorkerStep } from './demo-county';
import { demoAssessments, loadDemoAssessments } from './demo-assessments';
import { demoSupervision, DemoSupervisionCounts, loadDemoSupervision } from './demo-supervision';
import { DemoRenewalCounts, loadDemoRenewal } from './demo-renewal';

/** The part of the Fastify application the demo needs: in-process requests. */
export interface InjectableApp {
  inject(options: {
    method: 'GET' | 'POST';
    url: string;
    payload?: object;
    headers?: Record<string, string>;
  }): Promise<{ statusCode: number; body: string }>;
}

export interface DemoSummary {
  readonly organizations: number;
  readonly stations: number;
  readonly contracts: ReadonlyArray<{ readonly key: string; readonly id: string; readonly staffingCompliance: number | null }>;
  readonly socialWorkers: number;
  readonly certifications: number;
  readonly assignments: number;
  readonly departures: number;
  /** Rubrics published; assessments finalized, submitted and awaiting the operator, and amended. */
  readonly rubrics: number;
  readonly assessments: number;
  readonly awaitingResponse: number;
  readonly amendments: number;
  /** The year's supervisors, sessions, attestations, trainings and monthly service reports. */
  readonly supervision: DemoSupervisionCounts;
  /** The renewal round: policy published, reviews opened, the decision taken. */
  readonly renewal: DemoRenewalCounts;
  /** POSTs sent, including those the service recognised as retries. */
  readonly writes: number;
  /** The log's head before and after: equal when the county was loaded already. */
  readonly headBefore: string | null;
  readonly headAfter: string | null;
  /** The position of the last write: pass it as ?minPosition= to read everything the demo wrote. */
  readonly lastPosition: string;
}

interface WriteAnswer {
  readonly id: string;
  readonly revision: number;
  readonly position: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Signs a token for a principal: the demo acts as each person whose work it records. */
export type Authorize = (principal: Principal) => string;

/** The people the demo acts as; their ids are stable so that a second run finds its first. */
const DEMO_ADMIN: Principal = { userId: 'demo-admin', role: 'admin', orgId: 'centre-370112' };
const demoPrincipal = (role: 'operator' | 'procurement', orgId: string): Principal => ({ userId: `demo-${role}@${orgId}`, role, orgId });

/**
 * Loads the sample county through the HTTP API, each write as the person whose work it is
 * (the administrator registers reference data, procurement awards, operators staff), every
 * write with an Idempotency-Key derived from the record's stable key, so that running it again
 * appends nothing. Throws on any answer that is not 2xx.
 */
export async function loadDemo(app: InjectableApp, authorize: Authorize): Promise<DemoSummary> {
  const county = demoCounty();
  let writes = 0;
  let lastPosition = '';

  async function request(
    method: 'GET' | 'POST',
    url: string,
    as: Principal,
    payload?: object,
    key?: string,
    tolerated: readonly string[] = [],
  ): Promise<any> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new Error(`idempotency key ${key} is not visible ASCII`);
    const headers: Record<string, string> = { authorization: `Bearer ${authorize(as)}` };
    if (key !== undefined) headers['idempotency-key'] = key;
    const response = await app.inject({ method, url, payload, headers });
    if (response.statusCode === 422 && tolerated.includes(JSON.parse(response.body).code)) return null;
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw new Error(`${method} ${url}${key ? ` (Idempotency-Key ${key})` : ''} answered ${response.statusCode}: ${response.body}`);
    }
    return JSON.parse(response.body);
  }

  async function post(url: string, key: string, payload: object, as: Principal = DEMO_ADMIN): Promise<WriteAnswer> {
    const answer = (await request('POST', url, as, payload, `demo:${key}`)) as WriteAnswer;
    writes += 1;
    lastPosition = answer.position;
    return answer;
  }

  const headBefore = ((await request('GET', '/health', DEMO_ADMIN)) as { head: string | null }).head;

  const organizationIds = new Map<string, string>();
  for (const o of county.organizations) {
    const { id } = await post('/organizations', `organization:${o.key}`, {
      name: o.name,
      kind: o.kind,
      creditCode: o.creditCode,
      region: COUNTY,
    });
    organizationIds.set(o.key, id);
  }

  const stationIds = new Map<string, string>();
  for (const s of county.stations) {
    const { id } = await post('/stations', `station:${s.key}`, {
      name: s.name,
      kind: 'street',
      region: { ...COUNTY, code: s.code, township: s.township },
      operatingModel: s.operatingModel,
      villageCount: s.villageCount,
    });
    stationIds.set(s.key, id);
  }

  const purchaserOrgId = organizationIds.get(county.purchaserKey)!;
  const contractIds = new Map<string, string>();
  const operatorOfContract = new Map<string, Principal>();
  for (const c of county.contracts) {
    const operatorOrgId = organizationIds.get(c.operatorKey)!;
    const body = {
      purchaserOrgId,
      operatorOrgId,
      stationIds: c.stationKeys.map((key) => stationIds.get(key)),
      term: county.term,
      budget: { totalCny: c.totalCny, sources: c.sources },
      requirements: county.requirements,
    };
    const { id } = await post('/contracts', `contract:${c.key}`, body, demoPrincipal('procurement', purchaserOrgId));
    contractIds.set(c.key, id);
    operatorOfContract.set(c.key, demoPrincipal('operator', operatorOrgId));
  }

  // Each worker is registered, certified and staffed by the operator that employs them.
  const employer = new Map<string, Principal>();
  const workerIds = new Map<string, string>();
  for (const w of county.workers) {
    const firstAssignment = w.steps.find((step) => step.kind === 'assign');
    const as = firstAssignment?.kind === 'assign' ? operatorOfContract.get(firstAssignment.contractKey)! : DEMO_ADMIN;
    const body = { name: w.name, certification: w.certification, socialWorkDegree: w.socialWorkDegree };
    const { id } = await post('/social-workers', `social-worker:${w.key}`, body, as);
    workerIds.set(w.key, id);
    employer.set(w.key, as);
  }

  // Certificates, assignments and departures in the order they happened across the county.
  const steps = county.workers
    .flatMap((worker) => worker.steps.map((step, index) => ({ worker, step, index })))
    .sort((a, b) => (a.step.on < b.step.on ? -1 : a.step.on > b.step.on ? 1 : 0));
  const counts = { certify: 0, assign: 0, depart: 0 };
  for (const { worker, step, index } of steps) {
    const [url, body] = stepRequest(workerIds.get(worker.key)!, step, stationIds, contractIds);
    if (step.kind === 'assign') employer.set(worker.key, operatorOfContract.get(step.contractKey)!);
    await post(url, `social-worker:${worker.key}:${step.kind}:${index + 1}`, body, employer.get(worker.key));
    counts[step.kind] += 1;
  }

  // The year's supervision, training and monthly service reports, each by the person whose work it is.
  const supervision = await loadDemoSupervision(
    demoSupervision(county),
    { admin: DEMO_ADMIN, organizationIds, stationIds, contractIds, workerIds, operatorOfContract },
    (url, key, payload, as) => post(url, key, payload, as),
  );

  // The year's third-party assessments, against the shipped rubrics.
  const assessed = await loadDemoAssessments(
    demoAssessments(county),
    { admin: DEMO_ADMIN, organizationIds, stationIds, contractIds, operatorOfContract },
    (url, key, payload, as) => post(url, key, payload, as),
  );

  // The renewal round, as procurement of the county bureau plays it out before the contracts end.
  const renewal = await loadDemoRenewal(
    {
      admin: DEMO_ADMIN,
      procurement: demoPrincipal('procurement', purchaserOrgId),
      contracts: county.contracts.map((c) => ({ key: c.key, id: contractIds.get(c.key)!, budget: { totalCny: c.totalCny, sources: c.sources } })),
    },
    {
      get: (url, as) => request('GET', url, as),
      post: (url, key, payload, as) => post(url, key, payload, as),
      postUnlessRefused: async (url, key, payload, as, codes) => {
        const answer = (await request('POST', url, as, payload, `demo:${key}`, codes)) as WriteAnswer | null;
        if (answer !== null) {
          writes += 1;
          lastPosition = answer.position;
        }
        return answer;
      },
    },
  );

  const contracts: Array<DemoSummary['contracts'][number]> = [];
  for (const [key, id] of contractIds) {
    const { data } = await request('GET', `/contracts/${id}?minPosition=${lastPosition}`, DEMO_ADMIN);
    contracts.push({ key, id, staffingCompliance: data.staffing.compliance.share });
  }
  const headAfter = ((await request('GET', '/health', DEMO_ADMIN)) as { head: string | null }).head;

  return {
    organizations: organizationIds.size,
    stations: stationIds.size,
    contracts,
    socialWorkers: workerIds.size,
    certifications: counts.certify,
    assignments: counts.assign,
    departures: counts.depart,
    ...assessed,
    supervision,
    renewal,
    writes,
    headBefore,
    headAfter,
    lastPosition,
  };
}

function stepRequest(
  workerId: string,
  step: WorkerStep,
  stationIds: ReadonlyMap<string, string>,
  contractIds: ReadonlyMap<string, string>,
): [string, object] {
  const base = `/social-workers/${workerId}`;
  switch (step.kind) {
    case 'certify':
      return [`${base}/certifications`, { level: step.level, certificateNo: step.certificateNo, on: step.on }];
    case 'assign':
      return [
        `${base}/assignments`,
        { contractId: contractIds.get(step.contractKey), stationId: stationIds.get(step.stationKey), post: step.post, from: step.on },
      ];
    case 'depart':
      return [`${base}/departures`, { stationId: stationIds.get(step.stationKey), on: step.on, reason: step.reason }];
  }
}

/** The summary as the demo command prints it. */
export function formatDemoSummary(summary: DemoSummary): string {
  const appended =
    summary.headBefore === summary.headAfter
      ? 'nothing new appended: the sample county was loaded already'
      : `log head ${summary.headBefore ?? '(empty)'} -> ${summary.headAfter}`;
  const share = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  return [
    `sample county ${COUNTY.province}${COUNTY.city}${COUNTY.county} (${COUNTY.code}) loaded: ${appended}`,
    `  organizations   ${summary.organizations}`,
    `  stations        ${summary.stations}`,
    `  contracts       ${summary.contracts.length}`,
    `  social workers  ${summary.socialWorkers}`,
    `  certifications  ${summary.certifications}`,
    `  assignments     ${summary.assignments}`,
    `  departures      ${summary.departures}`,
    `  rubrics         ${summary.rubrics}`,
    `  assessments     ${summary.assessments} finalized (${summary.amendments} amended), ${summary.awaitingResponse} awaiting the operator's response`,
    `  supervisors     ${summary.supervision.supervisors}, ${summary.supervision.sessions} sessions, ${summary.supervision.attestations} attestations`,
    `  trainings       ${summary.supervision.trainings}`,
    `  service reports ${summary.supervision.serviceReports} station-months, each with a satisfaction survey`,
    `  renewal         policy v${summary.renewal.policies + 1} for 2027, ${summary.renewal.reviews} review(s) opened${summary.renewal.decision ? `, first contract decided: ${summary.renewal.decision}` : ''}`,
    `  requests        ${summary.writes} POSTs, last position ${summary.lastPosition}`,
    ...summary.contracts.map((c) => `  contract ${c.key}: ${c.id} (staffing compliance so far ${share(c.staffingCompliance)})`),
  ].join('\n');
}
