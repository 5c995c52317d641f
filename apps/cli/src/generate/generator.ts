import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Actor, addDays, CalendarDate, Command, CommandMetadata, Decider, DomainEvent, EventTypeRegistry } from '@sws/kernel';
import {
  CertificationLevel,
  contract,
  ContractState,
  creditCodeCheckCharacter,
  lastDayOf,
  Month,
  organization,
  OrganizationKind,
  OrganizationState,
  Region,
  serviceReport,
  socialWorker,
  SocialWorkerState,
  station,
  StationCommitment,
  streams,
  type RegisterOrganization,
  type RegisterStation,
  type RegisterSocialWorker,
  type AwardContract,
  type AssignSocialWorker,
  type DepartSocialWorker,
  type CertifySocialWorker,
  type ReportServiceOutput,
  type RecordSatisfactionSurvey,
} from '@sws/stations-contracts';
import { supervisionSession, SupervisionSessionState, supervisionStreams, supervisor, SUPERVISION_FUNCTIONS , type RegisterSupervisor, type LogSupervisionSession, type AttestSupervisionSession} from '@sws/supervision';
import { training, TrainingState, trainingStreams , type RecordTraining, type RecordTrainingAttendance, type AssessTrainingEffectiveness} from '@sws/training';
import {
  assessment,
  AssessmentPeriod,
  AssessmentState,
  AssessorKind,
  itemsOf,
  JINAN_STATION_OPERATIONS_RUBRIC,
  rubric,
  RubricDefinition,
  StationAssessment,
  streams as assessmentStreams,
  type PublishRubric,
  type StartAssessment,
  type ScoreAssessmentItems,
  type SubmitAssessment,
  type RespondToAssessment,
  type FinalizeAssessment,
} from '@sws/assessment';
import { renewalReview, streams as renewalStreams , type OpenRenewalReview} from '@sws/renewal';
import { eventTypeRegistry } from '../../../api/src/infrastructure/stores';
import { serviceReportId } from '../../../api/src/service-reports/service-report-write';
import { Agenda } from './agenda';
import { ChinaTimestamps } from './china-time';
import { BulkEventWriter } from './bulk-writer';
import { PlacedCounty, stationCounties, township } from './divisions';
import { MONTHLY_CHECK_RUBRIC } from './monthly-rubric';
import { Random, SeededUuids } from './seeded';

/** SPEC "Scale": the country at scale 1. */
export const NATIONAL = { stations: 29_000, socialWorkers: 70_000, supervisors: 10_000 } as const;

export interface GenerateOptions {
  /** 1 the country, 0.1 a province, 0.01 a city. */
  readonly scale: number;
  readonly years: number;
  readonly seed: number;
  /** The history's last calendar year (a fixed default, never today's, so a seed always makes the same log). */
  readonly lastYear: number;
  readonly dataDir: string;
  /** Insert on a worker thread (the compiled CLI does; in-process callers such as tests need not). */
  readonly threaded?: boolean;
}

export interface GenerateProgress {
  readonly events: number;
  /** The month of the history being written, YYYY-MM. */
  readonly month: string;
  readonly monthIndex: number;
  readonly months: number;
}

export interface GenerateResult {
  readonly file: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly stations: number;
  readonly socialWorkers: number;
  readonly supervisors: number;
  readonly organizations: number;
  readonly contracts: number;
  /** Events by type. */
  readonly types: Readonly<Record<string, number>>;
}

/** A record as the generator keeps it: its stream, folded state and last revision (-1: none yet). */
interface Rec<S> {
  readonly streamId: string;
  state: S;
  revision: number;
}

interface Org {
  readonly id: string;
  readonly kind: OrganizationKind;
  readonly actor: Actor;
}

interface CountyPlan {
  readonly county: PlacedCounty;
  readonly purchaser: Org;
  readonly operators: Org[];
  readonly evaluator: Org;
  readonly stations: StationPlan[];
}

interface StationPlan {
  readonly id: string;
  readonly index: number;
  readonly county: CountyPlan;
  readonly operator: Org;
  /** Assessed monthly by its purchaser as well as yearly by the evaluator. */
  readonly monthly: boolean;
  /** Its typical grade: totals scatter around it. */
  readonly quality: number;
  readonly supervisor: SupervisorPlan;
  /** Its place in its supervisor's month: which day and hour its session takes. */
  readonly slot: number;
  readonly workers: WorkerPlan[];
  readonly contracts: Map<number, ContractPlan>;
  readonly assessments: StationAssessment[];
}

interface ContractPlan {
  readonly id: string;
  readonly rec: Rec<ContractState>;
  readonly year: number;
  readonly operator: Org;
  readonly purchaser: Org;
  readonly stations: StationPlan[];
  readonly term: { readonly start: CalendarDate; readonly end: CalendarDate };
}

interface WorkerPlan {
  readonly id: string;
  readonly rec: Rec<SocialWorkerState>;
  readonly actor: Actor;
  level: CertificationLevel;
  station: StationPlan | null;
  contract: ContractPlan | null;
}

interface SupervisorPlan {
  readonly id: string;
  readonly actor: Actor;
  stations: number;
  /** The month's sessions so far, for the overlap rule's facts. */
  month: string;
  sessions: Array<{ sessionId: string; heldOn: CalendarDate; startTime: string; durationMinutes: number }>;
}

