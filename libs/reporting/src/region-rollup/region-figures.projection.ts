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

/**
 * `county:<county>/<stationId>`: what the region rollup needs of one station, compact; what
 * depends on today is derived from it at read time. One document a station, so that an event
 * about a station rewrites that station's figures alone, and the ids sort by county: a county's,
 * city's or province's stations are one list of an id range. The station's id is in the
 * document's id and the region's names in the county's `names:<county>`: what a rollup lists is
 * all ASCII, which SQLite hands over and JSON parses faster than text with Chinese in it.
 */
export interface StationFigures {
  /** Its division code (6 or 9 digits), as it was registered. */
  readonly code: string;
  readonly closed: boolean;
  /** Its latest counting third-party score. */
  readonly latestScore: { readonly total: number; readonly grade: Grade } | null;
  readonly contracts: readonly FiguresContract[];
  readonly spans: readonly FiguresSpan[];
  /** Of the workers assigned here since it was registered, those who hold a certificate; sorted. */
  readonly certified: readonly string[];
}

/**
 * `names:<county>`: the names of a county's region (province, city, county) as the registration
 * of its station with the smallest id gives them: the station whose names the rollup of a region
 * shows, its stations being taken in the order of their ids.
 */
export interface CountyNames extends Pick<Region, 'province' | 'city' | 'county'> {
  readonly stationId: string;
}

/** `station:<id>`: the county a station was registered in (lookup). */
export interface StationCounty {
  readonly county: string;
}

