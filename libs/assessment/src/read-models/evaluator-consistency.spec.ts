import { amended, annul, finalized, play, pointsTotalling, score, start, submit } from '../testing/assessment-fixtures';
import { run } from '../testing/projection-log';
import { evaluatorConsistency, stationsToCompare } from './evaluator-consistency';
import { evaluatorConsistencyProjection, evaluatorRecords } from './evaluator-consistency.projection';

/** The test log's positions are numbers. */
const byPosition = (a: string, b: string) => Number(a) - Number(b);
const records = (documents: ReturnType<typeof run<any>>) => evaluatorRecords(documents, byPosition);
import { stationScorecardProjection, stationScorecards } from './station-scorecard.projection';

const year = { kind: 'annual' as const, from: '2026-01-01', to: '2026-12-31' };
const march = { kind: 'monthly' as const, from: '2026-03-01', to: '2026-03-31' };

// E1 scores st-1's year 85.25 and st-2's year 70; E2 scores st-1's year 80.25; E3 scores st-1's year 90.
const e1st1 = finalized('a-1', { period: year }, 85.25);
const e1st2 = finalized('a-2', { period: year, stationId: 'st-2' }, 70);
const e2st1 = finalized('a-3', { period: year, evaluatorOrgId: 'org-e2' }, 80.25);
const e3st1 = finalized('a-4', { period: year, evaluatorOrgId: 'org-e3' }, 90);
const everything = [...e1st1, ...e1st2, ...e2st1, ...e3st1];

/** What the query handler does: read the record, then the scorecards of its stations. */
function consistencyOf(orgId: string, events = everything) {
  const record = records(run(evaluatorConsistencyProjection, events)).get(orgId)!;
  const scorecards = stationScorecards(run(stationScorecardProjection, events));
  return evaluatorConsistency(
    record,
    stationsToCompare(record).flatMap((id) => scorecards.get(id) ?? []),
  );
}

describe('evaluator consistency', () => {
  describe('the record of an evaluator organization', () => {
    it('counts its finalized assessments and their mean score', () => {
      const record = records(run(evaluatorConsistencyProjection, everything)).get('org-evaluator')!;
      expect(record).toMatchObject({ evaluatorOrgId: 'org-evaluator', finalized: 2, meanScore: 77.63 }); // (85.25 + 70) / 2 = 77.625
      expect(record.assessments.map((a) => [a.assessmentId, a.stationId, a.total, a.revision])).toEqual([
        ['a-1', 'st-1', 85.25, 1],
        ['a-2', 'st-2', 70, 1],
      ]);
    });

    it('leaves out an annulled assessment, in its own record and in the others’ comparisons', () => {
      const annulled = [...everything, ...play.withHistory(e2st1, annul(undefined, '评估机构存在关联', 'a-3'))];
      // Its only assessment annulled, the organization has no document left: the query answers an empty record.
      expect(records(run(evaluatorConsistencyProjection, annulled)).get('org-e2')).toBeUndefined();
      const own = consistencyOf('org-evaluator', annulled);
      expect(own.comparisons.flatMap((c) => c.others.map((o) => o.assessmentId))).toEqual(['a-4']);
    });

    it('replaces a score by its amendment', () => {
      const record = records(run(evaluatorConsistencyProjection, [...everything, ...amended(e1st1, 'a-1', 10)])).get('org-evaluator')!;
      expect(record).toMatchObject({ finalized: 2, meanScore: 75 });
      expect(record.assessments[0]).toMatchObject({ revision: 2, total: 80 });
    });

    it('never counts an assessment that is not finalized', () => {
      const draftAndSubmitted = [...play(start({ assessmentId: 'a-9', evaluatorOrgId: 'org-e9' }), score(pointsTotalling(60), undefined, 'a-9'), submit(undefined, undefined, 'a-9'))];
      expect(records(run(evaluatorConsistencyProjection, draftAndSubmitted)).size).toBe(0);
    });

    it('reads the stations it assessed once each', () => {
      const record = records(run(evaluatorConsistencyProjection, [...everything, ...finalized('a-5', { period: march }, 60)])).get('org-evaluator')!;
      expect(stationsToCompare(record)).toEqual(['st-1', 'st-2']);
    });
  });

  describe('the deviation from other organizations', () => {
    it('averages the absolute differences over every pair of the same station and period', () => {
      // E1: |85.25 - 80.25| = 5 and |85.25 - 90| = 4.75; st-2 has no other score. (5 + 4.75) / 2 = 4.875 → 4.88
      const e1 = consistencyOf('org-evaluator');
      expect(e1).toMatchObject({ finalized: 2, meanScore: 77.63, pairs: 2, meanAbsoluteDeviation: 4.88 });
      expect(e1.comparisons).toEqual([
        {
          assessmentId: 'a-1',
          stationId: 'st-1',
          period: year,
          assessorKind: 'third_party',
          total: 85.25,
          others: [
            { assessmentId: 'a-3', evaluatorOrgId: 'org-e2', total: 80.25, difference: 5 },
            { assessmentId: 'a-4', evaluatorOrgId: 'org-e3', total: 90, difference: 4.75 },
          ],
        },
      ]);
      // E2: |80.25 - 85.25| = 5 and |80.25 - 90| = 9.75 → 7.375 → 7.38
      expect(consistencyOf('org-e2')).toMatchObject({ pairs: 2, meanAbsoluteDeviation: 7.38 });
    });

    it('uses the latest revision of every score', () => {
      // a-3 amended from 80.25 to 75 (first item 10.25 → 5): E1's pairs become 10.25 and 4.75 → 7.5
      const events = [...everything, ...amended(e2st1, 'a-3', 5)];
      expect(consistencyOf('org-evaluator', events)).toMatchObject({ meanAbsoluteDeviation: 7.5 });
    });

    it('compares with another evaluation organization’s community assessment of the same period, the one a period still admits', () => {
      const events = [...e1st2, ...finalized('a-9', { period: year, stationId: 'st-2', evaluatorOrgId: 'org-e2', assessorKind: 'community' }, 64)];
      expect(consistencyOf('org-evaluator', events)).toMatchObject({ pairs: 1, meanAbsoluteDeviation: 6 });
    });

    it('has no deviation without another organization’s score of the same period, nor against the purchaser’s own', () => {
      const events = [
        ...e1st2,
        ...finalized('a-6', { period: march, stationId: 'st-2', evaluatorOrgId: 'org-e2' }, 50),
        ...finalized('a-7', { period: year, stationId: 'st-2', evaluatorOrgId: 'org-bureau', assessorKind: 'purchaser' }, 50),
        ...finalized('a-8', { period: year, stationId: 'st-2' }, 60),
      ];
      expect(consistencyOf('org-evaluator', events)).toMatchObject({ finalized: 2, pairs: 0, meanAbsoluteDeviation: null, comparisons: [] });
    });
  });
});
