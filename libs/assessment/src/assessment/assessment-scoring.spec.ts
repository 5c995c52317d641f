import { DomainError } from '@sws/kernel';
import { deciderSpecification } from '../../../kernel/src/testing';
import { ALL_POINTS, DRAFT, FINALIZED, play, REF, score, scores, start, submit, SUBMITTED, withdraw } from '../testing/assessment-fixtures';
import { assessment } from './assessment';
import { AssessmentCommand } from './assessment-events';

const spec = deciderSpecification(assessment);

const scoreWith = (items: ReturnType<typeof scores>): AssessmentCommand => ({
  type: 'ScoreAssessmentItems',
  data: { assessmentId: REF.assessmentId, scores: items },
  metadata: score({}).metadata,
  facts: { affiliatedOrgIds: [] },
});

function refusal(command: AssessmentCommand): DomainError {
  try {
    play(start(), command);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the command was accepted');
}

describe('assessment', () => {
  describe('when items are scored in draft', () => {
    it('records the points and evidence of each item, with the record’s ids', () => {
      spec
        .given(DRAFT())
        .when(score({ 'A.1.a': 27.5, 'B.1.b': 12.5 }))
        .then([{ type: 'AssessmentItemsScored', data: { ...REF, scores: scores({ 'A.1.a': 27.5, 'B.1.b': 12.5 }) } }]);
    });

    it('lets a later scoring overwrite an earlier one', () => {
      const events = play(start(), score({ ...ALL_POINTS, 'A.1.a': 10 }), score({ 'A.1.a': 30 }), submit());
      const submitted = events[events.length - 1];
      expect(submitted.type === 'AssessmentSubmitted' && submitted.data.score.total).toBe(85.25 - 27.5 + 30);
    });

    it('refuses an item that is not in the rubric', () => {
      spec.given(DRAFT()).when(score({ 'Z.9.z': 1 })).thenFails('UNKNOWN_ITEM');
    });

    it('accepts 0 and the maximum, and refuses a hundredth beyond either', () => {
      spec.given(DRAFT()).when(score({ 'A.1.a': 0, 'A.1.b': 20 })).thenProduces((events) => expect(events).toHaveLength(1));
      spec.given(DRAFT()).when(score({ 'A.1.b': 20.01 })).thenFails('POINTS_OUT_OF_RANGE');
      spec.given(DRAFT()).when(score({ 'A.1.b': -0.01 })).thenFails('POINTS_OUT_OF_RANGE');
    });

    it('names the offending field, item and maximum when points are out of range', () => {
      const error = refusal(score({ 'A.1.a': 10, 'B.1.b': 15.5 }));
      expect(error.code).toBe('POINTS_OUT_OF_RANGE');
      expect(error.details).toEqual({ field: 'scores[1].points', itemCode: 'B.1.b', maxPoints: 15 });
    });

    it('refuses points finer than the hundredth', () => {
      spec.given(DRAFT()).when(score({ 'A.1.a': 2.555 })).thenFails('POINTS_TOO_PRECISE');
    });

    it('refuses an item scored twice in one command', () => {
      spec.given(DRAFT()).when(scoreWith([...scores({ 'A.1.a': 1 }), ...scores({ 'A.1.a': 2 })])).thenFails('DUPLICATE_ITEM_SCORE');
    });

    it('refuses a scoring that names no item', () => {
      spec.given(DRAFT()).when(scoreWith([])).thenFails('NO_SCORES');
    });

    it('refuses points without a note of the evidence', () => {
      spec.given(DRAFT()).when(scoreWith(scores({ 'A.1.a': 1 }, ' '))).thenFails('TEXT_REQUIRED');
      spec.given(DRAFT()).when(scoreWith(scores({ 'A.1.a': 1 }, '\u200b\u200b'))).thenFails('TEXT_REQUIRED');
    });

    it('refuses to score an assessment that has not been started', () => {
      spec.given([]).when(score({ 'A.1.a': 1 })).thenFails('ASSESSMENT_NOT_FOUND');
    });
  });

  describe('when no longer a draft', () => {
    it('refuses scoring once submitted', () => {
      spec.given(SUBMITTED()).when(score({ 'A.1.a': 1 })).thenFails('ALREADY_SUBMITTED');
    });

    it('refuses scoring once finalized: only an amendment changes it', () => {
      spec.given(FINALIZED()).when(score({ 'A.1.a': 1 })).thenFails('ALREADY_FINALIZED');
    });

    it('refuses scoring once withdrawn', () => {
      spec.given(play(start(), withdraw())).when(score({ 'A.1.a': 1 })).thenFails('ASSESSMENT_WITHDRAWN');
    });
  });
});
