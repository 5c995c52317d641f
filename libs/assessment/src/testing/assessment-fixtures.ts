import { CommandMetadata, foldEvents } from '@sws/kernel';
import { assessment } from '../assessment/assessment';
import {
  AssessmentCommand,
  AssessmentEvent,
  AssessmentRef,
  AssessmentStarted,
  IndependenceFacts,
  ItemScore,
  StartAssessment,
  StartAssessmentFacts,
} from '../assessment/assessment-events';
import { snapshotOf } from '../rubric/rubric-definition';
import { at, SMALL_RUBRIC, smallRubric } from './fixtures';

export const REF: AssessmentRef = {
  assessmentId: 'a-1',
  evaluatorOrgId: 'org-evaluator',
  contractId: 'c-1',
  stationId: 'st-1',
  period: { kind: 'annual', from: '2026-01-01', to: '2026-12-31' },
  assessorKind: 'third_party',
  rubricCode: 'small',
  rubricVersion: 1,
};

export const START_FACTS: StartAssessmentFacts = {
  rubric: { definition: smallRubric(), retired: false },
  contract: {
    operatorOrgId: 'org-operator',
    purchaserOrgId: 'org-bureau',
    stationIds: ['st-1', 'st-2'],
    term: { start: '2026-01-01', end: '2026-12-31' },
  },
  evaluator: { kind: 'evaluator', affiliatedOrgIds: [] },
  stationAssessments: [],
};

/** The evaluator affiliated with nobody, as the handler finds it for each step; `CONFLICTED` with the operator. */
export const INDEPENDENT: IndependenceFacts = { affiliatedOrgIds: [] };
export const CONFLICTED: IndependenceFacts = { affiliatedOrgIds: ['org-other', 'org-operator'] };

/** The day the evaluator starts, scores and submits; the response window then runs to 2026-12-15. */
export const STARTED_ON = '2026-11-20';
export const SUBMITTED_ON = '2026-12-01';

export const start = (
  data: Partial<AssessmentRef> = {},
  facts: Partial<StartAssessmentFacts> = {},
  metadata: CommandMetadata = at(STARTED_ON),
): StartAssessment => ({ type: 'StartAssessment', data: { ...REF, ...data }, metadata, facts: { ...START_FACTS, ...facts } });

export const started: AssessmentStarted = {
  type: 'AssessmentStarted',
  data: { ...REF, operatorOrgId: 'org-operator', purchaserOrgId: 'org-bureau', rubric: snapshotOf(smallRubric()) },
};

export const scores = (points: Readonly<Record<string, number>>, evidence = '现场查看台账'): ItemScore[] =>
  Object.entries(points).map(([itemCode, p]) => ({ itemCode, points: p, evidence }));

/** Every item of the small rubric: A = 45.75 + 7 = 52.75, B = 32.5; 85.25 in all (good). */
export const ALL_POINTS = { 'A.1.a': 27.5, 'A.1.b': 18.25, 'A.2.a': 7, 'B.1.a': 20, 'B.1.b': 12.5 };

