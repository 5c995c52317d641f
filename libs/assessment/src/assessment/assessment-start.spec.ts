import { deciderSpecification } from '../../../kernel/src/testing';
import { at, smallRubric } from '../testing/fixtures';
import { REF, start, started } from '../testing/assessment-fixtures';
import { assessment } from './assessment';
import { StationAssessment } from './assessment-events';

const spec = deciderSpecification(assessment);

const evaluator = (kind: 'operator' | 'evaluator' | 'purchaser', affiliatedOrgIds: string[] = []) => ({ evaluator: { kind, affiliatedOrgIds } });
const open = (
  period: StationAssessment['period'],
  assessorKind: StationAssessment['assessorKind'] = 'third_party',
  status: StationAssessment['status'] = 'draft',
): StationAssessment => ({ assessmentId: 'a-0', period, assessorKind, status });
const counting = (period: StationAssessment['period'], assessorKind: StationAssessment['assessorKind'] = 'third_party') => open(period, assessorKind, 'finalized');
const march = { kind: 'monthly' as const, from: '2026-03-01', to: '2026-03-31' };

describe('assessment', () => {
  describe('when started', () => {
    it('records the start with the operator, the purchaser and a snapshot of the rubric version', () => {
      spec.given([]).when(start()).then([started]);
    });

    it('keeps in the snapshot what scoring needs and leaves out the item texts', () => {
      const item = started.data.rubric.dimensions[0].indicators[0].items[0];
      expect(item).toEqual({ code: 'A.1.a', maxPoints: 30 });
      expect(started.data.rubric).toMatchObject({ code: 'small', version: 1, scale: 100, responseWindowDays: 14 });
    });

    it('refuses to start the same assessment twice', () => {
      spec.given([started]).when(start()).thenFails('ALREADY_STARTED');
    });

    describe('with a rubric', () => {
      it('refuses a rubric version that is not published', () => {
        spec.given([]).when(start({}, { rubric: null })).thenFails('RUBRIC_NOT_FOUND');
      });

      it('refuses a retired rubric version', () => {
        spec.given([]).when(start({}, { rubric: { definition: smallRubric(), retired: true } })).thenFails('RUBRIC_RETIRED');
      });
    });

    describe('with a contract and station', () => {
      it('refuses a contract that does not exist', () => {
        spec.given([]).when(start({}, { contract: null })).thenFails('CONTRACT_NOT_FOUND');
      });

      it('refuses a station outside the contract', () => {
        spec.given([]).when(start({ stationId: 'st-9' })).thenFails('STATION_NOT_IN_CONTRACT');
      });
    });

    describe('with a period', () => {
      const period = (from: string, to: string) => ({ period: { kind: 'midterm' as const, from, to } });

      it('refuses a period that ends before it starts, and accepts one of a single day', () => {
        spec.given([]).when(start(period('2026-06-30', '2026-06-29'))).thenFails('PERIOD_ENDS_BEFORE_START');
        spec.given([]).when(start(period('2026-06-30', '2026-06-30'))).thenProduces((events) => expect(events).toHaveLength(1));
      });

      it('accepts a period that starts today and runs on, and refuses one that starts tomorrow', () => {
        spec.given([]).when(start(period('2026-11-20', '2026-12-31'))).thenProduces((events) => expect(events).toHaveLength(1));
        spec.given([]).when(start(period('2026-11-21', '2026-12-31'))).thenFails('DATE_IN_FUTURE');
      });

      it('refuses a period that starts before the term or ends after it, and accepts the term itself', () => {
        spec.given([]).when(start(period('2025-12-31', '2026-06-30'))).thenFails('OUTSIDE_CONTRACT_TERM');
        spec.given([]).when(start(period('2026-01-01', '2027-01-01'))).thenFails('OUTSIDE_CONTRACT_TERM');
        spec.given([]).when(start(period('2026-01-01', '2026-12-31'))).thenProduces((events) => expect(events).toHaveLength(1));
      });
    });

    describe('with an evaluator organization', () => {
      it('refuses an organization that is not registered', () => {
        spec.given([]).when(start({}, { evaluator: null })).thenFails('ORGANIZATION_NOT_FOUND');
      });

      it('refuses the contract’s own operator as evaluator (SPEC "Independence")', () => {
        spec.given([]).when(start({ evaluatorOrgId: 'org-operator' }, evaluator('operator'))).thenFails('CONFLICT_OF_INTEREST');
      });

      it('refuses an evaluator with a declared affiliation with the operator', () => {
        spec.given([]).when(start({}, evaluator('evaluator', ['org-other', 'org-operator']))).thenFails('CONFLICT_OF_INTEREST');
      });

      it('accepts an evaluator affiliated only with other organizations', () => {
        spec.given([]).when(start({}, evaluator('evaluator', ['org-other']))).then([started]);
      });

      it('refuses a third-party assessment by an organization that is not an evaluator', () => {
        spec.given([]).when(start({}, evaluator('purchaser'))).thenFails('NOT_AN_EVALUATOR');
        spec.given([]).when(start({ evaluatorOrgId: 'org-rival' }, evaluator('operator'))).thenFails('NOT_AN_EVALUATOR');
      });

      it("accepts a purchaser assessment by the contract's purchaser only", () => {
        const byBureau = start({ evaluatorOrgId: 'org-bureau', assessorKind: 'purchaser' }, evaluator('purchaser'));
        spec.given([]).when(byBureau).thenProduces((events) => expect(events).toHaveLength(1));
        const byOther = start({ evaluatorOrgId: 'org-other-bureau', assessorKind: 'purchaser' }, evaluator('purchaser'));
        spec.given([]).when(byOther).thenFails('NOT_THE_PURCHASER');
      });

      it('accepts a community assessment by an evaluator or purchaser and refuses one by an operator', () => {
        spec.given([]).when(start({ assessorKind: 'community' }, evaluator('purchaser'))).thenProduces((e) => expect(e).toHaveLength(1));
        spec.given([]).when(start({ assessorKind: 'service_users' }, evaluator('evaluator'))).thenProduces((e) => expect(e).toHaveLength(1));
        spec.given([]).when(start({ evaluatorOrgId: 'org-rival', assessorKind: 'community' }, evaluator('operator'))).thenFails('NOT_AN_EVALUATOR');
      });
    });

    describe('with other open assessments of the station', () => {
      it('refuses a second open assessment of the same period and assessor kind', () => {
        spec.given([]).when(start({}, { stationAssessments: [open(REF.period)] })).thenFails('ASSESSMENT_ALREADY_OPEN');
      });

      it('treats overlapping periods of one kind as the same period', () => {
        const midMarch = { kind: 'monthly' as const, from: '2026-03-15', to: '2026-04-14' };
        spec.given([]).when(start({ period: march }, { stationAssessments: [open(midMarch)] })).thenFails('ASSESSMENT_ALREADY_OPEN');
      });

      it('refuses a new assessment of a period whose assessment is finalized, naming it: it is amended instead', () => {
        spec.given([]).when(start({}, { stationAssessments: [counting(REF.period)] })).thenFails('ASSESSMENT_ALREADY_FINALIZED');
        const secondHalf = { kind: 'annual' as const, from: '2026-07-01', to: '2026-12-31' };
        spec.given([]).when(start({ period: secondHalf }, { stationAssessments: [counting(REF.period)] })).thenFails('ASSESSMENT_ALREADY_FINALIZED');
        expect(() => assessment.decide(start({}, { stationAssessments: [counting(REF.period)] }), assessment.initialState())).toThrow(
          expect.objectContaining({ details: { assessmentId: 'a-0', period: REF.period, assessorKind: 'third_party' }, message: expect.stringContaining('/assessments/a-0/amendments') }),
        );
      });

      it('accepts another period kind or assessor kind beside a finalized one', () => {
        spec.given([]).when(start({}, { stationAssessments: [counting({ ...REF.period, kind: 'final' }), counting(REF.period, 'community')] })).then([started]);
      });

      it('accepts the next month, another period kind and another assessor kind', () => {
        const april = { kind: 'monthly' as const, from: '2026-04-01', to: '2026-04-30' };
        const others = [open(april), open(REF.period, 'purchaser'), open({ ...REF.period, kind: 'final' })];
        spec.given([]).when(start({ period: march }, { stationAssessments: others })).thenProduces((e) => expect(e).toHaveLength(1));
        spec.given([]).when(start({}, { stationAssessments: [open(march), open(REF.period, 'community')] })).then([started]);
      });
    });

    it('takes "today" in China time: 2026-11-20T17:00Z is already 2026-11-21 there', () => {
      const period = { kind: 'midterm' as const, from: '2026-11-21', to: '2026-12-31' };
      const utc = { ...at('2026-11-20'), now: '2026-11-20T17:00:00Z' };
      spec.given([]).when(start({ period }, {}, utc)).thenProduces((events) => expect(events).toHaveLength(1));
    });
  });
});
