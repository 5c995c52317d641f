import { ProjectedEvent, Projection } from '@sws/kernel';
import { amended, finalized } from '../testing/assessment-fixtures';
import { log } from '../testing/projection-log';
import { AssessmentEvent } from '../assessment/assessment-events';
import { evaluatorConsistencyProjection, evaluatorRecords } from './evaluator-consistency.projection';
import { stationScorecardProjection, stationScorecards } from './station-scorecard.projection';

/**
 * Five years of one station: every month a third-party and a community assessment, every year an
 * annual one, a tenth of them amended. The deciders accept periods in the fixtures' contract year
 * only, so each assessment's events are decided for March 2026 and then dated to their own period.
 */
function fiveYears(): AssessmentEvent[] {
  const march = { kind: 'monthly' as const, from: '2026-03-01', to: '2026-03-31' };
  const events: AssessmentEvent[] = [];
  let n = 0;
  const add = (period: { kind: 'monthly' | 'annual'; from: string; to: string }, evaluatorOrgId: string, assessorKind: 'third_party' | 'community', total: number) => {
    const id = `a-${(n += 1)}`;
    const history = finalized(id, { period: march, evaluatorOrgId, assessorKind }, total);
    const decided = [...history, ...(n % 10 === 0 ? amended(history, id, 10) : [])];
    events.push(...decided.map((e) => ({ ...e, data: 'period' in e.data ? { ...e.data, period } : e.data }) as AssessmentEvent));
  };
  for (let y = 2021; y <= 2025; y++) {
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const period = { kind: 'monthly' as const, from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}` };
      add(period, 'org-evaluator', 'third_party', 70 + (m % 20));
      add(period, 'org-e2', 'community', 65 + (m % 25));
    }
    add({ kind: 'annual', from: `${y}-01-01`, to: `${y}-12-31` }, 'org-evaluator', 'third_party', 82);
  }
  return events;
}

function largestWritten(projection: Projection<any>, projected: readonly ProjectedEvent[]): { largest: number; documents: Map<string, any> } {
  const documents = new Map<string, any>();
  let largest = 0;
  for (const event of projected) {
    if (!projection.handles.includes(event.type)) continue;
    for (const id of projection.documentIds(event)) {
      const next = projection.evolve(documents.get(id) ?? null, event);
      if (next === null) documents.delete(id);
      else {
        documents.set(id, next);
        largest = Math.max(largest, Buffer.byteLength(JSON.stringify(next)));
      }
    }
  }
  return { largest, documents };
}

describe('assessment read-model documents over five years of a station', () => {
  const projected = log(fiveYears());
  const scorecard = largestWritten(stationScorecardProjection, projected);
  const evaluators = largestWritten(evaluatorConsistencyProjection, projected);

  if (process.env.PRINT_DOCUMENT_SIZES === '1') {
    process.stdout.write(`\nstation-scorecards: largest written ${scorecard.largest} B, ${scorecard.documents.size} documents\nevaluator-consistency: largest written ${evaluators.largest} B, ${evaluators.documents.size} documents\n`);
  }

  it('rewrites no scorecard document of more than 8 KB, and the station’s scorecard still holds every period', () => {
    expect(scorecard.largest).toBeLessThanOrEqual(8 * 1024);
    expect(stationScorecards(scorecard.documents).get('st-1')!.periods).toHaveLength(5 * 12 * 2 + 5);
  });

  it('rewrites no evaluator document of more than 1 KB, and the organization’s record still lists every assessment', () => {
    expect(evaluators.largest).toBeLessThanOrEqual(1024);
    const records = evaluatorRecords(evaluators.documents, (a, b) => Number(a) - Number(b));
    expect(records.get('org-evaluator')!.finalized).toBe(5 * 13);
    expect(records.get('org-e2')!.finalized).toBe(5 * 12);
  });
});
