import { latestCounting, ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentAmended, AssessmentAnnulled, AssessmentFinalized, AssessmentPeriod, AssessorKind } from '../assessment/assessment-events';
import { Grade, RubricScale } from '../rubric/rubric-definition';
import { DimensionScore } from '../scoring/score-assessment';
import { toHundredths } from '../shared/points';

export interface ScorecardRevision {
  readonly revision: number;
  readonly total: number;
  readonly rawTotal: number;
  readonly grade: Grade;
  readonly dimensions: readonly DimensionScore[];
  /** Null for revision 1, the finalization; an amendment's reason after that. */
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly occurredAt: string;
  readonly eventId: string;
}

export interface ScorecardAssessment {
  readonly assessmentId: string;
  readonly evaluatorOrgId: string;
  readonly contractId: string;
  readonly rubricCode: string;
  readonly rubricVersion: number;
  readonly scale: RubricScale;
  /** When its finalization was recorded: what orders two counting assessments of the same days. */
  readonly finalizedAt: string;
  readonly revisions: readonly ScorecardRevision[];
  /** Set once the guidance centre annulled it: it stays readable here and never counts again. */
  readonly annulled: { readonly reason: string; readonly recordedAt: string; readonly eventId: string } | null;
}

/** The score that counts for a period: its latest revision, with where it came from. */
export type ScorecardCurrent = Omit<ScorecardAssessment, 'revisions' | 'annulled'> & Omit<ScorecardRevision, 'occurredAt' | 'eventId'>;

export interface ScorecardPeriod {
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  /** The counting assessment (`countingOf`) at its latest revision; null when every one of the period was annulled. */
  readonly current: ScorecardCurrent | null;
  /** Every finalized assessment of the period, annulled ones included, in the order they were finalized. */
  readonly assessments: readonly ScorecardAssessment[];
}

export interface TrendPoint {
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  readonly assessmentId: string;
  readonly total: number;
  readonly grade: Grade;
  /** Against the previous period of the same kind and assessor kind; null for the first. */
  readonly change: number | null;
}

/** Read model 1: per station, the finalized scores of every period; withdrawn or unfinalized ones never appear. */
export interface StationScorecard {
  readonly stationId: string;
  /** Ordered by period end, then start, kind and assessor kind. */
  readonly periods: readonly ScorecardPeriod[];
  /** The periods with a counting assessment. */
  readonly trend: readonly TrendPoint[];
}

/**
 * One document of the scorecard: a station's periods that end in one month
 * (`<stationId>/<yyyy-mm>`), so an assessment's event rewrites only that month's, not the
 * station's whole history. `stationScorecard` puts a station's documents back together.
 */
export interface ScorecardMonth {
  readonly stationId: string;
  readonly periods: readonly ScorecardPeriod[];
}

type Handled = AssessmentFinalized | AssessmentAmended | AssessmentAnnulled;

/** The id of the document holding a period of a station. */
export const scorecardMonthId = (stationId: string, period: AssessmentPeriod) => `${stationId}/${period.to.slice(0, 7)}`;
/** What the ids of a station's scorecard documents begin with. */
export const scorecardPrefix = (stationId: string) => `${stationId}/`;

/**
 * The assessment that counts among a period's (or any set's): not annulled, and the latest by the
 * kernel's one rule (`latestCounting`), which the renewal judgement applies too.
 */
export function countingOf<A extends Pick<ScorecardAssessment, 'assessmentId' | 'finalizedAt' | 'annulled'>>(
  period: AssessmentPeriod,
  assessments: readonly A[],
): A | null {
  return latestCounting(assessments.filter((a) => a.annulled === null).map((a) => ({ ...a, period })));
}

const samePeriod = (p: ScorecardPeriod, data: Handled['data']) =>
  p.assessorKind === data.assessorKind && p.period.kind === data.period.kind && p.period.from === data.period.from && p.period.to === data.period.to;

/** What orders a station's periods: by end, then start, kind and assessor kind (as a string that sorts so). */
export const periodOrder = (period: AssessmentPeriod, assessorKind: AssessorKind) => [period.to, period.from, period.kind, assessorKind].join('|');
const order = (p: ScorecardPeriod) => periodOrder(p.period, p.assessorKind);

function revisionOf(event: ProjectedEvent<(AssessmentFinalized | AssessmentAmended)['data']>, reason: string | null): ScorecardRevision {
  const { revision, total, rawTotal, grade, dimensions } = event.data.score;
  const { recordedAt, occurredAt, eventId } = event.metadata;
  return { revision, total, rawTotal, grade, dimensions, reason, recordedAt, occurredAt, eventId };
}