const ADMIN: Actor = { userId: 'bench-admin', role: 'admin', orgId: 'centre' };
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Midnight China time of each date the history has used, in ms since the epoch: dates repeat for thousands of moments. */
const MIDNIGHTS = new Map<CalendarDate, number>();

/** The moment `hh:mm` China time on `date`, in ms since the epoch. */
function chinaMoment(date: CalendarDate, hh: number, mm = 0): number {
  let midnight = MIDNIGHTS.get(date);
  if (midnight === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    midnight = Date.UTC(y, m - 1, d, -8);
    MIDNIGHTS.set(date, midnight);
  }
  return midnight + hh * HOUR + mm * MINUTE;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const monthName = (year: number, month: number): Month => `${year}-${pad(month)}`;
const dateOf = (year: number, month: number, day: number): CalendarDate => `${year}-${pad(month)}-${pad(day)}`;
const nextMonthOf = (year: number, month: number) => (month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 });

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国晓燕雪梅文博欣怡梦瑶子涵佳琪俊杰浩然雨桐思远慧婷颖倩晨凯宏振立新春淑'];
const OPERATOR_WORDS = ['阳光', '同心', '仁爱', '启航', '和美', '善德', '春晖', '暖心', '众合', '彩虹', '博爱', '明德', '乐群', '惠民', '康宁', '正道', '恒爱', '齐心'];
const TOPICS = ['个案评估与计划', '困境儿童关爱', '老年人探访', '社区资源链接', '小组活动设计', '危机介入', '服务台账规范', '志愿者培育', '社会救助对象回访', '残疾人康复支持'];
const TRAINING_TITLES = ['社会工作伦理与实务', '个案管理专题培训', '小组工作方法', '社区治理与社会工作', '儿童保护实务', '老年社会工作', '社会救助政策解读', '心理急救与危机干预'];
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Writes a synthetic history with the national shape into `<dataDir>/events.db`: every event
 * made by the same deciders the commands use, from commands built as the handlers build them
 * (facts included), with the stream ids, id kinds, metadata and schema versions a live service
 * would store. See README "The generated data set" for its shape and what it leaves out.
 */
export function generateHistory(options: GenerateOptions, onProgress: (progress: GenerateProgress) => void = () => {}): GenerateResult {
  const started = performance.now();
  const file = join(options.dataDir, 'events.db');
  const writer = new BulkEventWriter(file, { threaded: options.threaded ?? false });
  try {
    const result = new HistoryGenerator(options, writer, eventTypeRegistry(), onProgress).run();
    writer.finish();
    const seconds = (performance.now() - started) / 1000;
    return { ...result, file, seconds, eventsPerSecond: result.events / seconds };
  } catch (error) {
    writer.abandon();
    throw error;
  }
}

class HistoryGenerator {
  private readonly random: Random;
  private readonly uuids: SeededUuids;
  private readonly agenda = new Agenda();
  private readonly types: Record<string, number> = {};
  private readonly counties: CountyPlan[] = [];
  private readonly stations: StationPlan[] = [];
  private readonly supervisors: SupervisorPlan[] = [];
  private readonly contracts: ContractPlan[] = [];
  private readonly creditCodes = new Set<string>();
  private organizations = 0;
  private workers = 0;
  private certificates = 0;
  private readonly firstYear: number;
  private readonly rubrics = new Map<string, RubricDefinition>();
  private readonly clockText = new ChinaTimestamps();

  constructor(
    private readonly options: GenerateOptions,
    private readonly writer: BulkEventWriter,
    private readonly registry: EventTypeRegistry,
    private readonly onProgress: (progress: GenerateProgress) => void,
  ) {
    this.random = new Random(options.seed);
    this.uuids = new SeededUuids(new Random(options.seed ^ 0x5eed));
    this.firstYear = options.lastYear - options.years + 1;
  }

  run(): Omit<GenerateResult, 'file' | 'seconds' | 'eventsPerSecond'> {
    const { years } = this.options;
    this.planSetUp();
    const months = years * 12 + 2;
    // The set-up runs in the two months before the first year; then month by month, so the
    // agenda holds only what is planned ahead, not the whole history.
    let year = this.firstYear - 1;
    let month = 11;
    for (let index = 0; index < months; index++) {
      if (month === 11 && year >= this.firstYear - 1 && year < this.options.lastYear) this.planAwards(year + 1);
      if (year >= this.firstYear) this.planMonth(year, month);
      const next = nextMonthOf(year, month);
      this.agenda.runUntil(chinaMoment(dateOf(next.year, next.month, 1), 0));
      this.onProgress({ events: this.writer.count, month: monthName(year, month), monthIndex: index + 1, months });
      ({ year, month } = next);
    }
    // What the last months planned after the history's end: reports and finalizations of December.
    this.agenda.runUntil(Number.POSITIVE_INFINITY);
    this.onProgress({ events: this.writer.count, month: monthName(year, month), monthIndex: months, months });
    return {
      events: this.writer.count,
      stations: this.stations.length,
      socialWorkers: this.workers,
      supervisors: this.supervisors.length,
      organizations: this.organizations,
      contracts: this.contracts.length,
      types: { ...this.types },
    };
  }

