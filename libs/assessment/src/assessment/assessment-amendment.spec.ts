import { deciderSpecification } from '../../../kernel/src/testing';
import { amend, DRAFT, FINALIZED, play, REF, scores, SUBMITTED, TO_FINALIZED } from '../testing/assessment-fixtures';
import { assessment } from './assessment';

const spec = deciderSpecification(assessment);

describe('assessment', () => {
  describe('when amended after finalization', () => {
    it('makes revision 2 with the changed items, what they held before, the reason and the new score', () => {
      // A.1.a 27.5 → 22.5: A = 47.75 of 60 (79.58%), total 80.25, still good
      spec
        .given(FINALIZED())
        .when(amend({ 'A.1.a': 22.5 }))
        .then([
          {
            type: 'AssessmentAmended',
            data: {
              ...REF,
              scores: scores({ 'A.1.a': 22.5 }),
              reason: '复核发现计分错误',
              previous: [{ itemCode: 'A.1.a', points: 27.5, evidence: '现场查看台账' }],
              score: {
                revision: 2,
                scale: 100,
                rawTotal: 80.25,
                total: 80.25,
                grade: 'good',
                dimensions: [
                  { code: 'A', name: '甲', points: 47.75, maxPoints: 60, percent: 79.58 },
                  { code: 'B', name: '乙', points: 32.5, maxPoints: 40, percent: 81.25 },
                ],
              },
            },
          },
        ]);
    });

    it('counts revisions on: the next amendment makes revision 3 from the amended points', () => {
      spec
        .given(play(...TO_FINALIZED(), amend({ 'A.1.a': 22.5 })))
        .when(amend({ 'B.1.b': 2.5 }, '2027-02-01', '补充材料后复核'))
        .thenProduces(([event]) => expect(event.data).toMatchObject({ score: { revision: 3, total: 70.25, grade: 'pass' } }));
    });

    it('records only the items that change, leaving out those restated as they were', () => {
      spec
        .given(FINALIZED())
        .when(amend({ 'A.1.a': 27.5, 'A.1.b': 20 }))
        .thenProduces(([event]) => expect(event.data).toMatchObject({ scores: scores({ 'A.1.b': 20 }) }));
    });

    it('refuses an amendment that changes nothing, however the points are written', () => {
      spec.given(FINALIZED()).when(amend({ 'A.1.a': 27.5, 'B.1.b': 12.50 })).thenFails('NOTHING_TO_AMEND');
      spec.given(FINALIZED()).when(amend({})).thenFails('NOTHING_TO_AMEND');
    });

    it('accepts a change of evidence alone as a revision with the same total', () => {
      spec
        .given(FINALIZED())
        .when(amend({ 'A.1.a': 27.5 }, '2027-01-10', '补正证据说明', '补充走访照片'))
        .thenProduces(([event]) => expect(event.data).toMatchObject({ score: { revision: 2, total: 85.25 } }));
    });

    it('refuses an amendment without a reason', () => {
      spec.given(FINALIZED()).when(amend({ 'A.1.a': 20 }, '2027-01-10', ' ')).thenFails('TEXT_REQUIRED');
      spec.given(FINALIZED()).when(amend({ 'A.1.a': 20 }, '2027-01-10', '\u200b\u200b')).thenFails('TEXT_REQUIRED');
    });

    it('refuses amended points out of range and items outside the rubric', () => {
      spec.given(FINALIZED()).when(amend({ 'A.1.a': 30.01 })).thenFails('POINTS_OUT_OF_RANGE');
      spec.given(FINALIZED()).when(amend({ 'C.1.a': 1 })).thenFails('UNKNOWN_ITEM');
    });

    it('refuses to amend a draft or a submitted assessment', () => {
      spec.given(DRAFT()).when(amend({ 'A.1.a': 20 })).thenFails('NOT_FINALIZED');
      spec.given(SUBMITTED()).when(amend({ 'A.1.a': 20 })).thenFails('NOT_FINALIZED');
    });
  });
});
