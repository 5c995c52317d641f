import { amend, annul, FINALIZED, play, REF, respond, score, start, TO_FINALIZED, TO_SUBMITTED, withdraw } from '../testing/assessment-fixtures';
import { SMALL_RUBRIC } from '../testing/fixtures';
import { run } from '../testing/projection-log';
import { assessmentDetailProjection, provisionalScore, responseWindow } from './assessment-detail.projection';
import { openAssessmentsProjection } from './open-assessments.projection';
import { rubricDetailProjection, rubricVersionsProjection } from './rubric-catalog.projection';
import { RubricEvent } from '../rubric/rubric';

describe('assessment detail', () => {
  it('follows the assessment from start to finalization', () => {
    const detail = run(assessmentDetailProjection, FINALIZED()).get('a-1')!;
    expect(detail).toMatchObject({
      id: 'a-1',
      stationId: 'st-1',
      operatorOrgId: 'org-operator',
      purchaserOrgId: 'org-bureau',
      status: 'finalized',
      submission: { submittedOn: '2026-12-01', responseDueOn: '2026-12-15' },
      response: { agrees: true, respondedOn: '2026-12-03' },
      finalized: { finalizedOn: '2026-12-04' },
      withdrawn: null,
      score: { revision: 1, total: 85.25, grade: 'good' },
    });
    expect(detail.items['A.1.a']).toMatchObject({ points: 27.5, evidence: '现场查看台账' });
    expect(detail.revisions).toEqual([expect.objectContaining({ revision: 1, total: 85.25, reason: null, changedItems: [] })]);
  });

  it('names its rubric version and keeps no copy of it (the version never changes once published)', () => {
    const detail = run(assessmentDetailProjection, FINALIZED()).get('a-1')!;
    expect(detail).toMatchObject({ rubricCode: SMALL_RUBRIC.code, rubricVersion: SMALL_RUBRIC.version });
    expect(detail).not.toHaveProperty('rubric');
  });

  it('shows an amendment’s new points, score and revision', () => {
    const detail = run(assessmentDetailProjection, play(...TO_FINALIZED(), amend({ 'B.1.a': 15 }))).get('a-1')!;
    expect(detail.items['B.1.a'].points).toBe(15);
    expect(detail.score).toMatchObject({ revision: 2, total: 80.25 });
    expect(detail.revisions.map((r) => [r.revision, r.total, r.reason, r.changedItems])).toEqual([
      [1, 85.25, null, []],
      [2, 80.25, '复核发现计分错误', ['B.1.a']],
    ]);
  });

  it('names the evaluator organization and the contract’s operator and purchaser as its parties, once each', () => {
    expect(run(assessmentDetailProjection, play(start())).get('a-1')!.parties).toEqual(['org-evaluator', 'org-operator', 'org-bureau']);
    const byThePurchaser = play(start({ evaluatorOrgId: 'org-bureau', assessorKind: 'purchaser' }, { evaluator: { kind: 'purchaser', affiliatedOrgIds: [] } }));
    expect(run(assessmentDetailProjection, byThePurchaser).get('a-1')!.parties).toEqual(['org-bureau', 'org-operator']);
  });

  it('shows an annulment with its reason and the revision it annulled', () => {
    const detail = run(assessmentDetailProjection, play(...TO_FINALIZED(), annul())).get('a-1')!;
    expect(detail).toMatchObject({ status: 'annulled', annulled: { reason: '评估机构与承接机构存在关联', revision: 1 }, score: { total: 85.25 } });
  });

  it('shows a withdrawal', () => {
    const detail = run(assessmentDetailProjection, play(start(), withdraw())).get('a-1')!;
    expect(detail).toMatchObject({ status: 'withdrawn', withdrawn: { reason: '评估对象调整' } });
  });

  it('gives a draft’s running score, unscored items counting 0', () => {
    const detail = run(assessmentDetailProjection, play(start(), score({ 'A.1.a': 27.5, 'B.1.b': 12.5 }))).get('a-1')!;
    expect(provisionalScore(detail, SMALL_RUBRIC)).toMatchObject({ total: 40, unscored: ['A.1.b', 'A.2.a', 'B.1.a'] });
  });

  describe('the response window on a given day', () => {
    const submitted = run(assessmentDetailProjection, play(...TO_SUBMITTED())).get('a-1')!;

    it('is open through its last day and closed the day after', () => {
      expect(responseWindow(submitted, '2026-12-15')).toEqual({ state: 'open', responseDueOn: '2026-12-15' });
      expect(responseWindow(submitted, '2026-12-16')).toEqual({ state: 'closed', responseDueOn: '2026-12-15' });
    });

    it('says when the operator has responded, and when nothing is submitted yet', () => {
      const responded = run(assessmentDetailProjection, play(...TO_SUBMITTED(), respond('2026-12-02'))).get('a-1')!;
      expect(responseWindow(responded, '2026-12-03').state).toBe('responded');
      const draft = run(assessmentDetailProjection, play(start())).get('a-1')!;
      expect(responseWindow(draft, '2026-12-03')).toEqual({ state: 'not_submitted', responseDueOn: null });
    });
  });
});

