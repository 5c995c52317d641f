import { ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentAmended, AssessmentAnnulled, AssessmentFinalized, AssessmentPeriod, AssessorKind } from '../assessment/assessment-events';
import { Grade } from '../rubric/rubric-definition';
import { fromHundredths, meanHalfUp, toHundredths } from '../shared/points';

export interface EvaluatorAssessment {
  readonly assessmentId: string;
  readonly stationId: string;
  readonly contractId: string;
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  /** The latest revision; an amendment replaces the score. */
  readonly revision: number;
  readonly total: number;
  readonly grade: Grade;
  readonly finalizedAt: string;
}

/**
 * Read model 6, per evaluator organization: its finalized assessments and their mean score; an
 * annulled one leaves the record, as it leaves every score.
 * The deviation from other organizations needs their scores of the same stations and periods,
 * which the station scorecards hold: see `evaluatorConsistency`.
 */
export interface EvaluatorRecord {
  readonly evaluatorOrgId: string;
  readonly assessments: readonly EvaluatorAssessment[];
  readonly finalized: number;
  /** Mean of the latest totals, rounded half up to the hundredth; null before the first. */
  readonly meanScore: number | null;
}

/**
 * One document of read model 6: a finalized assessment of an evaluator organization
 * (`<evaluatorOrgId>/<assessmentId>`) at its latest revision, with the position of its
 * finalization, which orders an organization's record. An annulment deletes it. So an
 * assessment's event rewrites only its own small document, not the organization's whole record.
 */
export interface EvaluatorEntry extends EvaluatorAssessment {
  readonly evaluatorOrgId: string;
  readonly position: string;
}

type Handled = AssessmentFinalized | AssessmentAmended | AssessmentAnnulled;

/** What the ids of an organization's documents begin with. */
export const evaluatorPrefix = (evaluatorOrgId: string) => `${evaluatorOrgId}/`;

/**
 * An organization's record from its documents (in any order): its assessments in the order they
 * were finalized (`compare` orders the log's positions), their count and mean score.
 */
export function evaluatorRecord(evaluatorOrgId: string, entries: Iterable<EvaluatorEntry>, compare: (a: string, b: string) => number): EvaluatorRecord {
  const ordered = [...entries].sort((a, b) => compare(a.position, b.position));
  const assessments = ordered.map(({ evaluatorOrgId: _org, position: _position, ...assessment }) => assessment);
  const mean = meanHalfUp(assessments.map((a) => toHundredths(a.total)));
  return { evaluatorOrgId, assessments, finalized: assessments.length, meanScore: mean === null ? null : fromHundredths(mean) };
}

/** Every organization's record from a collection of documents: an organization without one has none. */
export function evaluatorRecords(entries: ReadonlyMap<string, EvaluatorEntry>, compare: (a: string, b: string) => number): Map<string, EvaluatorRecord> {
  const byOrg = new Map<string, EvaluatorEntry[]>();
  for (const entry of entries.values()) byOrg.set(entry.evaluatorOrgId, [...(byOrg.get(entry.evaluatorOrgId) ?? []), entry]);
  return new Map([...byOrg].map(([org, list]) => [org, evaluatorRecord(org, list, compare)]));
}

export const evaluatorConsistencyProjection: Projection<EvaluatorEntry> = {
  name: 'evaluator-consistency',
  version: 3,
  collection: 'evaluator-consistency',
  handles: ['AssessmentFinalized', 'AssessmentAmended', 'AssessmentAnnulled'],
  documentIds: (event: ProjectedEvent) => {
    const { evaluatorOrgId, assessmentId } = event.data as Handled['data'];
    return [`${evaluatorPrefix(evaluatorOrgId)}${assessmentId}`];
  },

  evolve(own, projected) {
    const event = projected as unknown as Handled;
    if (event.type === 'AssessmentAnnulled') return null;
    const { assessmentId, evaluatorOrgId, stationId, contractId, period, assessorKind, score } = event.data;
    if (event.type === 'AssessmentFinalized') {
      if (own) return own;
      return {
        assessmentId,
        stationId,
        contractId,
        period,
        assessorKind,
        revision: score.revision,
        total: score.total,
        grade: score.grade,
        finalizedAt: projected.metadata.recordedAt,
        evaluatorOrgId,
        position: projected.position,
      };
    }
    if (!own || own.revision >= score.revision) return own;
    return { ...own, revision: score.revision, total: score.total, grade: score.grade };
  },
};