  /** Decides one command against a record and appends what it decided, as CommandExecutor would. */
  private record<S, C extends Command, E extends DomainEvent>(
    rec: Rec<S>,
    decider: Decider<S, C, E>,
    at: number,
    actor: Actor,
    build: (metadata: CommandMetadata) => NoInfer<C>,
  ): readonly E[] {
    const now = this.clockText.text(at);
    const command = build({ now, actor });
    let decided: readonly E[];
    try {
      decided = decider.decide(command, rec.state);
    } catch (error) {
      throw new Error(`the generator planned a command the domain refuses (${command.type} on ${rec.streamId}): ${(error as Error).message}`);
    }
    const correlationId = this.uuids.v7(at);
    const nowJson = `"${now}"`;
    const actorJson = this.actorJson(actor);
    for (const event of decided) {
      const eventId = this.uuids.v7(at);
      const occurredAt = event.occurredAt ?? now;
      const occurredAtJson = occurredAt === now ? nowJson : JSON.stringify(occurredAt);
      // JSON.stringify of the EventMetadata the executor builds, key for key, with the actor's part made once per actor.
      const metadata = `{"eventId":"${eventId}","actor":${actorJson},"occurredAt":${occurredAtJson},"recordedAt":"${now}","correlationId":"${correlationId}","causationId":null}`;
      rec.revision += 1;
      this.writer.addFields(eventId, rec.streamId, rec.revision, event.type, this.registry.currentVersion(event.type), JSON.stringify(event.data), metadata);
      this.types[event.type] = (this.types[event.type] ?? 0) + 1;
      rec.state = decider.evolve(rec.state, event);
    }
    return decided;
  }

  private readonly actorJsons = new Map<Actor, string>();

  private actorJson(actor: Actor): string {
    let json = this.actorJsons.get(actor);
    if (json === undefined) {
      json = JSON.stringify(actor);
      this.actorJsons.set(actor, json);
    }
    return json;
  }

  private newRec<S>(streamId: string, decider: Pick<Decider<S, never, never>, 'initialState'>): Rec<S> {
    return { streamId, state: decider.initialState(), revision: -1 };
  }

  private name(): string {
    return this.random.pick(SURNAMES) + this.random.pick(GIVEN) + (this.random.chance(0.6) ? this.random.pick(GIVEN) : '');
  }

  /** A unique unified social credit code: `11` a government organ, `52` a social service organization. */
  private creditCode(prefix: '11' | '52', countyCode: string): string {
    for (;;) {
      const body =
        prefix === '52'
          ? `MJ${Array.from({ length: 7 }, () => CODE_ALPHABET[this.random.int(0, CODE_ALPHABET.length - 1)]).join('')}`
          : `00${Array.from({ length: 7 }, () => String(this.random.int(0, 9))).join('')}`;
      const first17 = `${prefix}${countyCode}${body}`;
      const code = first17 + creditCodeCheckCharacter(first17);
      if (!this.creditCodes.has(code)) {
        this.creditCodes.add(code);
        return code;
      }
    }
  }

  private registerOrganization(at: number, kind: OrganizationKind, name: string, region: Region): Org {
    const id = this.uuids.v7(at);
    const rec = this.newRec<OrganizationState>(streams.organization(id), organization);
    const creditCode = this.creditCode(kind === 'purchaser' ? '11' : '52', region.code);
    this.record(rec, organization, at, ADMIN, (metadata): RegisterOrganization => ({
      type: 'RegisterOrganization',
      data: { organizationId: id, name, kind, creditCode, region },
      metadata,
      facts: { creditCodeHolder: null },
    }));
    this.organizations += 1;
    const role = kind === 'purchaser' ? 'procurement' : kind;
    return { id, kind, actor: { userId: `${role}@${id}`, role, orgId: id } };
  }

