import { deciderSpecification } from '../../../kernel/src/testing';
import {
  ALL_POINTS,
  amend,
  DRAFT,
  FINALIZED,
  finalize,
  play,
  REF,
  respond,
  score,
  SCORED,
  start,
  submit,
  SUBMITTED,
  TO_SUBMITTED,
  withdraw,
} from '../testing/assessment-fixtures';
import { at, smallRubric } from '../testing/fixtures';
import { assessment } from './assessment';
import { AssessmentScore } from './assessment-events';

const spec = deciderSpecification(assessment);

/** The small rubric scored with ALL_POINTS: 85.25, good. */
const SCORE: AssessmentScore = {
  revision: 1,
  scale: 100,
  rawTotal: 85.25,
  total: 85.25,
  grade: 'good',
  dimensions: [
    { code: 'A', name: '甲', points: 52.75, maxPoints: 60, percent: 87.92 },
    { code: 'B', name: '乙', points: 32.5, maxPoints: 40, percent: 81.25 },
  ],
};

describe('assessment', () => {
  describe('when submitted', () => {
    it('records findings, the computed score and a response window of 14 days', () => {
      spec
        .given(SCORED())
        .when(submit())
        .then([
          {
            type: 'AssessmentSubmitted',
            data: {
              ...REF,
              findings: '台账完整，服务覆盖面仍需扩大',
              recommendations: '加强小组工作',
              wouldRecommend: true,
              submittedOn: '2026-12-01',
              responseDueOn: '2026-12-15',
              score: SCORE,
            },
          },
        ]);
    });

    it('takes the response window from the rubric version', () => {
      const sevenDays = { rubric: { definition: smallRubric({ responseWindowDays: 7 }), retired: false } };
      spec
        .given(play(start({}, sevenDays), score(ALL_POINTS)))
        .when(submit())
        .thenProduces(([event]) => expect(event.data).toMatchObject({ responseDueOn: '2026-12-08' }));
    });

    it('refuses a submission with an item unscored, listing the missing items', () => {
      const { 'A.2.a': _, 'B.1.a': __, ...partial } = ALL_POINTS;
      let details: unknown;
      try {
        play(start(), score(partial), submit());
      } catch (error) {
        details = (error as { code: string; details: unknown }).details;
        expect((error as { code: string }).code).toBe('INCOMPLETE_SCORES');
      }
      expect(details).toEqual({ missingItemCodes: ['A.2.a', 'B.1.a'] });
      spec.given(DRAFT()).when(submit()).thenFails('INCOMPLETE_SCORES');
    });

    it('refuses a submission without findings or recommendations', () => {
      spec.given(SCORED()).when(submit(undefined, ' ')).thenFails('TEXT_REQUIRED');
      spec.given(SCORED()).when(submit(undefined, '\u200b\u200b')).thenFails('TEXT_REQUIRED');
      const noRecommendations = { ...submit(), data: { ...submit().data, recommendations: '' } } as ReturnType<typeof submit>;
      spec.given(SCORED()).when(noRecommendations).thenFails('TEXT_REQUIRED');
    });

    it('refuses a second submission', () => {
      spec.given(SUBMITTED()).when(submit()).thenFails('ALREADY_SUBMITTED');
    });
  });

  describe('when the operator responds', () => {
    it('records the response on the last day of the window, the 14th after submission', () => {
      spec
        .given(SUBMITTED())
        .when(respond('2026-12-15', false, '服务对象数量统计口径有误'))
        .then([
          {
            type: 'AssessmentResponded',
            data: { ...REF, operatorOrgId: 'org-operator', comment: '服务对象数量统计口径有误', agrees: false, respondedOn: '2026-12-15' },
          },
        ]);
    });

    it('refuses a response on the 15th day', () => {
      spec.given(SUBMITTED()).when(respond('2026-12-16')).thenFails('RESPONSE_WINDOW_CLOSED');
    });

    it('counts days in China time: 2026-12-15T16:30Z is already the 16th there', () => {
      const late = { ...respond('2026-12-15'), metadata: { ...at('2026-12-15'), now: '2026-12-15T16:30:00Z' } };
      spec.given(SUBMITTED()).when(late).thenFails('RESPONSE_WINDOW_CLOSED');
    });

    it('refuses a second response', () => {
      spec.given(play(...TO_SUBMITTED(), respond('2026-12-03'))).when(respond('2026-12-04')).thenFails('ALREADY_RESPONDED');
    });

    it('refuses a disagreement without a comment, and accepts an agreement without one', () => {
      spec.given(SUBMITTED()).when(respond('2026-12-03', false, '')).thenFails('TEXT_REQUIRED');
      spec.given(SUBMITTED()).when(respond('2026-12-03', false, '\u2060\ufeff')).thenFails('TEXT_REQUIRED');
      spec.given(SUBMITTED()).when(respond('2026-12-03', true, '')).thenProduces((events) => expect(events).toHaveLength(1));
    });

    it('refuses a response to a draft and to a finalized assessment', () => {
      spec.given(SCORED()).when(respond('2026-12-03')).thenFails('NOT_SUBMITTED');
      spec.given(FINALIZED()).when(respond('2026-12-05')).thenFails('ALREADY_FINALIZED');
    });
  });

  describe('when finalized', () => {
    it('finalizes right after a response, with the submitted score as revision 1', () => {
      spec
        .given(play(...TO_SUBMITTED(), respond('2026-12-03')))
        .when(finalize('2026-12-03'))
        .then([{ type: 'AssessmentFinalized', data: { ...REF, score: SCORE, responded: true, finalizedOn: '2026-12-03' } }]);
    });

    it('refuses to finalize without a response while the window is open, up to its last day', () => {
      spec.given(SUBMITTED()).when(finalize('2026-12-02')).thenFails('RESPONSE_WINDOW_OPEN');
      spec.given(SUBMITTED()).when(finalize('2026-12-15')).thenFails('RESPONSE_WINDOW_OPEN');
    });

    it('finalizes without a response once the window has passed', () => {
      spec
        .given(SUBMITTED())
        .when(finalize('2026-12-16'))
        .then([{ type: 'AssessmentFinalized', data: { ...REF, score: SCORE, responded: false, finalizedOn: '2026-12-16' } }]);
    });

    it('refuses to finalize a draft or to finalize twice', () => {
      spec.given(SCORED()).when(finalize('2026-12-20')).thenFails('NOT_SUBMITTED');
      spec.given(FINALIZED()).when(finalize('2026-12-20')).thenFails('ALREADY_FINALIZED');
    });
  });

  describe('when withdrawn', () => {
    it('withdraws a draft or a submitted assessment, saying which it was', () => {
      spec.given(DRAFT()).when(withdraw()).then([{ type: 'AssessmentWithdrawn', data: { ...REF, reason: '评估对象调整', previousStatus: 'draft' } }]);
      spec
        .given(SUBMITTED())
        .when(withdraw('2026-12-02'))
        .then([{ type: 'AssessmentWithdrawn', data: { ...REF, reason: '评估对象调整', previousStatus: 'submitted' } }]);
    });

    it('refuses to withdraw a finalized assessment', () => {
      spec.given(FINALIZED()).when(withdraw('2026-12-20')).thenFails('ALREADY_FINALIZED');
    });

    it('refuses a withdrawal without a reason', () => {
      spec.given(DRAFT()).when(withdraw(undefined, '')).thenFails('TEXT_REQUIRED');
      spec.given(DRAFT()).when(withdraw(undefined, '\u200b\u200b')).thenFails('TEXT_REQUIRED');
    });

    it('refuses everything afterwards', () => {
      const gone = play(...TO_SUBMITTED(), withdraw('2026-12-02'));
      spec.given(gone).when(withdraw('2026-12-03')).thenFails('ASSESSMENT_WITHDRAWN');
      spec.given(gone).when(respond('2026-12-03')).thenFails('ASSESSMENT_WITHDRAWN');
      spec.given(gone).when(finalize('2026-12-20')).thenFails('ASSESSMENT_WITHDRAWN');
      spec.given(gone).when(submit('2026-12-03')).thenFails('ASSESSMENT_WITHDRAWN');
      spec.given(gone).when(amend({ 'A.1.a': 1 })).thenFails('ASSESSMENT_WITHDRAWN');
    });
  });
});
