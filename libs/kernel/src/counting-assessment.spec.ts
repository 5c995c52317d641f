import { CountingCandidate, latestCounting } from './counting-assessment';

const candidate = (assessmentId: string, from: string, to: string, finalizedAt: string): CountingCandidate => ({ assessmentId, period: { from, to }, finalizedAt });

describe('the latest counting assessment', () => {
  const annual = candidate('a-annual', '2026-01-01', '2026-12-31', '2026-12-21T09:00:00.000+08:00');
  const december = candidate('a-december', '2026-12-01', '2026-12-31', '2026-12-22T09:00:00.000+08:00');
  const november = candidate('a-november', '2026-11-01', '2026-11-30', '2026-12-30T09:00:00.000+08:00');

  it('is the one whose period ends last, however late the others were finalized', () => {
    expect(latestCounting([annual, november])).toBe(annual);
  });

  it('is the longer of two periods that end the same day', () => {
    expect(latestCounting([december, annual])).toBe(annual);
    expect(latestCounting([annual, december])).toBe(annual);
  });

  it('is the one finalized later of two that cover the same days, even on the same day', () => {
    const final = candidate('a-final', '2026-01-01', '2026-12-31', '2026-12-21T15:00:00.000+08:00');
    expect(latestCounting([final, annual])).toBe(final);
    expect(latestCounting([annual, final])).toBe(final);
  });

  it('compares moments, not their spelling, and falls back on the id in the same millisecond', () => {
    const utc = candidate('a-0', '2026-01-01', '2026-12-31', '2026-12-21T02:00:00.000Z'); // 10:00 in China, after 09:00
    expect(latestCounting([utc, annual])).toBe(utc);
    const twin = candidate('a-zz', '2026-01-01', '2026-12-31', annual.finalizedAt);
    expect(latestCounting([twin, annual])).toBe(twin);
    expect(latestCounting([annual, twin])).toBe(twin);
  });

  it('is nothing when there is no candidate', () => {
    expect(latestCounting([])).toBeNull();
  });
});
