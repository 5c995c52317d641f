import { amend, annul, play, respond, score, start, TO_FINALIZED, TO_SUBMITTED, withdraw } from '../testing/assessment-fixtures';
import { log, run } from '../testing/projection-log';
import { AssessmentDetail, assessmentDetailProjection } from './assessment-detail.projection';
import { AssessmentScores, assessmentScoresId, assessmentScoresProjection } from './assessment-scores.projection';

/** What a contract's figures read of an assessment's detail, as the scores document keeps it. */
function countedOf(detail: AssessmentDetail): AssessmentScores {
  const { id, evaluatorOrgId, contractId, stationId, period, assessorKind, status, finalized } = detail;
  const score = detail.score && { revision: detail.score.revision, total: detail.score.total, grade: detail.score.grade };
  return { id, evaluatorOrgId, contractId, stationId, period, assessorKind, status, finalized, score, revisionEventIds: detail.revisions.map((r) => r.eventId) };
}

/** The fixtures' assessment, filed under its contract. */
const A1 = assessmentScoresId('c-1', 'a-1');

describe('assessment scores', () => {
  const lifecycles = {
    'a draft': () => play(start(), score({ 'A.1.a': 27.5 })),
    submitted: () => play(...TO_SUBMITTED()),
    'submitted and responded to': () => play(...TO_SUBMITTED(), respond('2026-12-02')),
    finalized: () => play(...TO_FINALIZED()),
    'amended twice': () => play(...TO_FINALIZED(), amend({ 'B.1.a': 15 }), amend({ 'A.1.a': 20 }, '2027-01-11', '第二次复核')),
    annulled: () => play(...TO_FINALIZED(), amend({ 'B.1.a': 15 }), annul()),
    withdrawn: () => play(start(), withdraw()),
  };

  it.each(Object.entries(lifecycles))('%s: keeps what the detail says of the figures a contract counts', (_, events) => {
    const history = events();
    expect(run(assessmentScoresProjection, history).get(A1)).toEqual(countedOf(run(assessmentDetailProjection, history).get('a-1')!));
  });

  it('follows an amendment: its score and the events of every revision', () => {
    const events = log(play(...TO_FINALIZED(), amend({ 'B.1.a': 15 })));
    const scores = run(assessmentScoresProjection, events).get(A1)!;
    const eventIdOf = (type: string) => events.filter((e) => e.type === type).map((e) => e.metadata.eventId);
    expect(scores).toMatchObject({ status: 'finalized', score: { revision: 2, total: 80.25, grade: 'good' }, finalized: { finalizedOn: '2026-12-04' } });
    expect(scores.revisionEventIds).toEqual([...eventIdOf('AssessmentFinalized'), ...eventIdOf('AssessmentAmended')]);
  });

  it('stays a few hundred bytes, where the detail carries the rubric and every item', () => {
    const events = play(...TO_FINALIZED(), amend({ 'B.1.a': 15 }));
    const size = (projection: typeof assessmentScoresProjection | typeof assessmentDetailProjection) => JSON.stringify(run(projection as never, events).get(projection === assessmentScoresProjection ? A1 : 'a-1')).length;
    expect(size(assessmentScoresProjection)).toBeLessThan(600);
    expect(size(assessmentScoresProjection) * 3).toBeLessThan(size(assessmentDetailProjection));
  });

  it("files an assessment under its contract, so a contract's documents are neighbours in the store", () => {
    const scores = run(assessmentScoresProjection, log(play(...TO_FINALIZED())));
    expect([...scores.keys()]).toEqual(['c-1/a-1']);
    expect(scores.get('c-1/a-1')).toMatchObject({ id: 'a-1', contractId: 'c-1' });
  });
});
