import { deciderSpecification } from '../../../kernel/src/testing';
import { ALL_POINTS, amend, CONFLICTED, DRAFT, FINALIZED, finalize, play, respond, score, SCORED, submit, SUBMITTED, SUBMITTED_ON, withdraw } from '../testing/assessment-fixtures';
import { assessment } from './assessment';

const spec = deciderSpecification(assessment);
const RESPONDED = () => [...SUBMITTED(), ...play.withHistory(SUBMITTED(), respond('2026-12-03'))];

/** Issue 10, part 1: an affiliation declared after the start still stops the assessment. */
describe('assessment independence after the start', () => {
  describe('once the evaluator is affiliated with the contract’s operator', () => {
    it('refuses scoring', () => {
      spec.given(DRAFT()).when(score(ALL_POINTS, undefined, undefined, CONFLICTED)).thenFails('CONFLICT_OF_INTEREST');
    });

    it('refuses submission', () => {
      spec.given(SCORED()).when(submit(SUBMITTED_ON, undefined, undefined, CONFLICTED)).thenFails('CONFLICT_OF_INTEREST');
    });

    it('refuses finalization', () => {
      spec.given(RESPONDED()).when(finalize('2026-12-04', undefined, CONFLICTED)).thenFails('CONFLICT_OF_INTEREST');
    });

    it('refuses amendment', () => {
      spec.given(FINALIZED()).when(amend({ 'A.1.a': 20 }, '2027-01-10', '复核', '现场查看台账', undefined, CONFLICTED)).thenFails('CONFLICT_OF_INTEREST');
    });

    it('still lets the evaluator withdraw what is open', () => {
      spec.given(SCORED()).when(withdraw()).thenProduces(([event]) => expect(event.type).toBe('AssessmentWithdrawn'));
    });
  });

  it('goes on when the evaluator is affiliated with other organizations only', () => {
    spec.given(RESPONDED()).when(finalize('2026-12-04', undefined, { affiliatedOrgIds: ['org-other'] })).thenProduces(([event]) => expect(event.type).toBe('AssessmentFinalized'));
  });
});