  /** Organizations, stations, supervisors and workers, registered in the November and December before the first year. */
  private planSetUp(): void {
    const { scale } = this.options;
    const stationCount = Math.max(1, Math.round(NATIONAL.stations * scale));
    const places = stationCounties(stationCount, scale);
    const setUp = this.firstYear - 1;
    const start = chinaMoment(dateOf(setUp, 11, 2), 9);

    // The administrator publishes the evaluator's annual rubric and the county bureaus' monthly check.
    this.agenda.at(chinaMoment(dateOf(setUp, 11, 1), 9), () => {
      for (const [index, data] of [JINAN_STATION_OPERATIONS_RUBRIC, MONTHLY_CHECK_RUBRIC].entries()) {
        const at = chinaMoment(dateOf(setUp, 11, 1), 9, index * 10);
        const rec = this.newRec<any>(assessmentStreams.rubric(data.code, data.version), rubric);
        const [published] = this.record(rec, rubric, at, ADMIN, (metadata): PublishRubric => ({
          type: 'PublishRubric',
          data,
          metadata,
          facts: { latestVersion: null },
        }));
        this.rubrics.set(data.code, published.data as RubricDefinition);
      }
    });

    // Counties in the order they first appear, each with the stations placed there.
    const byCode = new Map<string, { county: PlacedCounty; stations: number }>();
    for (const place of places) {
      const entry = byCode.get(place.code) ?? { county: place, stations: 0 };
      entry.stations += 1;
      byCode.set(place.code, entry);
    }
    const evaluators = new Map<string, Org>();
    let orgAt = start;
    const nextOrgAt = () => (orgAt += 20_000);
    // Planned now, registered in the agenda's order: ids come from the seeded generator either way.
    this.agenda.at(start, () => {
      for (const { county, stations } of byCode.values()) {
        const region: Region = { code: county.code, province: county.province, city: county.city, county: county.name };
        const cityKey = county.code.slice(0, 4);
        if (!evaluators.has(cityKey)) {
          evaluators.set(cityKey, this.registerOrganization(nextOrgAt(), 'evaluator', `${county.city}${this.random.pick(['泉城', '明德', '公信', '致远'])}社会工作评估中心`, region));
        }
        const purchaser = this.registerOrganization(nextOrgAt(), 'purchaser', `${county.city}${county.name}民政局`, region);
        const operatorCount = Math.max(1, Math.round(stations / 5));
        const operators = Array.from({ length: operatorCount }, (_, i) => {
          const word = OPERATOR_WORDS[i % OPERATOR_WORDS.length] + (i >= OPERATOR_WORDS.length ? String(Math.floor(i / OPERATOR_WORDS.length) + 1) : '');
          return this.registerOrganization(nextOrgAt(), 'operator', `${county.city}${county.name}${word}社会工作服务中心`, region);
        });
        this.counties.push({ county, purchaser, operators, evaluator: evaluators.get(cityKey)!, stations: [] });
      }
    });

    const supervisorCount = Math.max(1, Math.round((stationCount * NATIONAL.supervisors) / NATIONAL.stations));
    this.agenda.at(chinaMoment(dateOf(setUp, 11, 10), 9), () => {
      let at = chinaMoment(dateOf(setUp, 11, 10), 9);
      for (let i = 0; i < supervisorCount; i++) {
        at += 5_000;
        const id = this.uuids.v7(at);
        const rec = this.newRec<any>(supervisionStreams.supervisor(id), supervisor);
        const affiliation = this.random.chance(0.7) ? 'university' : 'independent';
        this.record(rec, supervisor, at, ADMIN, (metadata): RegisterSupervisor => ({
          type: 'RegisterSupervisor',
          data: { supervisorId: id, name: this.name(), tier: 'county', affiliation, affiliationOrgId: null },
          metadata,
          facts: { affiliationOrgKind: null },
        }));
        this.supervisors.push({ id, actor: { userId: `supervisor@${id}`, role: 'supervisor', orgId: 'centre', supervisorId: id }, stations: 0, month: '', sessions: [] });
      }
    });

    this.agenda.at(chinaMoment(dateOf(setUp, 11, 20), 9), () => {
      let at = chinaMoment(dateOf(setUp, 11, 20), 9);
      let index = 0;
      for (const plan of this.counties) {
        const count = byCode.get(plan.county.code)!.stations;
        let streets = 0;
        let towns = 0;
        for (let i = 0; i < count; i++) {
          at += 2_000;
          const place = township(plan.county.name, i);
          const code = `${plan.county.code}${pad(place.kind === 'street' ? ++streets : 100 + towns++, 3)}`;
          const id = this.uuids.v7(at);
          const rec = this.newRec<any>(streams.station(id), station);
          const region: Region = { code, province: plan.county.province, city: plan.county.city, county: plan.county.name, township: place.name };
          this.record(rec, station, at, ADMIN, (metadata): RegisterStation => ({
            type: 'RegisterStation',
            data: {
              stationId: id,
              name: `${place.name}社工站`,
              kind: place.kind,
              region,
              operatingModel: this.random.chance(0.85) ? 'outsourced' : 'composite',
              villageCount: this.random.int(6, 32),
            },
            metadata,
          }));
          // Stations of a supervisor lie in one city: consecutive stations share one.
          const supervisorPlan = this.supervisors[Math.floor((index * this.supervisors.length) / stationCount)];
          const plannedStation: StationPlan = {
            id,
            index,
            county: plan,
            operator: plan.operators[i % plan.operators.length],
            monthly: index % 2 === 0,
            quality: 62 + this.random.next() * 34,
            supervisor: supervisorPlan,
            slot: supervisorPlan.stations++,
            workers: [],
            contracts: new Map(),
            assessments: [],
          };
          plan.stations.push(plannedStation);
          this.stations.push(plannedStation);
          index += 1;
        }
      }
    });

    // Workers are registered by their operator in December, before the first contracts start.
    this.agenda.at(chinaMoment(dateOf(setUp, 12, 1), 9), () => {
      let at = chinaMoment(dateOf(setUp, 12, 1), 9);
      const perStation = NATIONAL.socialWorkers / NATIONAL.stations;
      for (const plannedStation of this.stations) {
        const count = Math.floor(perStation) + (this.random.chance(perStation - Math.floor(perStation)) ? 1 : 0);
        for (let i = 0; i < count; i++) {
          at += 1_000;
          plannedStation.workers.push(this.registerWorker(at, plannedStation, i === 0));
        }
      }
    });
  }

