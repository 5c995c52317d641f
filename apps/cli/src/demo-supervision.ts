import { addDays, CalendarDate } from '@sws/kernel';
import { Principal } from '../../api/src/auth/principal';
import { DemoCounty, PlannedWorker } from './demo-county';

/**
 * The sample county's year of daily work, January to mid-November 2026: supervisors of the pool
 * mentor each station's workers about twice a month (a group session and an individual one),
 * the workers co-sign most sessions; the operators and the county centre hold trainings; each
 * operator reports each station's monthly output and a satisfaction survey. One session is
 * corrected, one voided as a duplicate, one monthly report corrected. Everything is derived from
 * the county plan and a fixed seed, so the plan is the same on every call and nothing is dated
 * after 2026-11-18.
 *
 * Lateness is measured against the day a session is logged, and the demo logs the whole year on
 * the day it runs: sessions held more than 30 days before that day are flagged late.
 */

export interface PlannedSupervisor {
  readonly key: string;
  readonly name: string;
  readonly tier: 'city' | 'county' | 'street';
  readonly affiliation: 'university' | 'operator' | 'independent';
  readonly affiliationOrgKey: string | null;
}

export interface PlannedSession {
  readonly key: string;
  readonly supervisorKey: string;
  readonly stationKey: string;
  readonly contractKey: string;
  readonly superviseeKeys: readonly string[];
  readonly heldOn: CalendarDate;
  readonly startTime: string;
  readonly durationMinutes: number;
  readonly format: 'individual' | 'group' | 'on_site';
  readonly functions: ReadonlyArray<'administrative' | 'educational' | 'supportive'>;
  readonly topics: readonly string[];
  readonly summary: string;
  readonly followUps: readonly string[];
  /** The supervisees who co-sign it as logged. */
  readonly attestedBy: readonly string[];
  /** A correction after the attestations, and who co-signs the corrected session. */
  readonly correction: { readonly reason: string; readonly durationMinutes: number; readonly attestedBy: readonly string[] } | null;
  readonly voidReason: string | null;
}

export interface PlannedTraining {
  readonly key: string;
  readonly title: string;
  readonly kind: 'pre_service' | 'in_service' | 'continuing_education' | 'skills_competition' | 'study_visit';
  readonly provider: string;
  readonly heldOn: CalendarDate;
  readonly hours: number;
  /** Null: a county course the centre organizes. */
  readonly contractKey: string | null;
  readonly attendeeKeys: readonly string[];
  /** Effectiveness measured per attendee (score 0-100). */
  readonly scores: ReadonlyArray<{ readonly workerKey: string; readonly score: number }>;
}

export interface PlannedServiceReport {
  readonly stationKey: string;
  readonly contractKey: string;
  readonly month: string;
  readonly output: {
    readonly casesOpened: number;
    readonly casesClosed: number;
    readonly groupSessions: number;
    readonly communityActivities: number;
    readonly beneficiaries: number;
    readonly professionalHours: number;
    readonly administrativeHours: number;
  };
  readonly survey: { readonly respondents: number; readonly satisfied: number };
  readonly correction: { readonly reason: string; readonly casesClosed: number } | null;
}

