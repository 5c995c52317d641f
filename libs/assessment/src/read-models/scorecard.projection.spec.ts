import { amended, annul, finalized, play, pointsTotalling, score, start, submit, SUBMITTED_ON, withdraw } from '../testing/assessment-fixtures';
import { run } from '../testing/projection-log';
import { latestScore } from './latest-score';
import { stationScorecardProjection, stationScorecards } from './station-scorecard.projection';

const march = { kind: 'monthly' as const, from: '2026-03-01', to: '2026-03-31' };
const april = { kind: 'monthly' as const, from: '2026-04-01', to: '2026-04-30' };
const year = { kind: 'annual' as const, from: '2026-01-01', to: '2026-12-31' };

describe('station scorecard', () => {
  describe('when an assessment is finalized', () => {
    const events = finalized('a-1', { period: year }, 85.25);
    const card = stationScorecards(run(stationScorecardProjection, events)).get('st-1')!;

    it('shows the period with its score, grade, dimension breakdown and the assessment behind it', () => {
      expect(card.periods).toHaveLength(1);
      expect(card.periods[0]).toMatchObject({
        period: year,
        assessorKind: 'third_party',
        current: {
          assessmentId: 'a-1',
          evaluatorOrgId: 'org-evaluator',
          contractId: 'c-1',
          rubricCode: 'small',
          rubricVersion: 1,
          revision: 1,
          total: 85.25,
          grade: 'good',
          reason: null,
        },
      });
      expect(card.periods[0].current!.dimensions.map((d) => [d.code, d.points])).toEqual([
        ['A', 45.25],
        ['B', 40],
      ]);
    });

    it('keeps the finalization as revision 1 with when it was recorded and its event id', () => {
      expect(card.periods[0].assessments[0].revisions).toEqual([
        expect.objectContaining({ revision: 1, total: 85.25, reason: null, eventId: 'e-4', recordedAt: '2026-12-01T00:04:00.000Z' }),
      ]);
    });
  });

  it('shows nothing for an assessment submitted but not finalized, nor for a withdrawn one', () => {
    const submittedOnly = play(start(), score(pointsTotalling(70)), submit());
    const gone = play(start({ assessmentId: 'a-2', stationId: 'st-2' }), withdraw(SUBMITTED_ON, '重复创建', 'a-2'));
    expect(stationScorecards(run(stationScorecardProjection, [...submittedOnly, ...gone])).size).toBe(0);
  });

  describe('when a finalized assessment is amended', () => {
    const first = finalized('a-1', { period: year }, 85.25);
    const events = [...first, ...amended(first, 'a-1', 10)];
    const card = stationScorecards(run(stationScorecardProjection, events)).get('st-1')!;

    it('keeps both revisions readable and counts the latest', () => {
      const [period] = card.periods;
      expect(period.assessments[0].revisions.map((r) => [r.revision, r.total, r.grade, r.reason])).toEqual([
        [1, 85.25, 'good', null],
        [2, 80, 'good', '复核更正'],
      ]);
      expect(period.current).toMatchObject({ revision: 2, total: 80, reason: '复核更正' });
      expect(card.trend).toEqual([{ period: year, assessorKind: 'third_party', assessmentId: 'a-1', total: 80, grade: 'good', change: null }]);
    });

    it('ignores a revision it has folded already, so a replay changes nothing', () => {
      const again = stationScorecards(run(stationScorecardProjection, [...events, ...amended(first, 'a-1', 10)])).get('st-1')!;
      expect(again).toEqual(card);
    });
  });

  describe('with several periods', () => {
    const events = [
      ...finalized('a-apr', { period: april }, 70),
      ...finalized('a-mar', { period: march }, 82.5),
      ...finalized('a-year', { period: year }, 91),
      ...finalized('a-mar-p', { period: march, assessorKind: 'purchaser', evaluatorOrgId: 'org-bureau' }, 88),
    ];
    const card = stationScorecards(run(stationScorecardProjection, events)).get('st-1')!;

    it('orders the trend by period end and shows the change from the previous period of the same kind and assessor', () => {
      expect(card.trend.map((t) => [t.period.kind, t.period.to, t.assessorKind, t.total, t.change])).toEqual([
        ['monthly', '2026-03-31', 'purchaser', 88, null],
        ['monthly', '2026-03-31', 'third_party', 82.5, null],
        ['monthly', '2026-04-30', 'third_party', 70, -12.5],
        ['annual', '2026-12-31', 'third_party', 91, null],
      ]);
    });

    it('keeps a period per assessor kind', () => {
      expect(card.periods.filter((p) => p.period.kind === 'monthly' && p.period.from === '2026-03-01')).toHaveLength(2);
    });

    it('gives the latest third-party score as the annual one, and the latest of a chosen kind on request', () => {
      expect(latestScore(card)).toMatchObject({ assessmentId: 'a-year', total: 91, grade: 'excellent' });
      expect(latestScore(card, { periodKinds: ['monthly'] })).toMatchObject({ assessmentId: 'a-apr', total: 70 });
      expect(latestScore(card, { assessorKind: 'purchaser' })).toMatchObject({ assessmentId: 'a-mar-p', total: 88 });
      expect(latestScore(null)).toBeNull();
    });
  });

  describe('when two organizations assess the same period one after the other', () => {
    const first = finalized('a-1', { period: year }, 85.25);
    const second = finalized('a-2', { period: year, evaluatorOrgId: 'org-evaluator-2' }, 78);

    it('lists both and counts the one finalized last', () => {
      const card = stationScorecards(run(stationScorecardProjection, [...first, ...second])).get('st-1')!;
      expect(card.periods[0].assessments.map((a) => a.assessmentId)).toEqual(['a-1', 'a-2']);
      expect(card.periods[0].current).toMatchObject({ assessmentId: 'a-2', total: 78, grade: 'pass' });
    });

    it('amends the earlier one in place without making it count', () => {
      const card = stationScorecards(run(stationScorecardProjection, [...first, ...second, ...amended(first, 'a-1', 10)])).get('st-1')!;
      expect(card.periods[0].assessments[0].revisions.map((r) => r.total)).toEqual([85.25, 80]);
      expect(card.periods[0].current).toMatchObject({ assessmentId: 'a-2', total: 78 });
    });
  });

  describe('when an assessment is annulled', () => {
    const first = finalized('a-1', { period: year }, 85.25);
    const annulment = play.withHistory(first, annul(undefined, '评估机构存在关联', 'a-1'));

    it('keeps it readable, marked annulled with its reason, and counts nothing for the period', () => {
      const card = stationScorecards(run(stationScorecardProjection, [...first, ...annulment])).get('st-1')!;
      expect(card.periods[0].current).toBeNull();
      expect(card.periods[0].assessments[0]).toMatchObject({ assessmentId: 'a-1', annulled: { reason: '评估机构存在关联' } });
      expect(card.periods[0].assessments[0].revisions.map((r) => r.total)).toEqual([85.25]);
      expect(card.trend).toEqual([]);
      expect(latestScore(card)).toBeNull();
    });

    it('counts the assessment that replaces it', () => {
      const second = finalized('a-2', { period: year, evaluatorOrgId: 'org-evaluator-2' }, 78);
      const card = stationScorecards(run(stationScorecardProjection, [...first, ...annulment, ...second])).get('st-1')!;
      expect(card.periods[0].current).toMatchObject({ assessmentId: 'a-2', total: 78 });
      expect(latestScore(card)).toMatchObject({ assessmentId: 'a-2' });
    });

    it('lets an earlier counting one count again when the later one is annulled', () => {
      const second = finalized('a-2', { period: year, evaluatorOrgId: 'org-evaluator-2' }, 78);
      const secondAnnulled = play.withHistory(second, annul(undefined, '作废', 'a-2'));
      const card = stationScorecards(run(stationScorecardProjection, [...first, ...second, ...secondAnnulled])).get('st-1')!;
      expect(card.periods[0].current).toMatchObject({ assessmentId: 'a-1', total: 85.25 });
    });
  });

  it('orders an annual and a final assessment of the same days by when they were finalized', () => {
    const annual = finalized('a-annual', { period: year }, 72);
    const final = finalized('a-final', { period: { ...year, kind: 'final' } }, 90);
    expect(latestScore(stationScorecards(run(stationScorecardProjection, [...annual, ...final])).get('st-1')!)).toMatchObject({ assessmentId: 'a-final' });
    expect(latestScore(stationScorecards(run(stationScorecardProjection, [...final, ...annual])).get('st-1')!)).toMatchObject({ assessmentId: 'a-annual' });
  });
});