  private registerWorker(at: number, plannedStation: StationPlan, lead: boolean): WorkerPlan {
    const id = this.uuids.v7(at);
    const rec = this.newRec<SocialWorkerState>(streams.socialWorker(id), socialWorker);
    const r = this.random.next();
    const level: CertificationLevel = lead
      ? r < 0.6
        ? 'intermediate'
        : 'assistant'
      : r < 0.4
        ? 'none'
        : r < 0.78
          ? 'assistant'
          : r < 0.95
            ? 'intermediate'
            : 'senior';
    this.record(rec, socialWorker, at, plannedStation.operator.actor, (metadata): RegisterSocialWorker => ({
      type: 'RegisterSocialWorker',
      data: { socialWorkerId: id, name: this.name(), certification: level, socialWorkDegree: this.random.chance(0.6) },
      metadata,
    }));
    this.workers += 1;
    return {
      id,
      rec,
      actor: { userId: `social-worker@${id}`, role: 'social_worker', orgId: plannedStation.operator.id, socialWorkerId: id },
      level,
      station: plannedStation,
      contract: null,
    };
  }

  /** Procurement of each county awards next year's contracts, one per operator, in early December. */
  private planAwards(year: number): void {
    this.agenda.at(chinaMoment(dateOf(year - 1, 12, 10), 10), () => {
      let at = chinaMoment(dateOf(year - 1, 12, 10), 10);
      const term = { start: dateOf(year, 1, 1), end: dateOf(year, 12, 31) };
      for (const plan of this.counties) {
        for (const operator of plan.operators) {
          const held = plan.stations.filter((s) => s.operator === operator);
          if (held.length === 0) continue;
          at += 30_000;
          const id = this.uuids.v7(at);
          const rec = this.newRec<ContractState>(streams.contract(id), contract);
          const commitments: StationCommitment[] = held.flatMap((s) => {
            const previous = s.contracts.get(year - 1);
            return previous ? [{ stationId: s.id, contractId: previous.id, start: previous.term.start, end: previous.term.end }] : [];
          });
          const total = held.length * 300_000;
          this.record(rec, contract, at, plan.purchaser.actor, (metadata): AwardContract => ({
            type: 'AwardContract',
            data: {
              contractId: id,
              purchaserOrgId: plan.purchaser.id,
              operatorOrgId: operator.id,
              stationIds: held.map((s) => s.id),
              term,
              budget: { totalCny: total, sources: [{ kind: 'fiscal', amountCny: total * 0.8 }, { kind: 'welfare_lottery', amountCny: total * 0.2 }] },
            },
            metadata,
            facts: {
              purchaserKind: 'purchaser',
              operatorKind: 'operator',
              stationStatus: Object.fromEntries(held.map((s) => [s.id, 'open' as const])),
              commitments,
            },
          }));
          const plannedContract: ContractPlan = { id, rec, year, operator, purchaser: plan.purchaser, stations: held, term };
          for (const s of held) s.contracts.set(year, plannedContract);
          this.contracts.push(plannedContract);
        }
      }
    });
  }

  private assign(at: number, worker: WorkerPlan, plannedStation: StationPlan, from: CalendarDate, year: number): void {
    const plannedContract = plannedStation.contracts.get(year)!;
    const { rec } = plannedContract;
    const state = rec.state as Extract<ContractState, { status: 'active' | 'terminated' }>;
    this.record(worker.rec, socialWorker, at, plannedStation.operator.actor, (metadata): AssignSocialWorker => ({
      type: 'AssignSocialWorker',
      data: {
        socialWorkerId: worker.id,
        contractId: plannedContract.id,
        stationId: plannedStation.id,
        post: plannedStation.workers.indexOf(worker) === 0 ? 'station_lead' : 'resident',
        from,
      },
      metadata,
      facts: {
        contract: { operatorOrgId: state.operatorOrgId, purchaserOrgId: state.purchaserOrgId, stationIds: state.stationIds, term: state.term, terminatedOn: state.terminatedOn },
        stationClosedOn: null,
      },
    }));
    worker.station = plannedStation;
    worker.contract = plannedContract;
  }

  private depart(at: number, worker: WorkerPlan, on: CalendarDate, reason: string): void {
    const plannedStation = worker.station!;
    this.record(worker.rec, socialWorker, at, plannedStation.operator.actor, (metadata): DepartSocialWorker => ({
      type: 'DepartSocialWorker',
      data: { socialWorkerId: worker.id, stationId: plannedStation.id, on, reason },
      metadata,
    }));
    worker.contract = null;
  }

  /** Everything a month holds: staffing, sessions, trainings, reports and assessments of the month before. */
  private planMonth(year: number, month: number): void {
    const first = dateOf(year, month, 1);
    if (month === 1) {
      // The year's contracts start: every worker is assigned under their station's new contract.
      this.agenda.at(chinaMoment(dateOf(year, 1, 2), 9), () => {
        let at = chinaMoment(dateOf(year, 1, 2), 9);
        for (const s of this.stations) for (const w of s.workers) this.assign((at += 500), w, s, first, year);
      });
    }
    this.planChurn(year, month);
    this.planSessions(year, month);
    if (month % 3 === 2) this.planTrainings(year, month);
    if (month === 9) this.planCertifications(year);
    this.planServiceReports(year, month);
    this.planMonthlyAssessments(year, month);
    if (month === 11) this.planReviews(year);
    if (month === 12) {
      this.planAnnualAssessments(year);
      // The contracts end: every worker leaves the ending contract on its last day.
      this.agenda.at(chinaMoment(dateOf(year, 12, 31), 17), () => {
        let at = chinaMoment(dateOf(year, 12, 31), 17);
        for (const s of this.stations) for (const w of s.workers) if (w.contract !== null) this.depart((at += 500), w, dateOf(year, 12, 31), '年度服务合同期满');
      });
    }
  }