function currentOf(period: AssessmentPeriod, assessments: readonly ScorecardAssessment[]): ScorecardCurrent | null {
  const found = countingOf(period, assessments);
  if (found === null) return null;
  const { revisions, annulled: _annulled, ...counting } = assessments.find((a) => a.assessmentId === found.assessmentId)!;
  const { occurredAt: _, eventId: __, ...latest } = revisions[revisions.length - 1];
  return { ...counting, ...latest };
}

function trendOf(periods: readonly ScorecardPeriod[]): TrendPoint[] {
  const previous = new Map<string, number>();
  const counted = periods.filter((p): p is ScorecardPeriod & { current: ScorecardCurrent } => p.current !== null);
  return counted.map(({ period, assessorKind, current }) => {
    const series = `${period.kind}|${assessorKind}`;
    const before = previous.get(series);
    previous.set(series, toHundredths(current.total));
    const change = before === undefined ? null : (toHundredths(current.total) - before) / 100;
    return { period, assessorKind, assessmentId: current.assessmentId, total: current.total, grade: current.grade, change };
  });
}

const sorted = (periods: readonly ScorecardPeriod[]) => [...periods].sort((a, b) => order(a).localeCompare(order(b)));

/** A station's scorecard from its documents (in any order): every period, ordered, and the trend across them. */
export function stationScorecard(stationId: string, months: readonly Pick<ScorecardMonth, 'periods'>[]): StationScorecard {
  const periods = sorted(months.flatMap((m) => m.periods));
  return { stationId, periods, trend: trendOf(periods) };
}

/** The stations' scorecards from a list of documents of several stations: those with no document have none. */
export function stationScorecards(months: Iterable<ScorecardMonth> | ReadonlyMap<string, ScorecardMonth>): Map<string, StationScorecard> {
  const byStation = new Map<string, ScorecardMonth[]>();
  for (const month of months instanceof Map ? months.values() : (months as Iterable<ScorecardMonth>)) byStation.set(month.stationId, [...(byStation.get(month.stationId) ?? []), month]);
  return new Map([...byStation].map(([stationId, docs]) => [stationId, stationScorecard(stationId, docs)]));
}

function withAssessments(document: ScorecardMonth, data: Handled['data'], assessments: readonly ScorecardAssessment[]): ScorecardMonth {
  const others = document.periods.filter((p) => !samePeriod(p, data));
  const period: ScorecardPeriod = { period: data.period, assessorKind: data.assessorKind, current: currentOf(data.period, assessments), assessments };
  return { ...document, periods: sorted([...others, period]) };
}

function evolveScorecard(document: ScorecardMonth | null, event: ProjectedEvent<Handled['data']>): ScorecardMonth | null {
  const data = event.data;
  const scorecard = document ?? { stationId: data.stationId, periods: [] };
  const existing = scorecard.periods.find((p) => samePeriod(p, data))?.assessments ?? [];
  const own = existing.find((a) => a.assessmentId === data.assessmentId);
  if (event.type === 'AssessmentFinalized') {
    if (own) return document;
    const { assessmentId, evaluatorOrgId, contractId, rubricCode, rubricVersion, score } = data as AssessmentFinalized['data'];
    const revisions = [revisionOf(event as ProjectedEvent<AssessmentFinalized['data']>, null)];
    const finalizedAt = event.metadata.recordedAt;
    const finalized = { assessmentId, evaluatorOrgId, contractId, rubricCode, rubricVersion, scale: score.scale, finalizedAt, revisions, annulled: null };
    return withAssessments(scorecard, data, [...existing, finalized]);
  }
  if (!own) return document;
  if (event.type === 'AssessmentAnnulled') {
    if (own.annulled !== null) return document;
    const { recordedAt, eventId } = event.metadata;
    const annulled = { ...own, annulled: { reason: (data as AssessmentAnnulled['data']).reason, recordedAt, eventId } };
    return withAssessments(scorecard, data, existing.map((a) => (a === own ? annulled : a)));
  }
  const amendment = data as AssessmentAmended['data'];
  if (own.revisions.some((r) => r.revision === amendment.score.revision)) return document;
  const amended = { ...own, revisions: [...own.revisions, revisionOf(event as ProjectedEvent<AssessmentAmended['data']>, amendment.reason)] };
  return withAssessments(scorecard, data, existing.map((a) => (a === own ? amended : a)));
}

/** Read model 1's documents: per station and month in which periods end, their finalized scores (`stationScorecard` assembles a station's). */
export const stationScorecardProjection: Projection<ScorecardMonth> = {
  name: 'station-scorecard',
  version: 3,
  collection: 'station-scorecards',
  handles: ['AssessmentFinalized', 'AssessmentAmended', 'AssessmentAnnulled'],
  documentIds: (event: ProjectedEvent) => {
    const { stationId, period } = event.data as Handled['data'];
    return [scorecardMonthId(stationId, period)];
  },
  evolve: (document, event) => evolveScorecard(document, event as ProjectedEvent<Handled['data']>),
};
