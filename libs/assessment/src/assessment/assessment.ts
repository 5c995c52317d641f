import { addDays, CalendarDate, Decider, mustHaveText as mustHave, refuse, today } from '@sws/kernel';
import { RubricSnapshot, snapshotOf } from '../rubric/rubric-definition';
import { scoreAssessment } from '../scoring/score-assessment';
import { toHundredths } from '../shared/points';
import { AssessmentCommand, AssessmentEvent, AssessmentRef, AssessmentScore, IndependenceFacts, ItemScore } from './assessment-events';
import { mustBeIndependent } from './independence';
import { checkScores } from './score-checks';
import { checkStart } from './start-checks';

export type AssessmentStatus = 'draft' | 'submitted' | 'finalized' | 'withdrawn' | 'annulled';

export type AssessmentState =
  | { readonly status: 'unknown' }
  | {
      readonly status: AssessmentStatus;
      readonly ref: AssessmentRef;
      readonly operatorOrgId: string;
      readonly rubric: RubricSnapshot;
      readonly scores: Readonly<Record<string, { readonly points: number; readonly evidence: string }>>;
      readonly responseDueOn: CalendarDate | null;
      readonly responded: boolean;
      /** 0 until finalized, then 1, and one more with each amendment. */
      readonly revision: number;
      readonly score: AssessmentScore | null;
    };
type Known = Exclude<AssessmentState, { status: 'unknown' }>;

const REFUSALS: Record<AssessmentStatus, readonly [code: string, message: string]> = {
  draft: ['NOT_SUBMITTED', 'the assessment is still a draft; submit it first'],
  submitted: ['ALREADY_SUBMITTED', 'the assessment is submitted; its scores no longer change before finalization'],
  finalized: ['ALREADY_FINALIZED', 'the assessment is finalized; only an amendment with a reason changes it'],
  withdrawn: ['ASSESSMENT_WITHDRAWN', 'the assessment was withdrawn; nothing more happens to it'],
  annulled: ['ASSESSMENT_ANNULLED', 'the assessment was annulled; nothing more happens to it'],
};

function mustBe(state: AssessmentState, allowed: readonly AssessmentStatus[], otherwise: Partial<typeof REFUSALS> = {}): asserts state is Known {
  if (state.status === 'unknown') refuse('ASSESSMENT_NOT_FOUND', 'the assessment has not been started');
  if (!allowed.includes(state.status)) {
    const [code, message] = otherwise[state.status] ?? REFUSALS[state.status];
    refuse(code, message, { status: state.status });
  }
}

function mustHaveText(field: string, value: string, why: string): void {
  mustHave('TEXT_REQUIRED', field, value, why);
}