  /** About one worker in ten leaves a year, on an even day; a replacement joins two weeks later. */
  private planChurn(year: number, month: number): void {
    for (const s of this.stations) {
      for (const leaving of [...s.workers]) {
        if (!this.random.chance(0.008)) continue;
        const day = 2 * this.random.int(1, 14);
        const on = dateOf(year, month, day);
        this.agenda.at(chinaMoment(on, 17, this.random.int(0, 59)), () => {
          if (!s.workers.includes(leaving) || leaving.contract === null) return;
          this.depart(chinaMoment(on, 17), leaving, on, this.random.pick(['考取事业编制离职', '家庭原因离职', '转行从事其他工作', '继续深造']));
          s.workers.splice(s.workers.indexOf(leaving), 1);
        });
        const joins = addDays(on, 14);
        if (joins > dateOf(year, 12, 20)) continue;
        this.agenda.at(chinaMoment(addDays(on, 10), 10), () => {
          const newcomer = this.registerWorker(chinaMoment(addDays(on, 10), 10), s, false);
          this.agenda.at(chinaMoment(joins, 9), () => {
            s.workers.push(newcomer);
            this.assign(chinaMoment(joins, 9), newcomer, s, joins, year);
          });
        });
      }
    }
  }

  /**
   * One session a month at every staffed station, on an odd day of its supervisor's month (so it
   * never meets a departure or an arrival, which fall on even days), logged a few days later and
   * attested by most supervisees.
   */
  private planSessions(year: number, month: number): void {
    for (const s of this.stations) {
      const heldOn = dateOf(year, month, 3 + 2 * (s.slot % 12));
      const startTime = s.slot % 24 < 12 ? '09:00' : '14:00';
      this.agenda.at(chinaMoment(heldOn, 8), () => {
        const present = s.workers.filter((w) => w.contract !== null && w.station === s);
        if (present.length === 0) return;
        const plannedContract = present[0].contract!;
        const supervisees = present.map((w) => w.id);
        const assignments = Object.fromEntries(present.map((w) => [w.id, { stationId: s.id, contractId: w.contract!.id }]));
        const late = this.random.chance(0.03);
        const loggedAt = chinaMoment(addDays(heldOn, late ? 35 : this.random.int(1, 3)), 20, this.random.int(0, 59));
        this.agenda.at(loggedAt, () => {
          const sup = s.supervisor;
          const monthKey = heldOn.slice(0, 7);
          if (sup.month !== monthKey) {
            sup.month = monthKey;
            sup.sessions = [];
          }
          const sessionId = this.uuids.v7(loggedAt);
          const rec = this.newRec<SupervisionSessionState>(supervisionStreams.supervisionSession(sessionId), supervisionSession);
          const functions = SUPERVISION_FUNCTIONS.filter((_, i) => i === 0 || this.random.chance(0.5));
          this.record(rec, supervisionSession, loggedAt, sup.actor, (metadata): LogSupervisionSession => ({
            type: 'LogSupervisionSession',
            data: {
              sessionId,
              supervisorId: sup.id,
              contractId: plannedContract.id,
              stationId: s.id,
              superviseeIds: supervisees,
              heldOn,
              startTime,
              durationMinutes: 120,
              format: supervisees.length === 1 ? 'individual' : 'group',
              functions,
              topics: [this.random.pick(TOPICS)],
              summary: '围绕本月服务开展情况进行督导，梳理个案进展与服务难点，明确下月改进措施。',
              followUps: ['完善个案记录'],
            },
            metadata,
            facts: { assignments, supervisorSessions: [...sup.sessions], supervisor: { supervisorId: sup.id } },
          }));
          sup.sessions.push({ sessionId, heldOn, startTime, durationMinutes: 120 });
          for (const w of present) {
            if (!this.random.chance(0.9)) continue;
            const attestAt = loggedAt + this.random.int(1, 4) * 24 * HOUR - this.random.int(0, 120) * MINUTE;
            this.agenda.at(attestAt, () =>
              this.record(rec, supervisionSession, attestAt, w.actor, (metadata): AttestSupervisionSession => ({
                type: 'AttestSupervisionSession',
                data: { sessionId, socialWorkerId: w.id, confirms: { heldOn, startTime, durationMinutes: 120 } },
                metadata,
              })),
            );
          }
        });
      });
    }
  }

