import { deciderSpecification } from '../../../kernel/src/testing';
import { amend, annul, DRAFT, FINALIZED, play, REF, SUBMITTED, TO_FINALIZED, withdraw } from '../testing/assessment-fixtures';
import { assessment } from './assessment';

const spec = deciderSpecification(assessment);
const ANNULLED = () => [...FINALIZED(), ...play.withHistory(FINALIZED(), annul())];

/** Issue 10, part 1: the guidance centre annuls a finalized assessment, with its reason, once. */
describe('assessment annulment', () => {
  describe('when a finalized assessment is annulled', () => {
    it('records the annulment with its reason and the revision that counted', () => {
      spec
        .given(FINALIZED())
        .when(annul())
        .then([{ type: 'AssessmentAnnulled', data: { ...REF, reason: '评估机构与承接机构存在关联', revision: 1 } }]);
    });

    it('names the amended revision it annuls', () => {
      const amended = play(...TO_FINALIZED(), amend({ 'A.1.a': 20 }));
      spec.given(amended).when(annul()).thenProduces(([event]) => expect(event.data).toMatchObject({ revision: 2 }));
    });

    it('refuses a blank reason, also one of invisible characters', () => {
      spec.given(FINALIZED()).when(annul(undefined, ' ')).thenFails('TEXT_REQUIRED');
      spec.given(FINALIZED()).when(annul(undefined, '\u200b\u200b')).thenFails('TEXT_REQUIRED');
    });
  });

  it('refuses to annul what is not finalized: a draft, a submitted or a withdrawn assessment', () => {
    spec.given(DRAFT()).when(annul()).thenFails('NOT_FINALIZED');
    spec.given(SUBMITTED()).when(annul()).thenFails('NOT_FINALIZED');
    spec.given([...DRAFT(), ...play.withHistory(DRAFT(), withdraw())]).when(annul()).thenFails('ASSESSMENT_WITHDRAWN');
  });

  it('annuls once, and takes nothing more afterwards', () => {
    spec.given(ANNULLED()).when(annul()).thenFails('ALREADY_ANNULLED');
    spec.given(ANNULLED()).when(amend({ 'A.1.a': 20 })).thenFails('ASSESSMENT_ANNULLED');
  });
});