/** Sets an own property, as object literals and Object.fromEntries do, even for a key named `__proto__`. */
function setOwn<V>(target: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function pointsOf(scores: Known['scores']): Record<string, number> {
  const points: Record<string, number> = {};
  for (const code of Object.keys(scores)) setOwn(points, code, scores[code].points);
  return points;
}

function scoreOf(rubric: RubricSnapshot, scores: Known['scores'], revision: number): AssessmentScore {
  const { scale, rawTotal, total, grade, dimensions } = scoreAssessment(rubric, pointsOf(scores));
  return { revision, scale, rawTotal, total, grade, dimensions: dimensions.map(({ indicators: _, ...dimension }) => dimension) };
}

/** The scores with the changes laid over them (a later change of one item wins), keys in the order they were first scored. */
function withScores(scores: Known['scores'], changes: readonly ItemScore[]): Known['scores'] {
  const next: Record<string, { readonly points: number; readonly evidence: string }> = { ...scores };
  for (const { itemCode, points, evidence } of changes) setOwn(next, itemCode, { points, evidence });
  return next;
}

const NOT_FINALIZED = ['NOT_FINALIZED', 'only a finalized assessment is amended; until then the evaluator scores it'] as const;
const NOT_FINALIZED_TO_ANNUL = ['NOT_FINALIZED', 'only a finalized assessment is annulled; an open one is withdrawn'] as const;
const ALREADY_ANNULLED = ['ALREADY_ANNULLED', 'the assessment was annulled already'] as const;

/** The evaluator still independent of the contract's operator, at every step that makes or changes what the assessment says. */
function mustStillBeIndependent(state: Known, facts: IndependenceFacts): void {
  mustBeIndependent(state.ref, state.operatorOrgId, facts);
}

export const assessment: Decider<AssessmentState, AssessmentCommand, AssessmentEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(state, event) {
    if (event.type === 'AssessmentStarted') {
      const { operatorOrgId, purchaserOrgId: _, rubric, ...ref } = event.data;
      return { status: 'draft', ref, operatorOrgId, rubric, scores: {}, responseDueOn: null, responded: false, revision: 0, score: null };
    }
    if (state.status === 'unknown') return state;
    switch (event.type) {
      case 'AssessmentItemsScored':
        return { ...state, scores: withScores(state.scores, event.data.scores) };
      case 'AssessmentSubmitted':
        return { ...state, status: 'submitted', responseDueOn: event.data.responseDueOn, score: event.data.score };
      case 'AssessmentResponded':
        return { ...state, responded: true };
      case 'AssessmentFinalized':
        return { ...state, status: 'finalized', revision: event.data.score.revision, score: event.data.score };
      case 'AssessmentAmended':
        return { ...state, scores: withScores(state.scores, event.data.scores), revision: event.data.score.revision, score: event.data.score };
      case 'AssessmentWithdrawn':
        return { ...state, status: 'withdrawn' };
      case 'AssessmentAnnulled':
        return { ...state, status: 'annulled' };
    }
  },

  decide(command, state) {
    if (command.type === 'StartAssessment') {
      if (state.status !== 'unknown') refuse('ALREADY_STARTED', 'this assessment is started already');
      const { definition, operatorOrgId, purchaserOrgId } = checkStart(command);
      return [{ type: 'AssessmentStarted', data: { ...command.data, operatorOrgId, purchaserOrgId, rubric: snapshotOf(definition) } }];
    }
    switch (command.type) {
      case 'ScoreAssessmentItems': {
        mustBe(state, ['draft']);
        mustStillBeIndependent(state, command.facts);
        if (command.data.scores.length === 0) refuse('NO_SCORES', 'name at least one item to score', { field: 'scores' });
        checkScores(state.rubric, command.data.scores);
        return [{ type: 'AssessmentItemsScored', data: { ...state.ref, scores: command.data.scores } }];
      }
      case 'SubmitAssessment': {
        mustBe(state, ['draft']);
        mustStillBeIndependent(state, command.facts);
        const { findings, recommendations, wouldRecommend } = command.data;
        mustHaveText('findings', findings, 'a submission states its findings');
        mustHaveText('recommendations', recommendations, 'a submission states its recommendations');
        const missing = scoreAssessment(state.rubric, pointsOf(state.scores)).unscored;
        if (missing.length > 0) {
          refuse('INCOMPLETE_SCORES', `${missing.length} of the rubric's items are not scored: ${missing.join(', ')}`, {
            missingItemCodes: missing,
          });
        }
        const submittedOn = today(command);
        const responseDueOn = addDays(submittedOn, state.rubric.responseWindowDays);
        const score = scoreOf(state.rubric, state.scores, 1);
        return [
          {
            type: 'AssessmentSubmitted',
            data: { ...state.ref, findings, recommendations, wouldRecommend, submittedOn, responseDueOn, score },
          },
        ];
      }
      case 'RespondToAssessment': {
        mustBe(state, ['submitted']);
        if (state.responded) refuse('ALREADY_RESPONDED', 'the operator has responded to this assessment already');
        const respondedOn = today(command);
        if (respondedOn > state.responseDueOn!) {
          refuse('RESPONSE_WINDOW_CLOSED', `the response window closed at the end of ${state.responseDueOn}; today is ${respondedOn}`, {
            responseDueOn: state.responseDueOn,
            today: respondedOn,
          });
        }
        const { comment, agrees } = command.data;
        if (!agrees) mustHaveText('comment', comment, 'an operator that disagrees says why');
        return [
          { type: 'AssessmentResponded', data: { ...state.ref, operatorOrgId: state.operatorOrgId, comment, agrees, respondedOn } },
        ];
      }
      case 'FinalizeAssessment': {
        mustBe(state, ['submitted']);
        mustStillBeIndependent(state, command.facts);
        const finalizedOn = today(command);
        if (!state.responded && finalizedOn <= state.responseDueOn!) {
          const from = addDays(state.responseDueOn!, 1);
          refuse(
            'RESPONSE_WINDOW_OPEN',
            `the operator may respond until the end of ${state.responseDueOn}; finalize after a response or from ${from}`,
            { responseDueOn: state.responseDueOn, today: finalizedOn },
          );
        }
        return [{ type: 'AssessmentFinalized', data: { ...state.ref, score: state.score!, responded: state.responded, finalizedOn } }];
      }
      case 'AmendAssessment': {
        mustBe(state, ['finalized'], { draft: NOT_FINALIZED, submitted: NOT_FINALIZED });
        mustStillBeIndependent(state, command.facts);
        const { scores, reason } = command.data;
        mustHaveText('reason', reason, 'an amendment states its reason');
        checkScores(state.rubric, scores);
        const changed = scores.filter(({ itemCode, points, evidence }) => {
          const before = state.scores[itemCode];
          return !before || toHundredths(before.points) !== toHundredths(points) || before.evidence !== evidence;
        });
        if (changed.length === 0) refuse('NOTHING_TO_AMEND', 'an amendment must change the points or evidence of at least one item');
        const previous = changed.map(({ itemCode }) => ({ itemCode, ...state.scores[itemCode] }));
        const score = scoreOf(state.rubric, withScores(state.scores, changed), state.revision + 1);
        return [{ type: 'AssessmentAmended', data: { ...state.ref, scores: changed, reason, previous, score } }];
      }
      case 'WithdrawAssessment': {
        mustBe(state, ['draft', 'submitted']);
        mustHaveText('reason', command.data.reason, 'a withdrawal states its reason');
        const previousStatus = state.status as 'draft' | 'submitted';
        return [{ type: 'AssessmentWithdrawn', data: { ...state.ref, reason: command.data.reason, previousStatus } }];
      }
      case 'AnnulAssessment': {
        mustBe(state, ['finalized'], { draft: NOT_FINALIZED_TO_ANNUL, submitted: NOT_FINALIZED_TO_ANNUL, annulled: ALREADY_ANNULLED });
        mustHaveText('reason', command.data.reason, 'an annulment states its reason');
        return [{ type: 'AssessmentAnnulled', data: { ...state.ref, reason: command.data.reason, revision: state.revision } }];
      }
    }
  },
};
