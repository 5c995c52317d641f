import type { AssessmentPeriod, Grade } from '@sws/assessment';
import { CalendarDate, latestCounting, LookedUp, maxDate, ProjectedEvent, Projection } from '@sws/kernel';
import { lastDay, MinimumStaffing, RequirementSchedule, Term, withRequirementsFrom } from '@sws/stations-contracts';
import type { Region } from '@sws/stations-contracts';
import { regionCodes } from './region-rollup';

/** A contract's hold on a station, as much of it as the rollup judges staffing by. */
export interface FiguresContract {
  readonly contractId: string;
  readonly term: Term;
  readonly terminatedOn: CalendarDate | null;
  /** The last day the contract holds the station. */
  readonly lastDay: CalendarDate;
  readonly minimumsInForce: RequirementSchedule<MinimumStaffing>;
}

/** A worker's time at the station under a contract (until exclusive; null while they stay). */
export interface FiguresSpan {
  readonly socialWorkerId: string;
  readonly contractId: string;
  readonly from: CalendarDate;
  readonly until: CalendarDate | null;
}

/** What the region rollup needs of one station, compact: what depends on today is derived from it at read time. */
export interface StationFigures {
  readonly id: string;
  readonly region: Region;
  readonly closed: boolean;
  /** Its latest counting third-party score. */
  readonly latestScore: { readonly total: number; readonly grade: Grade } | null;
  readonly contracts: readonly FiguresContract[];
  readonly spans: readonly FiguresSpan[];
}

/** `county:<code>`: the county's stations by id, and which of the workers ever assigned there hold a certificate. */
export interface CountyFigures {
  readonly stations: readonly StationFigures[];
  /** Sorted. */
  readonly certified: readonly string[];
}

/** `station:<id>`: the county a station was registered in (lookup). */
export interface StationCounty {
  readonly county: string;
}

/** `worker:<id>`: whether a worker holds a certificate and the counties they were ever assigned in (lookup). */
export interface WorkerCounties {
  readonly certified: boolean;
  readonly counties: readonly string[];
  /** Set when the worker was assigned before (or without) being registered. */
  readonly unregistered?: true;
}

/** One third-party assessment of a station that was finalized. */
export interface FinalizedScore {
  readonly assessmentId: string;
  readonly period: AssessmentPeriod;
  readonly finalizedAt: string;
  readonly total: number;
  readonly grade: Grade;
  readonly revisions: readonly number[];
  readonly annulled: boolean;
}

/** `scores:<stationId>`: a station's finalized third-party assessments, from which its latest score is chosen (lookup). */
export interface StationScores {
  readonly assessments: readonly FinalizedScore[];
}

export type RegionFiguresDocument = CountyFigures | StationCounty | WorkerCounties | StationScores;

export const countyFiguresId = (county: string) => `county:${county}`;
/** What the ids of the county documents under a region's prefix (`regionPrefix`) begin with. */
export const countyFiguresPrefix = (regionPrefix: string) => `county:${regionPrefix}`;
const stationId = (id: string) => `station:${id}`;
const workerId = (id: string) => `worker:${id}`;
const scoresId = (id: string) => `scores:${id}`;

type Data = {
  stationId?: string;
  stationIds?: readonly string[];
  socialWorkerId?: string;
  region?: Region;
  contractId?: string;
  assessorKind?: string;
  assessmentId?: string;
  period?: AssessmentPeriod;
  [key: string]: unknown;
};

const SCORE_EVENTS = ['AssessmentFinalized', 'AssessmentAmended', 'AssessmentAnnulled'];
const THIRD_PARTY = 'third_party';

const sortedInsert = (list: readonly string[], item: string) => (list.includes(item) ? list : [...list, item].sort());

/** The lookups an event needs before its documents can be named. */
function lookupsOf(event: ProjectedEvent): string[] {
  const data = event.data as Data;
  switch (event.type) {
    case 'StationRegistered':
      return [stationId(data.stationId!), scoresId(data.stationId!)];
    case 'StationClosed':
      return [stationId(data.stationId!)];
    case 'ContractAwarded':
    case 'ContractAmended':
    case 'ContractTerminated':
      return (data.stationIds ?? []).map(stationId);
    case 'SocialWorkerAssigned':
      return [stationId(data.stationId!), workerId(data.socialWorkerId!)];
    case 'SocialWorkerDeparted':
      return [stationId(data.stationId!)];
    case 'SocialWorkerRegistered':
    case 'SocialWorkerCertified':
      return [workerId(data.socialWorkerId!)];
    default:
      return data.assessorKind === THIRD_PARTY ? [stationId(data.stationId!), scoresId(data.stationId!)] : [];
  }
}

function countyOf(lookedUp: LookedUp<RegionFiguresDocument>, station: string): string | null {
  return (lookedUp(stationId(station)) as StationCounty | null)?.county ?? null;
}