  /** A training a quarter for each contract's workers, given by its operator; half the attendees are assessed. */
  private planTrainings(year: number, month: number): void {
    const heldOn = dateOf(year, month, 16);
    for (const plannedContract of this.contracts.filter((c) => c.year === year)) {
      const at = chinaMoment(heldOn, 17, this.random.int(0, 59));
      this.agenda.at(at, () => {
        const attendees = plannedContract.stations.flatMap((s) => s.workers.filter((w) => w.contract === plannedContract)).map((w) => w.id);
        if (attendees.length === 0) return;
        const trainingId = this.uuids.v7(at);
        const rec = this.newRec<TrainingState>(trainingStreams.training(trainingId), training);
        const hours = this.random.pick([4, 6, 8]);
        const actor = plannedContract.operator.actor;
        this.record(rec, training, at, actor, (metadata): RecordTraining => ({
          type: 'RecordTraining',
          data: {
            trainingId,
            title: this.random.pick(TRAINING_TITLES),
            kind: 'in_service',
            provider: '市社会工作协会',
            heldOn,
            hours,
            organizerOrgId: plannedContract.operator.id,
            contractId: plannedContract.id,
          },
          metadata,
          facts: { contract: { contractId: plannedContract.id } },
        }));
        this.record(rec, training, at + HOUR, actor, (metadata): RecordTrainingAttendance => ({
          type: 'RecordTrainingAttendance',
          data: { trainingId, socialWorkerIds: attendees, hoursCredited: hours },
          metadata,
          facts: { registeredSocialWorkerIds: attendees },
        }));
        const assessAt = at + 16 * HOUR;
        this.agenda.at(assessAt, () => {
          for (const socialWorkerId of attendees) {
            if (!this.random.chance(0.5)) continue;
            this.record(rec, training, assessAt, actor, (metadata): AssessTrainingEffectiveness => ({
              type: 'AssessTrainingEffectiveness',
              data: { trainingId, socialWorkerId, score: this.random.int(70, 98), method: '课后测验' },
              metadata,
            }));
          }
        });
      });
    }
  }

  /** The September exam's certificates: a few workers rise a level. */
  private planCertifications(year: number): void {
    const on = dateOf(year, 9, 26);
    this.agenda.at(chinaMoment(dateOf(year, 9, 28), 10), () => {
      let at = chinaMoment(dateOf(year, 9, 28), 10);
      for (const s of this.stations) {
        for (const w of s.workers) {
          if (w.level === 'senior' || !this.random.chance(0.08)) continue;
          const level = w.level === 'none' ? 'assistant' : w.level === 'assistant' ? 'intermediate' : 'senior';
          const certificateNo = `Z${year}${s.county.county.code}${pad(++this.certificates, 7)}`;
          this.record(w.rec, socialWorker, (at += 1_000), s.operator.actor, (metadata): CertifySocialWorker => ({
            type: 'CertifySocialWorker',
            data: { socialWorkerId: w.id, level, certificateNo, on },
            metadata,
          }));
          w.level = level;
        }
      }
    });
  }

  /** Every station's output and satisfaction survey of the month, reported early the next month by its operator. */
  private planServiceReports(year: number, month: number): void {
    const reported = nextMonthOf(year, month);
    const monthKey = monthName(year, month);
    for (const s of this.stations) {
      const plannedContract = s.contracts.get(year);
      if (!plannedContract) continue;
      const at = chinaMoment(dateOf(reported.year, reported.month, this.random.int(3, 8)), 10, this.random.int(0, 59));
      this.agenda.at(at, () => {
        const reportId = serviceReportId(s.id, monthKey);
        const rec = this.newRec<any>(streams.serviceReport(reportId), serviceReport);
        const facts = { contract: { contractId: plannedContract.id, operatorOrgId: plannedContract.operator.id, purchaserOrgId: plannedContract.purchaser.id } };
        const workers = Math.max(1, s.workers.length);
        this.record(rec, serviceReport, at, s.operator.actor, (metadata): ReportServiceOutput => ({
          type: 'ReportServiceOutput',
          data: {
            reportId,
            stationId: s.id,
            month: monthKey,
            casesOpened: this.random.int(0, 4),
            casesClosed: this.random.int(0, 3),
            groupSessions: this.random.int(0, 2),
            communityActivities: this.random.int(0, 2),
            beneficiaries: this.random.int(20, 200),
            professionalHours: workers * this.random.int(200, 280) * 0.5,
            administrativeHours: workers * this.random.int(40, 80) * 0.5,
          },
          metadata,
          facts,
        }));
        const respondents = this.random.int(10, 40);
        this.record(rec, serviceReport, at + 5 * MINUTE, s.operator.actor, (metadata): RecordSatisfactionSurvey => ({
          type: 'RecordSatisfactionSurvey',
          data: { reportId, stationId: s.id, month: monthKey, respondents, satisfied: respondents - this.random.int(0, Math.floor(respondents / 8)) },
          metadata,
          facts,
        }));
      });
    }
  }

  private planMonthlyAssessments(year: number, month: number): void {
    const next = nextMonthOf(year, month);
    const period: AssessmentPeriod = { kind: 'monthly', from: dateOf(year, month, 1), to: lastDayOf(monthName(year, month)) };
    for (const s of this.stations) {
      if (!s.monthly || !s.contracts.has(year)) continue;
      this.planAssessment(s, s.contracts.get(year)!, period, 'purchaser', dateOf(next.year, next.month, 6), 0.7);
    }
  }

  private planAnnualAssessments(year: number): void {
    const period: AssessmentPeriod = { kind: 'annual', from: dateOf(year, 1, 1), to: dateOf(year, 12, 31) };
    for (const s of this.stations) {
      if (!s.contracts.has(year)) continue;
      this.planAssessment(s, s.contracts.get(year)!, period, 'third_party', dateOf(year, 12, 8), 0.8);
    }
  }