export const score = (points: Readonly<Record<string, number>>, date = STARTED_ON, assessmentId = REF.assessmentId, facts = INDEPENDENT): AssessmentCommand => ({
  type: 'ScoreAssessmentItems',
  data: { assessmentId, scores: scores(points) },
  metadata: at(date),
  facts,
});
export const submit = (date = SUBMITTED_ON, findings = '台账完整，服务覆盖面仍需扩大', assessmentId = REF.assessmentId, facts = INDEPENDENT): AssessmentCommand => ({
  type: 'SubmitAssessment',
  data: { assessmentId, findings, recommendations: '加强小组工作', wouldRecommend: true },
  metadata: at(date),
  facts,
});
export const respond = (date: string, agrees = true, comment = '无异议', assessmentId = REF.assessmentId): AssessmentCommand => ({
  type: 'RespondToAssessment',
  data: { assessmentId, comment, agrees },
  metadata: at(date, '10:00:00', 'operator', 'org-operator'),
});
export const finalize = (date: string, assessmentId = REF.assessmentId, facts = INDEPENDENT): AssessmentCommand => ({
  type: 'FinalizeAssessment',
  data: { assessmentId },
  metadata: at(date),
  facts,
});
export const amend = (
  points: Readonly<Record<string, number>>,
  date = '2027-01-10',
  reason = '复核发现计分错误',
  evidence = '现场查看台账',
  assessmentId = REF.assessmentId,
  facts = INDEPENDENT,
): AssessmentCommand => ({
  type: 'AmendAssessment',
  data: { assessmentId, scores: scores(points, evidence), reason },
  metadata: at(date),
  facts,
});
export const withdraw = (date = SUBMITTED_ON, reason = '评估对象调整', assessmentId = REF.assessmentId): AssessmentCommand => ({
  type: 'WithdrawAssessment',
  data: { assessmentId, reason },
  metadata: at(date),
});

/** The guidance centre annuls a finalized assessment. */
export const annul = (date = '2027-01-15', reason = '评估机构与承接机构存在关联', assessmentId = REF.assessmentId): AssessmentCommand => ({
  type: 'AnnulAssessment',
  data: { assessmentId, reason },
  metadata: at(date, '10:00:00', 'admin', 'org-centre'),
});

/** The events a sequence of commands produces, each decided on the state the ones before left. */
export function play(...commands: AssessmentCommand[]): AssessmentEvent[] {
  return play.withHistory([], ...commands);
}

/** The events the commands add to a history that exists already. */
play.withHistory = (history: readonly AssessmentEvent[], ...commands: AssessmentCommand[]): AssessmentEvent[] => {
  const events: AssessmentEvent[] = [];
  for (const command of commands) events.push(...assessment.decide(command, foldEvents(assessment, [...history, ...events])));
  return events;
};

/** The commands that take the assessment to submission, and on to finalization after a response. */
export const TO_SUBMITTED = (): AssessmentCommand[] => [start(), score(ALL_POINTS), submit()];
export const TO_FINALIZED = (): AssessmentCommand[] => [...TO_SUBMITTED(), respond('2026-12-03'), finalize('2026-12-04')];

export const DRAFT = () => play(start());
export const SCORED = () => play(start(), score(ALL_POINTS));
export const SUBMITTED = () => play(...TO_SUBMITTED());
export const FINALIZED = () => play(...TO_FINALIZED());

/** Points on the small rubric adding up to `total`, taken off the items in order. */
export function pointsTotalling(total: number): Record<string, number> {
  let deduction = Math.round((100 - total) * 100);
  const points: Record<string, number> = {};
  for (const item of SMALL_RUBRIC.dimensions.flatMap((d) => d.indicators.flatMap((i) => i.items))) {
    const off = Math.min(deduction, item.maxPoints * 100);
    deduction -= off;
    points[item.code] = (item.maxPoints * 100 - off) / 100;
  }
  return points;
}

/** One assessment taken through to finalization with the given total. */
export function finalized(assessmentId: string, ref: Partial<AssessmentRef>, total: number): AssessmentEvent[] {
  return play(
    start({ assessmentId, ...ref }),
    score(pointsTotalling(total), STARTED_ON, assessmentId),
    submit(SUBMITTED_ON, undefined, assessmentId),
    respond('2026-12-03', true, '无异议', assessmentId),
    finalize('2026-12-04', assessmentId),
  );
}

/** An amendment of a finalized assessment (the small rubric's first item), decided on its own history. */
export function amended(history: AssessmentEvent[], assessmentId: string, firstItemPoints: number, reason = '复核更正'): AssessmentEvent[] {
  const commands = [amend({ 'A.1.a': firstItemPoints }, '2027-01-10', reason, '现场查看台账', assessmentId)];
  const own = history.filter((e) => e.data.assessmentId === assessmentId);
  return play.withHistory(own, ...commands);
}