function documentIdsOf(event: ProjectedEvent, lookedUp: LookedUp<RegionFiguresDocument>): string[] {
  const data = event.data as Data;
  const counties = (stations: readonly string[]) => [...new Set(stations.flatMap((s) => countyOf(lookedUp, s) ?? []))].map(countyFiguresId);
  switch (event.type) {
    case 'StationRegistered': {
      const county = regionCodes(data.region!.code).county;
      const before = countyOf(lookedUp, data.stationId!);
      const moved = before !== null && before !== county ? [countyFiguresId(before)] : [];
      return [stationId(data.stationId!), ...moved, countyFiguresId(county)];
    }
    case 'StationClosed':
    case 'ContractAwarded':
    case 'ContractAmended':
    case 'ContractTerminated':
      return counties(data.stationIds ?? [data.stationId!]);
    case 'SocialWorkerAssigned':
      return [workerId(data.socialWorkerId!), ...counties([data.stationId!])];
    case 'SocialWorkerDeparted':
      return counties([data.stationId!]);
    case 'SocialWorkerRegistered':
    case 'SocialWorkerCertified': {
      const worker = lookedUp(workerId(data.socialWorkerId!)) as WorkerCounties | null;
      return [workerId(data.socialWorkerId!), ...(worker?.counties ?? []).map(countyFiguresId)];
    }
    default:
      return data.assessorKind === THIRD_PARTY ? [scoresId(data.stationId!), ...counties([data.stationId!])] : [];
  }
}

function withStation(county: CountyFigures, id: string, change: (station: StationFigures) => StationFigures): CountyFigures {
  const index = county.stations.findIndex((s) => s.id === id);
  if (index < 0) return county;
  const stations = [...county.stations];
  stations[index] = change(stations[index]);
  return { ...county, stations };
}

/** The contracts of a station after an award, amendment or termination (as the station read model keeps them). */
function evolveContracts(contracts: readonly FiguresContract[], event: ProjectedEvent): readonly FiguresContract[] {
  const data = event.data as Data;
  if (event.type === 'ContractAwarded') {
    const { term, requirements } = data as unknown as { term: Term; requirements: MinimumStaffing };
    const minimums = { minWorkersPerStation: requirements.minWorkersPerStation };
    return [...contracts, { contractId: data.contractId!, term, terminatedOn: null, lastDay: term.end, minimumsInForce: [{ from: term.start, requirements: minimums, eventId: '' }] }];
  }
  return contracts.map((c) => {
    if (c.contractId !== data.contractId) return c;
    if (event.type === 'ContractTerminated') {
      const terminatedOn = data.effectiveOn as CalendarDate;
      return { ...c, terminatedOn, lastDay: lastDay(c.term, terminatedOn) };
    }
    const { changes, effectiveOn } = data as unknown as { changes: { term?: Term; requirements?: MinimumStaffing }; effectiveOn: CalendarDate };
    const term = changes.term ?? c.term;
    const amended = changes.requirements?.minWorkersPerStation;
    const minimumsInForce =
      amended === undefined ? c.minimumsInForce : withRequirementsFrom(c.minimumsInForce, { from: maxDate(effectiveOn, c.term.start), requirements: { minWorkersPerStation: amended }, eventId: '' });
    return { ...c, term, minimumsInForce, lastDay: lastDay(term, c.terminatedOn) };
  });
}

/** The station's latest counting third-party score, by the kernel's one rule. */
function latestOf(scores: StationScores | null): StationFigures['latestScore'] {
  const best = latestCounting((scores?.assessments ?? []).filter((a) => !a.annulled));
  return best === null ? null : { total: best.total, grade: best.grade };
}

function evolveScores(document: StationScores | null, event: ProjectedEvent): StationScores | null {
  const data = event.data as Data & { score?: { revision: number; total: number; grade: Grade } };
  const assessments = document?.assessments ?? [];
  const samePeriod = (a: FinalizedScore) => a.period.kind === data.period!.kind && a.period.from === data.period!.from && a.period.to === data.period!.to;
  const own = assessments.find((a) => a.assessmentId === data.assessmentId && samePeriod(a));
  const replace = (next: FinalizedScore) => ({ assessments: assessments.map((a) => (a === own ? next : a)) });
  if (event.type === 'AssessmentFinalized') {
    if (own) return document;
    const { revision, total, grade } = data.score!;
    const finalized = { assessmentId: data.assessmentId!, period: data.period!, finalizedAt: event.metadata.recordedAt, total, grade, revisions: [revision], annulled: false };
    return { assessments: [...assessments, finalized] };
  }
  if (!own) return document;
  if (event.type === 'AssessmentAnnulled') return own.annulled ? document : replace({ ...own, annulled: true });
  const { revision, total, grade } = data.score!;
  if (own.revisions.includes(revision)) return document;
  return replace({ ...own, total, grade, revisions: [...own.revisions, revision] });
}

