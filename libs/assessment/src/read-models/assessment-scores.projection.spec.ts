import { Projection } from '@sws/kernel';
import { amend, annul, play, REF, respond, score, start, TO_FINALIZED, TO_SUBMITTED, withdraw } from '../testing/assessment-fixtures';
import { log, run } from '../testing/projection-log';
import { AssessmentDetail, assessmentDetailProjection } from './assessment-detail.projection';
import { AssessmentScores, assessmentScoresId, assessmentScoresProjection } from './assessment-scores.projection';
import { scorecardMonthId, stationScorecardProjection } from './station-scorecard.projection';

/** What a contract's figures read of an assessment's detail, as the scores document keeps it. */
function countedOf(detail: AssessmentDetail): AssessmentScores {
  const { id, evaluatorOrgId, contractId, stationId, period, assessorKind, rubricCode, rubricVersion, status, finalized } = detail;
  const score = detail.score && { revision: detail.score.revision, total: detail.score.total, grade: detail.score.grade };
  const revisions = detail.revisions.map(({ revision, total, grade, reason, recordedAt, eventId }) => ({ revision, total, grade, reason, recordedAt, eventId }));
  const annulled = detail.annulled && { reason: detail.annulled.reason, recordedAt: detail.annulled.recordedAt, eventId: detail.annulled.eventId };
  return { id, evaluatorOrgId, contractId, stationId, period, assessorKind, rubricCode, rubricVersion, status, finalized, score, revisions, annulled };
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

  it('follows an amendment: its score, and every revision with its reason and event', () => {
    const events = log(play(...TO_FINALIZED(), amend({ 'B.1.a': 15 })));
    const scores = run(assessmentScoresProjection, events).get(A1)!;
    const eventIdOf = (type: string) => events.filter((e) => e.type === type).map((e) => e.metadata.eventId);
    expect(scores).toMatchObject({ status: 'finalized', score: { revision: 2, total: 80.25, grade: 'good' }, finalized: { finalizedOn: '2026-12-04' } });
    expect(scores.revisions.map((r) => [r.revision, r.reason, r.eventId])).toEqual([
      [1, null, ...eventIdOf('AssessmentFinalized')],
      [2, '复核发现计分错误', ...eventIdOf('AssessmentAmended')],
    ]);
  });

  it("stays well under a kilobyte, where the detail carries the rubric and every item and the scorecard each revision's dimensions", () => {
    const events = play(...TO_FINALIZED(), amend({ 'B.1.a': 15 }));
    const size = (projection: Projection<unknown>, id: string) => JSON.stringify(run(projection, events).get(id)).length;
    const scores = size(assessmentScoresProjection as Projection<unknown>, A1);
    expect(scores).toBeLessThan(800);
    expect(scores * 2).toBeLessThan(size(assessmentDetailProjection as Projection<unknown>, 'a-1'));
    expect(scores).toBeLessThan(size(stationScorecardProjection as Projection<unknown>, scorecardMonthId(REF.stationId, REF.period)));
  });

  it("files an assessment under its contract, so a contract's documents are neighbours in the store", () => {
    const scores = run(assessmentScoresProjection, log(play(...TO_FINALIZED())));
    expect([...scores.keys()]).toEqual(['c-1/a-1']);
    expect(scores.get('c-1/a-1')).toMatchObject({ id: 'a-1', contractId: 'c-1' });
  });
});
