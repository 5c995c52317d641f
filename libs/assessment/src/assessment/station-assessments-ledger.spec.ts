import { deciderSpecification, intentOn, opened, reserve, reserved } from '../../../kernel/src/testing';
import { DRAFT, play, REF, TO_FINALIZED, TO_SUBMITTED, withdraw, annul } from '../testing/assessment-fixtures';
import { StationAssessment } from './assessment-events';
import { stationAssessmentsLedger } from './station-assessments-ledger';

const spec = deciderSpecification(stationAssessmentsLedger);
const ANNUAL = { kind: 'annual' as const, from: '2026-01-01', to: '2026-12-31' };
const held = (assessmentId: string, status: StationAssessment['status'], overrides: Partial<StationAssessment> = {}) => ({
  recordStreamId: `Assessment-${assessmentId}`,
  value: { assessmentId, period: ANNUAL, assessorKind: 'third_party' as const, status, ...overrides },
});
const starting = (overrides: Partial<StationAssessment> = {}) => intentOn(stationAssessmentsLedger, 'st-1', held('a-new', 'draft', overrides));

describe('a station’s assessment periods (StationAssessments-<stationId>)', () => {
  it('lets a start take a period no assessment of its assessor kind holds', () => {
    spec.given([opened(stationAssessmentsLedger, [held('a-1', 'finalized')])]).when(reserve(stationAssessmentsLedger, 'st-1', starting({ assessorKind: 'community' }))).then([
      reserved(stationAssessmentsLedger, 'st-1', starting({ assessorKind: 'community' })),
    ]);
    const midterm = starting({ period: { kind: 'midterm', from: '2026-01-01', to: '2026-06-30' } });
    spec.given([opened(stationAssessmentsLedger, [held('a-1', 'draft')])]).when(reserve(stationAssessmentsLedger, 'st-1', midterm)).then([reserved(stationAssessmentsLedger, 'st-1', midterm)]);
  });

  it('refuses a start while another assessment of overlapping dates is open, or once one is finalized', () => {
    const later = { period: { kind: 'annual' as const, from: '2026-03-01', to: '2026-12-31' } };
    spec.given([opened(stationAssessmentsLedger, [held('a-1', 'submitted')])]).when(reserve(stationAssessmentsLedger, 'st-1', starting(later))).thenFails('ASSESSMENT_ALREADY_OPEN');
    spec.given([opened(stationAssessmentsLedger, [held('a-1', 'finalized')])]).when(reserve(stationAssessmentsLedger, 'st-1', starting())).thenFails('ASSESSMENT_ALREADY_FINALIZED');
  });

  it('refuses a start while another start of the period is still being written', () => {
    const first = intentOn(stationAssessmentsLedger, 'st-1', held('a-first', 'draft'));
    spec.given([reserved(stationAssessmentsLedger, 'st-1', first)]).when(reserve(stationAssessmentsLedger, 'st-1', starting())).thenFails('ASSESSMENT_ALREADY_OPEN');
  });

  describe('what an assessment holds, from its own stream', () => {
    const valueOf = (events: ReturnType<typeof play>) => stationAssessmentsLedger.rule.valueOf(REF.stationId, `Assessment-${REF.assessmentId}`, events);
    const ref = { assessmentId: REF.assessmentId, period: REF.period, assessorKind: REF.assessorKind };

    it('is its period while it is open, and once it is finalized', () => {
      expect(valueOf(DRAFT())).toEqual({ ...ref, status: 'draft' });
      expect(valueOf(play(...TO_SUBMITTED()))).toEqual({ ...ref, status: 'submitted' });
      expect(valueOf(play(...TO_FINALIZED()))).toEqual({ ...ref, status: 'finalized' });
    });

    it('is nothing once it is withdrawn or annulled', () => {
      expect(valueOf(play(...TO_SUBMITTED(), withdraw()))).toBeNull();
      expect(valueOf(play(...TO_FINALIZED(), annul()))).toBeNull();
    });
  });
});