describe('open and counting assessments', () => {
  it('lists a station’s drafts and submitted assessments', () => {
    const events = [...play(...TO_SUBMITTED()), ...play(start({ assessmentId: 'a-2', period: { kind: 'monthly', from: '2026-03-01', to: '2026-03-31' } }))];
    expect(run(openAssessmentsProjection, events).get('st-1')!.assessments).toEqual([
      { assessmentId: 'a-1', evaluatorOrgId: 'org-evaluator', contractId: 'c-1', period: REF.period, assessorKind: 'third_party', status: 'submitted' },
      expect.objectContaining({ assessmentId: 'a-2', status: 'draft' }),
    ]);
  });

  it('keeps a finalized assessment as counting, and forgets a withdrawn or annulled one, and the station once none holds a period', () => {
    expect(run(openAssessmentsProjection, FINALIZED()).get('st-1')!.assessments).toEqual([expect.objectContaining({ assessmentId: 'a-1', status: 'finalized' })]);
    expect(run(openAssessmentsProjection, play(start(), withdraw())).size).toBe(0);
    expect(run(openAssessmentsProjection, play(...TO_FINALIZED(), annul())).size).toBe(0);
  });

  it('refuses a new assessment of a finalized period, and lets one start once the finalized one is annulled', () => {
    const held = run(openAssessmentsProjection, FINALIZED()).get('st-1')!.assessments;
    const second = start({ assessmentId: 'a-2', evaluatorOrgId: 'org-e2' }, { stationAssessments: held });
    expect(() => play(second)).toThrow(/assessment a-1 of station st-1 for the annual period 2026-01-01 to 2026-12-31 is finalized; amend it/);
    const freed = run(openAssessmentsProjection, play(...TO_FINALIZED(), annul())).get('st-1')?.assessments ?? [];
    expect(play(start({ assessmentId: 'a-2', evaluatorOrgId: 'org-e2' }, { stationAssessments: freed }))).toHaveLength(1);
  });
});

describe('rubric catalog', () => {
  const published = (version: number): RubricEvent => ({ type: 'RubricPublished', data: { ...SMALL_RUBRIC, version, responseWindowDays: 14 } });
  const retired: RubricEvent = { type: 'RubricRetired', data: { code: 'small', version: 1, reason: '已由第2版取代' } };

  it('keeps every published version whole under <code>.v<version>, with its retirement', () => {
    const rubrics = run(rubricDetailProjection, [published(1), published(2), retired]);
    expect([...rubrics.keys()]).toEqual(['small.v1', 'small.v2']);
    expect(rubrics.get('small.v1')).toMatchObject({ code: 'small', version: 1, scale: 100, retired: { reason: '已由第2版取代' } });
    expect(rubrics.get('small.v2')).toMatchObject({ version: 2, retired: null });
    expect(rubrics.get('small.v2')!.dimensions[0].indicators[0].items[0]).toMatchObject({ code: 'A.1.a', guidance: '按完成情况计分。' });
  });

  it('gives the latest version of a code, retired or not', () => {
    const versions = run(rubricVersionsProjection, [published(1), published(2), retired]).get('small')!;
    expect(versions.latestVersion).toBe(2);
    expect(versions.versions.map((v) => [v.version, v.retired?.reason ?? null])).toEqual([
      [1, '已由第2版取代'],
      [2, null],
    ]);
  });
});
