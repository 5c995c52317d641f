/**
 * Issue 5's "done when", at domain level: the same steps the end-to-end tests take through HTTP.
 */
import { foldEvents } from '@sws/kernel';
import { assessment } from './assessment/assessment';
import { AssessmentCommand, AssessmentEvent, StartAssessmentFacts } from './assessment/assessment-events';
import { stationScorecardProjection, stationScorecards } from './read-models/station-scorecard.projection';
import { PublishRubric, rubric, RubricPublished } from './rubric/rubric';
import { RubricDimension } from './rubric/rubric-definition';
import { JINAN_STATION_OPERATIONS_RUBRIC } from './rubrics/jinan-station-operations.rubric';
import { amend, finalize, REF, respond, score, start, START_FACTS, submit } from './testing/assessment-fixtures';
import { at } from './testing/fixtures';
import { JINAN_EXPECTED, JINAN_POINTS } from './testing/jinan-scores';
import { run } from './testing/projection-log';

function publish(data: PublishRubric['data'], latestVersion: number | null): RubricPublished {
  const [event] = rubric.decide({ type: 'PublishRubric', data, metadata: at('2026-01-05'), facts: { latestVersion } }, rubric.initialState());
  return event as RubricPublished;
}

const v1 = publish(JINAN_STATION_OPERATIONS_RUBRIC, null);
const jinanRef = { rubricCode: 'jinan-station-operations', rubricVersion: 1 };
const jinanFacts = (published: RubricPublished = v1): Partial<StartAssessmentFacts> => ({ rubric: { definition: published.data, retired: false } });

/** Decides each command on the history so far and returns the whole history. */
function history(past: AssessmentEvent[], ...commands: AssessmentCommand[]): AssessmentEvent[] {
  const events = [...past];
  for (const command of commands) events.push(...assessment.decide(command, foldEvents(assessment, events)));
  return events;
}

const finalizedJinan = () =>
  history([], start(jinanRef, jinanFacts()), score(JINAN_POINTS), submit(), respond('2026-12-03'), finalize('2026-12-04'));

describe('issue 5: third-party assessments against versioned rubrics', () => {
  it('scores every item of the Jinan-style rubric to the hand-computed total and grade', () => {
    const finalized = finalizedJinan().find((e) => e.type === 'AssessmentFinalized')!;
    expect(finalized.type === 'AssessmentFinalized' && finalized.data.score).toEqual({
      revision: 1,
      scale: 100,
      rawTotal: 80.35,
      ...JINAN_EXPECTED,
    });
  });

  it('refuses a submission with one item missing as INCOMPLETE_SCORES', () => {
    const { 'SOCIAL.PARTNERS.PUBLICITY': _, ...missingOne } = JINAN_POINTS;
    const draft = history([], start(jinanRef, jinanFacts()), score(missingOne));
    expect(() => assessment.decide(submit(), foldEvents(assessment, draft))).toThrow(
      expect.objectContaining({ code: 'INCOMPLETE_SCORES', details: { missingItemCodes: ['SOCIAL.PARTNERS.PUBLICITY'] } }),
    );
  });

  it('refuses an evaluator affiliated with the operator as CONFLICT_OF_INTEREST', () => {
    const affiliated = { ...jinanFacts(), evaluator: { kind: 'evaluator' as const, affiliatedOrgIds: [START_FACTS.contract!.operatorOrgId] } };
    expect(() => assessment.decide(start(jinanRef, affiliated), assessment.initialState())).toThrow(
      expect.objectContaining({ code: 'CONFLICT_OF_INTEREST' }),
    );
  });

  it('makes revision 2 by amendment, and the scorecard shows both with the latest counting', () => {
    // STAFF.TEAM.HEADCOUNT 1.5 → 0: 80.35 - 1.5 = 78.85, pass
    const events = history(finalizedJinan(), amend({ 'STAFF.TEAM.HEADCOUNT': 0 }, '2027-01-10', '复核发现一名社工未实际在岗'));
    const period = stationScorecards(run(stationScorecardProjection, events)).get(REF.stationId)!.periods[0];
    expect(period.assessments[0].revisions.map((r) => [r.revision, r.total, r.grade, r.reason])).toEqual([
      [1, 80.35, 'good', null],
      [2, 78.85, 'pass', '复核发现一名社工未实际在岗'],
    ]);
    expect(period.current).toMatchObject({ revision: 2, total: 78.85, grade: 'pass' });
  });

  describe('when version 2 of the rubric is published', () => {
    // Version 2 moves a point from publicity (3 → 2) to headcount (3 → 4).
    const reweighted: RubricDimension[] = JINAN_STATION_OPERATIONS_RUBRIC.dimensions.map((d) => ({
      ...d,
      indicators: d.indicators.map((i) => ({
        ...i,
        items: i.items.map((t) =>
          t.code === 'SOCIAL.PARTNERS.PUBLICITY' ? { ...t, maxPoints: 2 } : t.code === 'STAFF.TEAM.HEADCOUNT' ? { ...t, maxPoints: 4 } : t,
        ),
      })),
    }));
    const v2 = publish({ ...JINAN_STATION_OPERATIONS_RUBRIC, version: 2, dimensions: reweighted }, 1);
    const before = finalizedJinan();

    it('leaves every version-1 score as it was', () => {
      const without = stationScorecards(run(stationScorecardProjection, [v1, ...before]));
      const withV2 = stationScorecards(run(stationScorecardProjection, [v1, ...before, v2]));
      expect(withV2).toEqual(without);
      expect(withV2.get(REF.stationId)!.periods[0].current).toMatchObject({ rubricVersion: 1, total: 80.35, grade: 'good' });
    });

    it('keeps scoring a version-1 assessment by version 1, even in a later amendment', () => {
      // 2.5 points for publicity fit version 1 (max 3), not version 2 (max 2): 80.35 - 1.85 + 2.5 = 81
      const events = history(before, amend({ 'SOCIAL.PARTNERS.PUBLICITY': 2.5 }, '2027-01-10', '补充媒体报道材料'));
      const amended = events[events.length - 1];
      expect(amended.type === 'AssessmentAmended' && amended.data.score).toMatchObject({ revision: 2, total: 81, grade: 'good' });
      const onV2 = history([], start({ ...jinanRef, rubricVersion: 2, assessmentId: 'a-2', stationId: 'st-2' }, jinanFacts(v2)));
      expect(() => assessment.decide(score({ 'SOCIAL.PARTNERS.PUBLICITY': 2.5 }, undefined, 'a-2'), foldEvents(assessment, onV2))).toThrow(
        expect.objectContaining({ code: 'POINTS_OUT_OF_RANGE' }),
      );
    });
  });
});