function evolveCounty(document: CountyFigures | null, id: string, event: ProjectedEvent, lookedUp: LookedUp<RegionFiguresDocument>): CountyFigures | null {
  const data = event.data as Data;
  const county: CountyFigures = document ?? { stations: [], certified: [] };
  switch (event.type) {
    case 'StationRegistered': {
      const others = county.stations.filter((s) => s.id !== data.stationId);
      if (id !== countyFiguresId(regionCodes(data.region!.code).county)) return { ...county, stations: others };
      const station: StationFigures = { id: data.stationId!, region: data.region!, closed: false, latestScore: latestOf(lookedUp(scoresId(data.stationId!)) as StationScores | null), contracts: [], spans: [] };
      return { ...county, stations: [...others, station].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
    }
    case 'StationClosed':
      return withStation(county, data.stationId!, (s) => ({ ...s, closed: true }));
    case 'ContractAwarded':
    case 'ContractAmended':
    case 'ContractTerminated':
      return (data.stationIds ?? []).reduce((c, station) => withStation(c, station, (s) => ({ ...s, contracts: evolveContracts(s.contracts, event) })), county);
    case 'SocialWorkerAssigned': {
      const worker = lookedUp(workerId(data.socialWorkerId!)) as WorkerCounties | null;
      const span: FiguresSpan = { socialWorkerId: data.socialWorkerId!, contractId: data.contractId!, from: data.from as CalendarDate, until: null };
      const assigned = withStation(county, data.stationId!, (s) => ({ ...s, spans: [...s.spans, span] }));
      return worker?.certified ? { ...assigned, certified: sortedInsert(assigned.certified, data.socialWorkerId!) } : assigned;
    }
    case 'SocialWorkerDeparted':
      return withStation(county, data.stationId!, (s) => ({
        ...s,
        spans: s.spans.map((a) => (a.socialWorkerId === data.socialWorkerId && a.until === null ? { ...a, until: data.on as CalendarDate } : a)),
      }));
    case 'SocialWorkerRegistered':
    case 'SocialWorkerCertified': {
      const worker = lookedUp(workerId(data.socialWorkerId!)) as WorkerCounties | null;
      const certified = worker?.certified ? sortedInsert(county.certified, data.socialWorkerId!) : county.certified.filter((w) => w !== data.socialWorkerId);
      return document === null ? null : { ...county, certified };
    }
    default:
      return withStation(county, data.stationId!, (s) => ({ ...s, latestScore: latestOf(lookedUp(scoresId(data.stationId!)) as StationScores | null) }));
  }
}

function evolveWorker(document: WorkerCounties | null, event: ProjectedEvent, lookedUp: LookedUp<RegionFiguresDocument>): WorkerCounties | null {
  const data = event.data as Data;
  switch (event.type) {
    case 'SocialWorkerRegistered':
      // A registration states the worker afresh, as the worker read model does.
      return { certified: data.certification !== 'none', counties: document?.counties ?? [] };
    case 'SocialWorkerCertified':
      return document === null || document.unregistered ? document : { ...document, certified: document.certified || data.level !== 'none' };
    default: {
      // Assigned or departed: the worker served in the station's county. A worker the log never
      // registered is kept as such, so that a certificate (which the worker read model ignores
      // for them) does not count.
      const county = countyOf(lookedUp, data.stationId!);
      const base: WorkerCounties = document ?? { certified: false, counties: [], unregistered: true };
      return county === null ? document : { ...base, counties: sortedInsert(base.counties, county) };
    }
  }
}

/**
 * Read model 5 keyed by region: per county (`county:<code>`), what the rollup needs of each of its
 * stations in compact form (region, closed, latest third-party score, contracts' terms and
 * minimums, workers' spans) and which workers assigned there are certified, so that a rollup reads
 * its counties' documents (a city's or province's by one list of the id range `county:<prefix>`)
 * instead of every station's, scorecard's and worker's. Events name a station or a worker, not a
 * county, so it keeps small lookups of its own: `station:<id>` (its county), `worker:<id>`
 * (certified, counties assigned in) and `scores:<stationId>` (the finalized third-party scores the
 * latest is chosen from, annulments and amendments included).
 */
export const regionFiguresProjection: Projection<RegionFiguresDocument> = {
  name: 'region-figures',
  version: 1,
  collection: 'region-figures',
  handles: [
    'StationRegistered',
    'StationClosed',
    'ContractAwarded',
    'ContractAmended',
    'ContractTerminated',
    'SocialWorkerRegistered',
    'SocialWorkerCertified',
    'SocialWorkerAssigned',
    'SocialWorkerDeparted',
    ...SCORE_EVENTS,
  ],
  lookups: lookupsOf,
  documentIds: (event, lookedUp) => documentIdsOf(event, lookedUp!),
  evolve(document, event, context) {
    const { id, lookedUp } = context!;
    if (id.startsWith('county:')) return evolveCounty(document as CountyFigures | null, id, event, lookedUp);
    if (id.startsWith('worker:')) return evolveWorker(document as WorkerCounties | null, event, lookedUp);
    if (id.startsWith('scores:')) return evolveScores(document as StationScores | null, event);
    return { county: regionCodes((event.data as Data).region!.code).county };
  },
};