/** `worker:<id>`: whether a worker holds a certificate and the figures of the stations they were ever assigned at (lookup). */
export interface WorkerStations {
  readonly certified: boolean;
  /**
   * The ids of those stations' figures documents (`county:<county>/<stationId>`), sorted. One
   * may name a document that is gone (the station was registered again in another county): a
   * certificate then rewrites nothing there, and the station's new document learns of the worker
   * when they are assigned to it again.
   */
  readonly stations: readonly string[];
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

export type RegionFiguresDocument = StationFigures | CountyNames | StationCounty | WorkerStations | StationScores;

const FIGURES = 'county:';
/** The id of a station's figures: its county's code, then its id. */
export const stationFiguresId = (county: string, station: string) => `${FIGURES}${county}/${station}`;
/**
 * What the ids of the figures of a region's stations begin with: `county:<county>/` for a
 * county, `county:<prefix>` for a city's or province's code prefix (`regionPrefix`).
 */
export const stationFiguresPrefix = (regionPrefix: string) => `${FIGURES}${regionPrefix}${regionPrefix.length === 6 ? '/' : ''}`;
/** The station's id in the id of its figures (`county:<county>/<stationId>`). */
export const stationOfFigures = (figuresId: string) => figuresId.slice(figuresId.indexOf('/') + 1);
const NAMES = 'names:';
/** The id of a county's names. */
export const countyNamesId = (county: string) => `${NAMES}${county}`;
/** What the ids of the names of a region's counties begin with (`regionPrefix`). */
export const countyNamesPrefix = (regionPrefix: string) => `${NAMES}${regionPrefix}`;
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

/** The figures document of a station, where the lookup places it; none for a station never registered. */
function figuresOf(lookedUp: LookedUp<RegionFiguresDocument>, station: string): string[] {
  const county = countyOf(lookedUp, station);
  return county === null ? [] : [stationFiguresId(county, station)];
}

function documentIdsOf(event: ProjectedEvent, lookedUp: LookedUp<RegionFiguresDocument>): string[] {
  const data = event.data as Data;
  switch (event.type) {
    case 'StationRegistered': {
      const county = regionCodes(data.region!.code).county;
      const before = countyOf(lookedUp, data.stationId!);
      // Registered again in another county: its figures there are deleted.
      const moved = before !== null && before !== county ? [stationFiguresId(before, data.stationId!)] : [];
      return [stationId(data.stationId!), ...moved, stationFiguresId(county, data.stationId!), countyNamesId(county)];
    }
    case 'StationClosed':
    case 'ContractAwarded':
    case 'ContractAmended':
    case 'ContractTerminated':
      return [...new Set((data.stationIds ?? [data.stationId!]).flatMap((s) => figuresOf(lookedUp, s)))];
    case 'SocialWorkerAssigned':
      return [workerId(data.socialWorkerId!), ...figuresOf(lookedUp, data.stationId!)];
    case 'SocialWorkerDeparted':
      return figuresOf(lookedUp, data.stationId!);
    case 'SocialWorkerRegistered':
    case 'SocialWorkerCertified': {
      const worker = lookedUp(workerId(data.socialWorkerId!)) as WorkerStations | null;
      return [workerId(data.socialWorkerId!), ...(worker?.stations ?? [])];
    }
    default:
      return data.assessorKind === THIRD_PARTY ? [scoresId(data.stationId!), ...figuresOf(lookedUp, data.stationId!)] : [];
  }
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

function evolveStation(document: StationFigures | null, id: string, event: ProjectedEvent, lookedUp: LookedUp<RegionFiguresDocument>): StationFigures | null {
  const data = event.data as Data;
  if (event.type === 'StationRegistered') {
    // Registered afresh (again, perhaps): its figures start over; in a county it left, they are gone.
    if (id !== stationFiguresId(regionCodes(data.region!.code).county, data.stationId!)) return null;
    const latestScore = latestOf(lookedUp(scoresId(data.stationId!)) as StationScores | null);
    return { code: data.region!.code, closed: false, latestScore, contracts: [], spans: [], certified: [] };
  }
  if (document === null) return null;
  switch (event.type) {
    case 'StationClosed':
      return { ...document, closed: true };
    case 'ContractAwarded':
    case 'ContractAmended':
    case 'ContractTerminated':
      return { ...document, contracts: evolveContracts(document.contracts, event) };
    case 'SocialWorkerAssigned': {
      const worker = lookedUp(workerId(data.socialWorkerId!)) as WorkerStations | null;
      const span: FiguresSpan = { socialWorkerId: data.socialWorkerId!, contractId: data.contractId!, from: data.from as CalendarDate, until: null };
      const certified = worker?.certified ? sortedInsert(document.certified, data.socialWorkerId!) : document.certified;
      return { ...document, spans: [...document.spans, span], certified };
    }
    case 'SocialWorkerDeparted':
      return {
        ...document,
        spans: document.spans.map((a) => (a.socialWorkerId === data.socialWorkerId && a.until === null ? { ...a, until: data.on as CalendarDate } : a)),
      };
    case 'SocialWorkerRegistered':
    case 'SocialWorkerCertified': {
      const worker = lookedUp(workerId(data.socialWorkerId!)) as WorkerStations | null;
      const certified = worker?.certified ? sortedInsert(document.certified, data.socialWorkerId!) : document.certified.filter((w) => w !== data.socialWorkerId);
      return { ...document, certified };
    }
    default:
      return { ...document, latestScore: latestOf(lookedUp(scoresId(data.stationId!)) as StationScores | null) };
  }
}

/** A registration names its county; the station with the smallest id gives the county's names (a later registration of it, its new ones). */
function evolveNames(document: CountyNames | null, event: ProjectedEvent): CountyNames {
  const { stationId, region } = event.data as Data & { stationId: string; region: Region };
  if (document !== null && document.stationId < stationId) return document;
  return { stationId, province: region.province, city: region.city, county: region.county };
}

function evolveWorker(document: WorkerStations | null, event: ProjectedEvent, lookedUp: LookedUp<RegionFiguresDocument>): WorkerStations | null {
  const data = event.data as Data;
  switch (event.type) {
    case 'SocialWorkerRegistered':
      // A registration states the worker afresh, as the worker read model does.
      return { certified: data.certification !== 'none', stations: document?.stations ?? [] };
    case 'SocialWorkerCertified':
      return document === null || document.unregistered ? document : { ...document, certified: document.certified || data.level !== 'none' };
    default: {
      // Assigned: the worker served at the station. A worker the log never registered is kept as
      // such, so that a certificate (which the worker read model ignores for them) does not count.
      const figures = figuresOf(lookedUp, data.stationId!);
      const base: WorkerStations = document ?? { certified: false, stations: [], unregistered: true };
      return figures.length === 0 ? document : { ...base, stations: sortedInsert(base.stations, figures[0]) };
    }
  }
}

/**
 * Read model 5 keyed by region: per station (`county:<county>/<stationId>`, so that a county's,
 * city's or province's stations are one list of the id range `county:<prefix>`), what the rollup
 * needs of it in compact form (region, closed, latest third-party score, contracts' terms and
 * minimums, workers' spans, which of its workers are certified), instead of every station's,
 * scorecard's and worker's read model. An event rewrites the figures of the stations it names,
 * never a county's whole: a document stays the size of one station's history. Events name a
 * station or a worker, not a county, so it keeps small lookups of its own: `station:<id>` (its
 * county), `worker:<id>` (certified, the stations assigned at) and `scores:<stationId>` (the
 * finalized third-party scores the latest is chosen from, annulments and amendments included);
 * and per county its names (`names:<county>`). Version 3: the station's id and names out of
 * its figures.
 */
export const regionFiguresProjection: Projection<RegionFiguresDocument> = {
  name: 'region-figures',
  version: 3,
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
    if (id.startsWith(FIGURES)) return evolveStation(document as StationFigures | null, id, event, lookedUp);
    if (id.startsWith('worker:')) return evolveWorker(document as WorkerStations | null, event, lookedUp);
    if (id.startsWith('scores:')) return evolveScores(document as StationScores | null, event);
    if (id.startsWith(NAMES)) return evolveNames(document as CountyNames | null, event);
    return { county: regionCodes((event.data as Data).region!.code).county };
  },
};