export interface DemoSupervision {
  readonly supervisors: readonly PlannedSupervisor[];
  readonly sessions: readonly PlannedSession[];
  readonly trainings: readonly PlannedTraining[];
  readonly serviceReports: readonly PlannedServiceReport[];
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2026-${m}`);
const day = (month: string, d: number): CalendarDate => `${month}-${String(d).padStart(2, '0')}`;

/** Where each worker is on a day: the station and contract of the assignment that covers it. */
function whereabouts(worker: PlannedWorker, on: CalendarDate): { stationKey: string; contractKey: string } | null {
  let here: { stationKey: string; contractKey: string } | null = null;
  for (const step of worker.steps) {
    if (step.on > on) break;
    if (step.kind === 'assign') here = { stationKey: step.stationKey, contractKey: step.contractKey };
    if (step.kind === 'depart') here = null;
  }
  return here;
}

const presentAt = (county: DemoCounty, stationKey: string, on: CalendarDate) =>
  county.workers.filter((w) => whereabouts(w, on)?.stationKey === stationKey).map((w) => w.key);

const TOPICS = [
  ['困境儿童个案评估', '个案服务计划制定'],
  ['独居老人探访服务', '风险识别与转介'],
  ['社会救助对象入户核查', '服务台账规范'],
  ['小组工作设计与带领', '小组记录撰写'],
  ['社区需求调研方法', '社区活动策划'],
  ['社工职业倦怠与自我照顾', '情绪支持'],
  ['村(居)社工室建设', '志愿者队伍培育'],
  ['个案记录规范', '结案评估'],
];
const FOLLOW_UPS = ['下次督导前完成个案评估表', '整理本月服务台账', '提交小组活动方案', '完成入户回访记录'];

const SUPERVISORS: readonly PlannedSupervisor[] = [
  { key: 'sdu-chen', name: '陈晓红', tier: 'city', affiliation: 'university', affiliationOrgKey: null },
  { key: 'yangguang-liu', name: '刘建华', tier: 'county', affiliation: 'operator', affiliationOrgKey: 'yangguang' },
  { key: 'independent-zhou', name: '周丽萍', tier: 'county', affiliation: 'independent', affiliationOrgKey: null },
];

/** Who supervises which contract's stations: the group sessions and the individual ones. */
const SUPERVISION: Readonly<Record<string, { group: string; individual: string }>> = {
  'yangguang-2026': { group: 'sdu-chen', individual: 'yangguang-liu' },
  'tongxin-2026': { group: 'independent-zhou', individual: 'independent-zhou' },
};

function plannedSessions(county: DemoCounty, next: () => number): PlannedSession[] {
  const sessions: PlannedSession[] = [];
  for (const contract of county.contracts) {
    contract.stationKeys.forEach((stationKey, s) => {
      MONTHS.forEach((month, m) => {
        // January starts once the stations have opened; no supervisor keeps two stations on one day.
        const groupDay = day(month, m === 0 ? 19 + s : 3 + 2 * s);
        const individualDay = day(month, m === 0 ? 26 + s : 14 + s);
        const group = presentAt(county, stationKey, groupDay);
        const alone = presentAt(county, stationKey, individualDay);
        const topics = TOPICS[(m + s) % TOPICS.length];
        const base = { stationKey, contractKey: contract.key, topics, followUps: [FOLLOW_UPS[(m + 2 * s) % FOLLOW_UPS.length]], correction: null, voidReason: null };
        const attesting = (keys: readonly string[]) => keys.filter(() => next() >= 0.1);
        if (group.length >= 2) {
          sessions.push({
            ...base,
            key: `${stationKey}-${month}-group`,
            supervisorKey: SUPERVISION[contract.key].group,
            superviseeKeys: group,
            heldOn: groupDay,
            startTime: '09:00',
            durationMinutes: next() < 0.5 ? 120 : 150,
            format: 'group',
            functions: m % 3 === 2 ? ['administrative', 'educational'] : ['educational', 'supportive'],
            summary: `${topics[0]}:结合站内在办个案逐一研讨,明确下一步服务重点`,
            attestedBy: attesting(group),
          });
        }
        if (alone.length >= 1) {
          const supervisee = alone[(m + s) % alone.length];
          sessions.push({
            ...base,
            key: `${stationKey}-${month}-individual`,
            supervisorKey: SUPERVISION[contract.key].individual,
            superviseeKeys: [supervisee],
            heldOn: individualDay,
            startTime: '14:30',
            durationMinutes: next() < 0.5 ? 60 : 90,
            format: next() < 0.3 ? 'on_site' : 'individual',
            functions: ['supportive', 'educational'],
            summary: `一对一督导:${topics[1]},回应社工在实务中遇到的困难`,
            attestedBy: attesting([supervisee]),
          });
        }
      });
    });
  }
  // 鲍山's April group session ran half an hour short: corrected after two of its supervisees had co-signed it.
  const corrected = sessions.findIndex((x) => x.key === 'baoshan-2026-04-group');
  const session = sessions[corrected];
  sessions[corrected] = {
    ...session,
    durationMinutes: 150,
    attestedBy: session.superviseeKeys.slice(0, 2),
    correction: { reason: '实际督导时长为120分钟,登记有误', durationMinutes: 120, attestedBy: session.superviseeKeys },
  };
  // A duplicate of 王舍人's June group session, logged by mistake and voided.
  const original = sessions.find((x) => x.key === 'wangsheren-2026-06-group')!;
  sessions.push({ ...original, key: 'wangsheren-2026-06-group-duplicate', startTime: '14:00', attestedBy: [], voidReason: '与当日上午的小组督导重复登记' });
  return sessions;
}

function plannedTrainings(county: DemoCounty, next: () => number): PlannedTraining[] {
  const trainings: PlannedTraining[] = [];
  const workersOf = (contractKey: string | null, on: CalendarDate) =>
    county.workers.filter((w) => {
      const here = whereabouts(w, on);
      return here !== null && (contractKey === null || here.contractKey === contractKey);
    });
  const attending = (workers: readonly PlannedWorker[], miss: number) => workers.filter(() => next() >= miss).map((w) => w.key);
  for (const contract of county.contracts) {
    const provider = contract.operatorKey === 'yangguang' ? '济南市历城区阳光社会工作服务中心' : '济南市历城区同心社会工作服务中心';
    // Pre-service training in the month each worker starts under the contract: January for most.
    const starts = new Map<string, string[]>();
    for (const w of county.workers) {
      const first = w.steps.find((step) => step.kind === 'assign' && step.contractKey === contract.key);
      if (first) starts.set(first.on.slice(0, 7), [...(starts.get(first.on.slice(0, 7)) ?? []), w.key]);
    }
    for (const [month, keys] of [...starts].sort()) {
      const january = month === '2026-01';
      const lastStart = keys.map((k) => county.workers.find((w) => w.key === k)!.steps.find((step) => step.kind === 'assign' && step.contractKey === contract.key)!.on).sort().pop()!;
      trainings.push({
        key: `${contract.key}-pre-service-${month}`,
        title: january ? '新入职社工岗前培训' : '新入职社工岗前培训(补训)',
        kind: 'pre_service',
        provider,
        // Once the month's last newcomer has started.
        heldOn: addDays(lastStart, 3),
        hours: january ? 16 : 8,
        contractKey: contract.key,
        attendeeKeys: keys,
        scores: january ? keys.map((workerKey) => ({ workerKey, score: 70 + Math.floor(next() * 26) })) : [],
      });
    }
    const courses = [
      ['2026-03-13', '个案管理实务'],
      ['2026-05-15', '小组工作方法与技巧'],
      ['2026-07-10', '社区需求评估与项目设计'],
      ['2026-09-11', '社会救助政策解读'],
      ['2026-11-13', '服务档案与台账规范'],
    ];
    for (const [heldOn, title] of courses) {
      trainings.push({
        key: `${contract.key}-in-service-${heldOn.slice(0, 7)}`,
        title,
        kind: 'in_service',
        provider: '山东大学社会工作系',
        heldOn,
        hours: 6,
        contractKey: contract.key,
        attendeeKeys: attending(workersOf(contract.key, heldOn), 0.25),
        scores: [],
      });
    }
  }
  const centre = '济南市历城区社会工作指导中心';
  trainings.push(
    { key: 'county-continuing-2026-04', title: '全区社会工作者继续教育', kind: 'continuing_education', provider: centre, heldOn: '2026-04-17', hours: 8, contractKey: null, attendeeKeys: attending(workersOf(null, '2026-04-17'), 0.15), scores: [] },
    { key: 'county-competition-2026-08', title: '全区社会工作实务技能竞赛', kind: 'skills_competition', provider: centre, heldOn: '2026-08-21', hours: 4, contractKey: null, attendeeKeys: attending(workersOf(null, '2026-08-21'), 0.6), scores: [] },
    { key: 'county-visit-2026-10', title: '赴长清区社工站参访学习', kind: 'study_visit', provider: centre, heldOn: '2026-10-16', hours: 4, contractKey: null, attendeeKeys: attending(workersOf(null, '2026-10-16'), 0.5), scores: [] },
  );
  return trainings.filter((t) => t.attendeeKeys.length > 0);
}

function plannedServiceReports(county: DemoCounty, next: () => number): PlannedServiceReport[] {
  const reports: PlannedServiceReport[] = [];
  county.stations.forEach((station, s) => {
    const contract = county.contracts.find((c) => c.stationKeys.includes(station.key))!;
    // Some stations carry more township paperwork than others (the 行政化 the papers warn about), and open fewer cases.
    const administrativeShare = 0.18 + (s % 4) * 0.07;
    const busy = s % 4 === 3 ? 0 : 1;
    for (const month of MONTHS.slice(0, 10)) {
      const workers = presentAt(county, station.key, day(month, 15)).length;
      const hours = workers * (150 + Math.floor(next() * 20));
      const administrativeHours = Math.round(hours * (administrativeShare + (next() - 0.5) * 0.06));
      const respondents = 20 + Math.floor(next() * 25);
      reports.push({
        stationKey: station.key,
        contractKey: contract.key,
        month,
        output: {
          casesOpened: busy + Math.floor(next() * 3),
          casesClosed: Math.floor(next() * 3),
          groupSessions: next() < 0.55 ? 1 : next() < 0.5 ? 0 : 2,
          communityActivities: 1 + Math.floor(next() * 2),
          beneficiaries: 80 + Math.floor(next() * 220),
          professionalHours: hours - administrativeHours,
          administrativeHours,
        },
        survey: { respondents, satisfied: respondents - Math.floor(next() * 4) },
        correction: null,
      });
    }
  });
  const corrected = reports.findIndex((r) => r.stationKey === 'baoshan' && r.month === '2026-05');
  const report = reports[corrected];
  reports[corrected] = { ...report, correction: { reason: '5月结案数漏报1件,补报更正', casesClosed: report.output.casesClosed + 1 } };
  return reports;
}

/** The sample county's year of supervision, training and service reports. Pure: the same plan on every call. */
export function demoSupervision(county: DemoCounty): DemoSupervision {
  const next = seeded(20260101);
  return {
    supervisors: SUPERVISORS,
    sessions: plannedSessions(county, next),
    trainings: plannedTrainings(county, next),
    serviceReports: plannedServiceReports(county, next),
  };
}

/** The writes the demo loader makes, each with its stable key, as the person whose work it is. */
export type DemoPost = (url: string, key: string, payload: object, as: Principal) => Promise<{ readonly id: string }>;

export interface DemoRecords {
  readonly admin: Principal;
  readonly organizationIds: ReadonlyMap<string, string>;
  readonly stationIds: ReadonlyMap<string, string>;
  readonly contractIds: ReadonlyMap<string, string>;
  readonly workerIds: ReadonlyMap<string, string>;
  readonly operatorOfContract: ReadonlyMap<string, Principal>;
}

export interface DemoSupervisionCounts {
  readonly supervisors: number;
  readonly sessions: number;
  readonly attestations: number;
  readonly trainings: number;
  readonly serviceReports: number;
}

/** Loads the plan through the API: the centre registers the supervisors, who log; workers attest; operators train and report. */
export async function loadDemoSupervision(plan: DemoSupervision, records: DemoRecords, post: DemoPost): Promise<DemoSupervisionCounts> {
  const supervisors = new Map<string, Principal>();
  for (const s of plan.supervisors) {
    const affiliationOrgId = s.affiliationOrgKey === null ? undefined : records.organizationIds.get(s.affiliationOrgKey);
    const { key, affiliationOrgKey: _org, ...body } = s;
    const { id } = await post('/supervisors', `supervisor:${key}`, { ...body, affiliationOrgId }, records.admin);
    supervisors.set(key, { userId: `demo-supervisor@${id}`, role: 'supervisor', orgId: affiliationOrgId ?? 'supervisor-pool-370112', supervisorId: id });
  }
  const worker = (key: string, contractKey: string): Principal => {
    const id = records.workerIds.get(key)!;
    return { userId: `demo-worker@${id}`, role: 'social_worker', orgId: records.operatorOfContract.get(contractKey)!.orgId, socialWorkerId: id };
  };
  let attestations = 0;
  for (const s of plan.sessions) {
    const supervisor = supervisors.get(s.supervisorKey)!;
    const key = `session:${s.key}`;
    const { id } = await post(
      '/supervision-sessions',
      key,
      {
        contractId: records.contractIds.get(s.contractKey),
        stationId: records.stationIds.get(s.stationKey),
        superviseeIds: s.superviseeKeys.map((k) => records.workerIds.get(k)),
        heldOn: s.heldOn,
        startTime: s.startTime,
        durationMinutes: s.durationMinutes,
        format: s.format,
        functions: s.functions,
        topics: s.topics,
        summary: s.summary,
        followUps: s.followUps,
      },
      supervisor,
    );
    const attest = async (workerKey: string, durationMinutes: number, round: number) => {
      const confirms = { heldOn: s.heldOn, startTime: s.startTime, durationMinutes };
      await post(`/supervision-sessions/${id}/attestations`, `${key}:attestation:${round}:${workerKey}`, confirms, worker(workerKey, s.contractKey));
      attestations += 1;
    };
    for (const workerKey of s.attestedBy) await attest(workerKey, s.durationMinutes, 1);
    if (s.correction) {
      const { reason, durationMinutes } = s.correction;
      await post(`/supervision-sessions/${id}/corrections`, `${key}:correction:1`, { reason, changes: { durationMinutes } }, supervisor);
      for (const workerKey of s.correction.attestedBy) await attest(workerKey, durationMinutes, 2);
    }
    if (s.voidReason) await post(`/supervision-sessions/${id}/voiding`, `${key}:void`, { reason: s.voidReason }, supervisor);
  }
  for (const t of plan.trainings) {
    const organizer = t.contractKey === null ? records.admin : records.operatorOfContract.get(t.contractKey)!;
    const key = `training:${t.key}`;
    const { id } = await post(
      '/trainings',
      key,
      { title: t.title, kind: t.kind, provider: t.provider, heldOn: t.heldOn, hours: t.hours, contractId: t.contractKey === null ? undefined : records.contractIds.get(t.contractKey) },
      organizer,
    );
    const socialWorkerIds = t.attendeeKeys.map((k) => records.workerIds.get(k));
    await post(`/trainings/${id}/attendance`, `${key}:attendance:1`, { socialWorkerIds, hoursCredited: t.hours }, organizer);
    for (const { workerKey, score } of t.scores) {
      const body = { socialWorkerId: records.workerIds.get(workerKey), score, method: '培训前后测对比' };
      await post(`/trainings/${id}/effectiveness`, `${key}:effectiveness:${workerKey}`, body, organizer);
    }
  }
  for (const r of plan.serviceReports) {
    const operator = records.operatorOfContract.get(r.contractKey)!;
    const target = { stationId: records.stationIds.get(r.stationKey), month: r.month };
    const key = `service-report:${r.stationKey}:${r.month}`;
    await post('/service-reports', `${key}:output`, { ...target, ...r.output }, operator);
    await post('/service-reports/satisfaction-surveys', `${key}:survey`, { ...target, ...r.survey }, operator);
    if (r.correction) {
      const { reason, casesClosed } = r.correction;
      await post('/service-reports', `${key}:output:correction:1`, { ...target, ...r.output, casesClosed, reason }, operator);
    }
  }
  return {
    supervisors: plan.supervisors.length,
    sessions: plan.sessions.length,
    attestations,
    trainings: plan.trainings.length,
    serviceReports: plan.serviceReports.length,
  };
}
