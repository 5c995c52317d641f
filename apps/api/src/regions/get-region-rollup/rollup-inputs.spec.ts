import { addDays, CalendarDate } from '@sws/kernel';
import { FiguresContract, FiguresSpan } from '@sws/reporting';
import { staffingCompliance } from '@sws/stations-contracts';
import { stationStaffingShare } from './rollup-inputs';

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("a station's staffing share in the rollup", () => {
  it('is the share staffingCompliance gives one station that did not close, on random spans, minimums and dates', () => {
    const checked = { total: 0, partial: 0, none: 0 };
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const int = (n: number) => Math.floor(next() * n);
      const day = (from: CalendarDate, within: number): CalendarDate => addDays(from, int(within) - Math.floor(within / 4));
      const firstDay: CalendarDate = day('2025-01-01', 60);
      const lastDay: CalendarDate = day(firstDay, 400);
      const spans: FiguresSpan[] = Array.from({ length: int(6) }, (_, i) => {
        const from = day(firstDay, 300);
        return { socialWorkerId: `w-${i % 4}`, contractId: 'c-1', from, until: next() < 0.4 ? null : addDays(from, 1 + int(200)) };
      });
      const minimums: Array<FiguresContract['minimumsInForce'][number]> = [{ from: firstDay, requirements: { minWorkersPerStation: 1 + int(3) }, eventId: 'e-0' }];
      for (let n = int(3); n > 0; n--) {
        const from = addDays(minimums[minimums.length - 1].from, 1 + int(150));
        minimums.push({ from, requirements: { minWorkersPerStation: int(4) }, eventId: `e-${minimums.length}` });
      }
      const expected = staffingCompliance({ stationIds: ['st-1'], spans: spans.map((s) => ({ ...s, stationId: 'st-1' })), minimums, firstDay, lastDay }).share;
      expect({ seed, share: stationStaffingShare(spans, minimums, firstDay, lastDay) }).toEqual({ seed, share: expected });
      checked.total += 1;
      if (expected !== null && expected > 0 && expected < 1) checked.partial += 1;
      if (expected === null) checked.none += 1;
    }
    // The random cases reach the interesting ones: partly staffed stations, and contracts not yet begun.
    expect(checked.partial).toBeGreaterThan(100);
    expect(checked.none).toBeGreaterThan(5);
  });
});
