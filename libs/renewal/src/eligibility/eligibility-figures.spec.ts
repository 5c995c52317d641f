import { DEFAULT_RENEWAL_POLICY } from '../policy/renewal-policy';
import { EligibilityInputs } from './eligibility';
import { eligibilityFigureRows } from './eligibility-figures';
import { judgeEligibility } from './judge-eligibility';
import { ELIGIBILITY_STATUS_ZH, reasonInChinese } from './reason-text-zh';

const inputs: EligibilityInputs = {
  contractId: 'c-1',
  stations: [
    {
      stationId: 'st-1',
      assessments: [
        {
          assessmentId: 'a-1',
          assessorKind: 'third_party',
          period: { kind: 'annual', from: '2026-01-01', to: '2026-12-31' },
          finalizedOn: '2027-01-20',
          finalizedAt: '2027-01-20T10:00:00.000+08:00',
          evaluatorOrgId: 'org-evaluator',
          affiliationsWithOperator: [],
          score: 72,
          grade: 'pass',
          sourceEventIds: ['e-a1-started', 'e-a1-amended'],
        },
      ],
    },
  ],
  staffing: { days: 100, compliantDays: 85, sourceEventIds: ['e-assigned'] },
  supervision: { workers: 4, meeting: 4, sourceEventIds: ['e-session'] },
  training: null,
  rectifications: [],
};

const judgement = judgeEligibility(inputs, DEFAULT_RENEWAL_POLICY, '2027-01-31');

describe('eligibility figures', () => {
  it('lists every figure with its threshold, whether it is met and the events it came from', () => {
    expect(eligibilityFigureRows(judgement).map((r) => [r.figure, r.subjectId, r.value, r.threshold, r.met, r.sourceEventIds])).toEqual([
      ['contract_score', 'c-1', 72, 80, false, ['e-a1-started', 'e-a1-amended']],
      ['station_score', 'st-1', 72, 60, true, ['e-a1-started', 'e-a1-amended']],
      ['assessment_score', 'a-1', 72, null, null, ['e-a1-started', 'e-a1-amended']],
      ['staffing_compliance', null, 0.85, 0.9, false, ['e-assigned']],
      ['supervision_compliance', null, 1, 0.8, true, ['e-session']],
      ['training_compliance', null, null, 0.8, null, []],
    ]);
  });

  it('marks a figure met exactly when the judgement does: a mean of 79.995 shows 79.99 and is not met', () => {
    const station = (stationId: string, score: number) => ({ stationId, assessments: [{ ...inputs.stations[0].assessments[0], assessmentId: `a-${stationId}`, score }] });
    const close = judgeEligibility({ ...inputs, stations: [station('st-1', 79.99), station('st-2', 80)] }, DEFAULT_RENEWAL_POLICY, '2027-01-31');
    expect(eligibilityFigureRows(close).find((r) => r.figure === 'contract_score')).toMatchObject({ value: 79.99, threshold: 80, met: false });
  });

  it('says each reason in Chinese, naming the station', () => {
    expect(ELIGIBILITY_STATUS_ZH[judgement.status]).toBe('有条件续签');
    expect(judgement.reasons.map((r) => reasonInChinese(r))).toEqual([
      '合同得分 72.00 分，低于良好线 80.00 分',
      '人员配备达标率 85.00%，低于 90.00%',
    ]);
    const missing = judgeEligibility({ ...inputs, stations: [{ stationId: 'st-1', assessments: [] }] }, DEFAULT_RENEWAL_POLICY, '2027-01-31');
    expect(reasonInChinese(missing.reasons[0], { 'st-1': '南头街道社工站' })).toBe('南头街道社工站尚无已定稿的第三方年度（或终期）评估');
  });
});
