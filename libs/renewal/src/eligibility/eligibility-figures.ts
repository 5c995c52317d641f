import { toHundredths } from '../shared/figures';
import { EligibilityJudgement } from './eligibility';

/** One figure of a judgement, flat, for the dossier's CSV: what it is, its value, its threshold, and its events. */
export interface EligibilityFigureRow {
  readonly figure:
    | 'contract_score'
    | 'station_score'
    | 'assessment_score'
    | 'staffing_compliance'
    | 'supervision_compliance'
    | 'training_compliance'
    | 'rectification';
  readonly subjectId: string | null;
  readonly detail: string | null;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly met: boolean | null;
  readonly sourceEventIds: readonly string[];
}

/** Every figure a judgement rests on, each traced to its events, in the order a reader meets them. */
export function eligibilityFigureRows(judgement: EligibilityJudgement): EligibilityFigureRow[] {
  const { thresholds } = judgement;
  // A shown score is never rounded up onto a line its exact value lies below, so the shown figure
  // compared with the line gives the judgement's own answer.
  const atLeast = (value: number | null, threshold: number) => (value === null ? null : toHundredths(value) >= toHundredths(threshold));
  const rows: EligibilityFigureRow[] = [
    {
      figure: 'contract_score',
      subjectId: judgement.contractId,
      detail: null,
      value: judgement.contractScore,
      threshold: thresholds.eligibleFrom,
      met: atLeast(judgement.contractScore, thresholds.eligibleFrom),
      sourceEventIds: [...new Set(judgement.stations.flatMap((s) => s.sourceEventIds))],
    },
  ];
  for (const station of judgement.stations) {
    rows.push({
      figure: 'station_score',
      subjectId: station.stationId,
      detail: station.missingKinds.length ? `missing: ${station.missingKinds.join(' ')}` : null,
      value: station.score,
      threshold: thresholds.stationFailBelow,
      met: atLeast(station.score, thresholds.stationFailBelow),
      sourceEventIds: station.sourceEventIds,
    });
    for (const c of station.components) {
      const detail = `${c.assessorKind} ${c.period.kind} ${c.period.from}..${c.period.to} weight ${c.appliedWeight} grade ${c.grade}`;
      rows.push({ figure: 'assessment_score', subjectId: c.assessmentId, detail, value: c.score, threshold: null, met: null, sourceEventIds: c.sourceEventIds });
    }
  }
  const compliance = [
    ['staffing_compliance', judgement.staffing],
    ['supervision_compliance', judgement.supervision],
    ['training_compliance', judgement.training],
  ] as const;
  for (const [figure, c] of compliance) {
    rows.push({ figure, subjectId: null, detail: `${c.counted} of ${c.of}`, value: c.share, threshold: c.threshold, met: c.met, sourceEventIds: c.sourceEventIds });
  }
  for (const r of judgement.rectifications) {
    const met = r.status !== 'overdue' && r.status !== 'failed';
    rows.push({ figure: 'rectification', subjectId: r.rectificationId, detail: `${r.status}, due ${r.deadline}`, value: null, threshold: null, met, sourceEventIds: r.sourceEventIds });
  }
  return rows;
}