  /**
   * One assessment carried through: started and scored on `on`, submitted two days later,
   * answered by the operator (or not) within the window, and finalized once the window closed.
   */
  private planAssessment(s: StationPlan, plannedContract: ContractPlan, period: AssessmentPeriod, assessorKind: AssessorKind, on: CalendarDate, responds: number): void {
    const assessor = assessorKind === 'purchaser' ? plannedContract.purchaser : s.county.evaluator;
    const startAt = chinaMoment(on, 9, this.random.int(0, 59));
    this.agenda.at(startAt, () => {
      const definition = this.rubrics.get(assessorKind === 'purchaser' ? MONTHLY_CHECK_RUBRIC.code : JINAN_STATION_OPERATIONS_RUBRIC.code)!;
      const assessmentId = this.uuids.v7(startAt);
      const rec = this.newRec<AssessmentState>(assessmentStreams.assessment(assessmentId), assessment);
      const contractState = plannedContract.rec.state as Extract<ContractState, { status: 'active' | 'terminated' }>;
      const held = s.assessments.filter((a) => a.period.kind === period.kind && a.assessorKind === assessorKind);
      this.record(rec, assessment, startAt, assessor.actor, (metadata): StartAssessment => ({
        type: 'StartAssessment',
        data: {
          assessmentId,
          evaluatorOrgId: assessor.id,
          contractId: plannedContract.id,
          stationId: s.id,
          period,
          assessorKind,
          rubricCode: definition.code,
          rubricVersion: definition.version,
        },
        metadata,
        facts: {
          rubric: { definition, retired: false },
          contract: { operatorOrgId: contractState.operatorOrgId, purchaserOrgId: contractState.purchaserOrgId, stationIds: contractState.stationIds, term: contractState.term },
          evaluator: { kind: assessor.kind, affiliatedOrgIds: [] },
          stationAssessments: held.slice(-3),
          stationClosedOn: null,
        },
      }));
      const entry: StationAssessment & { status: StationAssessment['status'] } = { assessmentId, period, assessorKind, status: 'draft' };
      s.assessments.push(entry);
      if (s.assessments.length > 30) s.assessments.splice(0, s.assessments.length - 30);
      const independence = { affiliatedOrgIds: [] as string[] };
      const target = Math.min(99, Math.max(45, s.quality + (this.random.next() - 0.5) * 12));
      const scores = itemsOf(definition).map((item) => ({
        itemCode: item.code,
        points: Math.round(item.maxPoints * Math.min(1, Math.max(0, target / 100 + (this.random.next() - 0.5) * 0.2)) * 2) / 2,
        evidence: '查阅台账、现场查看并访谈驻站社工',
      }));
      this.record(rec, assessment, startAt + HOUR, assessor.actor, (metadata): ScoreAssessmentItems => ({
        type: 'ScoreAssessmentItems',
        data: { assessmentId, scores },
        metadata,
        facts: independence,
      }));
      const submitAt = chinaMoment(addDays(on, 2), 16, this.random.int(0, 59));
      this.agenda.at(submitAt, () => {
        this.record(rec, assessment, submitAt, assessor.actor, (metadata): SubmitAssessment => ({
          type: 'SubmitAssessment',
          data: { assessmentId, findings: '站点运营总体规范，服务台账基本完整。', recommendations: '加强个案跟进与档案管理。', wouldRecommend: target >= 75 },
          metadata,
          facts: independence,
        }));
        entry.status = 'submitted';
        if (this.random.chance(responds)) {
          const respondAt = submitAt + this.random.int(2, 10) * 24 * HOUR;
          this.agenda.at(respondAt, () => {
            const agrees = this.random.chance(0.85);
            this.record(rec, assessment, respondAt, plannedContract.operator.actor, (metadata): RespondToAssessment => ({
              type: 'RespondToAssessment',
              data: { assessmentId, agrees, comment: agrees ? '' : '部分扣分项已整改，申请复核。' },
              metadata,
            }));
          });
        }
        const finalizeAt = submitAt + 16 * 24 * HOUR;
        this.agenda.at(finalizeAt, () => {
          this.record(rec, assessment, finalizeAt, assessor.actor, (metadata): FinalizeAssessment => ({
            type: 'FinalizeAssessment',
            data: { assessmentId },
            metadata,
            facts: independence,
          }));
          entry.status = 'finalized';
        });
      });
    });
  }

  /** Procurement opens each contract's renewal review in late November, judged as of that day. */
  private planReviews(year: number): void {
    const on = dateOf(year, 11, 25);
    this.agenda.at(chinaMoment(on, 10), () => {
      let at = chinaMoment(on, 10);
      for (const plannedContract of this.contracts.filter((c) => c.year === year)) {
        at += 10_000;
        const reviewId = this.uuids.v7(at);
        const rec = this.newRec<any>(renewalStreams.renewalReview(reviewId), renewalReview);
        const state = plannedContract.rec.state as Extract<ContractState, { status: 'active' | 'terminated' }>;
        this.record(rec, renewalReview, at, plannedContract.purchaser.actor, (metadata): OpenRenewalReview => ({
          type: 'OpenRenewalReview',
          data: { reviewId, contractId: plannedContract.id, asOf: on },
          metadata,
          facts: {
            contract: { purchaserOrgId: state.purchaserOrgId, operatorOrgId: state.operatorOrgId, term: state.term, terminatedOn: state.terminatedOn },
            openReviewId: null,
            successorContractId: null,
          },
        }));
      }
    });
  }
}
