import { headcountHistory, headcountOn, StaffingSpan, staffingCompliance } from './staffing';

const span = (socialWorkerId: string, stationId: string, from: string, until: string | null = null): StaffingSpan => ({
  socialWorkerId,
  stationId,
  from,
  until,
});

describe('headcount', () => {
  const spans = [span('w1', 's1', '2026-01-01'), span('w2', 's1', '2026-01-10', '2026-02-01'), span('w3', 's2', '2026-01-01')];

  it('counts a worker from the day they start until the day they leave, exclusive', () => {
    expect(headcountOn(spans, 's1', '2025-12-31')).toBe(0);
    expect(headcountOn(spans, 's1', '2026-01-10')).toBe(2);
    expect(headcountOn(spans, 's1', '2026-01-31')).toBe(2);
    expect(headcountOn(spans, 's1', '2026-02-01')).toBe(1);
  });

  it('lists the days the headcount changed', () => {
    expect(headcountHistory(spans, 's1')).toEqual([
      { from: '2026-01-01', headcount: 1 },
      { from: '2026-01-10', headcount: 2 },
      { from: '2026-02-01', headcount: 1 },
    ]);
  });
});

const minimum = (minWorkersPerStation: number, from = '2026-01-01', eventId = 'e-award') => ({ from, requirements: { minWorkersPerStation }, eventId });

describe('staffing compliance', () => {
  const term = { firstDay: '2026-01-01', lastDay: '2026-01-10', minimums: [minimum(2)], stationIds: ['s1', 's2'] };

  it('counts the days on which every station met its minimum', () => {
    const result = staffingCompliance({
      ...term,
      spans: [
        span('a', 's1', '2025-06-01'),
        span('b', 's1', '2026-01-01'),
        span('c', 's2', '2026-01-01'),
        span('d', 's2', '2026-01-04', '2026-01-09'),
      ],
    });
    // s2 has two workers on the 4th to the 8th: 5 of 10 days.
    expect(result).toMatchObject({ days: 10, compliantDays: 5, share: 0.5 });
    expect(result.shortfalls).toEqual([
      { from: '2026-01-01', to: '2026-01-03', minimum: 2, stations: [{ stationId: 's2', headcount: 1 }] },
      { from: '2026-01-09', to: '2026-01-10', minimum: 2, stations: [{ stationId: 's2', headcount: 1 }] },
    ]);
  });

  it('is met on every day only when no station falls short on any day', () => {
    const full = [span('a', 's1', '2026-01-01'), span('b', 's1', '2026-01-01'), span('c', 's2', '2026-01-01'), span('d', 's2', '2026-01-01')];
    expect(staffingCompliance({ ...term, spans: full }).share).toBe(1);
    const oneDayShort = [...full.slice(0, 3), span('d', 's2', '2026-01-02')];
    expect(staffingCompliance({ ...term, spans: oneDayShort }).compliantDays).toBe(9);
  });

  it('ignores other stations and spans that ended before the period', () => {
    const result = staffingCompliance({
      ...term,
      stationIds: ['s1'],
      minimums: [minimum(1)],
      spans: [span('a', 's1', '2025-01-01', '2025-12-31'), span('b', 's9', '2026-01-01')],
    });
    expect(result.compliantDays).toBe(0);
  });

  it('has no share before the period has a day', () => {
    expect(staffingCompliance({ ...term, lastDay: '2025-12-31', spans: [] }).share).toBeNull();
  });

  describe('when an amendment raised the minimum during the period', () => {
    const spans = [span('a', 's1', '2026-01-01'), span('b', 's1', '2026-01-01')];

    it('judges each day against the minimum in force that day', () => {
      const result = staffingCompliance({ ...term, stationIds: ['s1'], spans, minimums: [minimum(2), minimum(3, '2026-01-08', 'e-amended')] });
      expect(result).toMatchObject({ days: 10, compliantDays: 7 });
      expect(result.shortfalls).toEqual([{ from: '2026-01-08', to: '2026-01-10', minimum: 3, stations: [{ stationId: 's1', headcount: 2 }] }]);
    });

    it('judges the days before the amendment by the award, even when only they are asked about', () => {
      const result = staffingCompliance({ ...term, lastDay: '2026-01-07', stationIds: ['s1'], spans, minimums: [minimum(2), minimum(3, '2026-01-08')] });
      expect(result).toMatchObject({ days: 7, compliantDays: 7, share: 1 });
    });

    it('lets a lowered minimum make a short station compliant from its date', () => {
      const one = [span('a', 's1', '2026-01-01')];
      const result = staffingCompliance({ ...term, stationIds: ['s1'], spans: one, minimums: [minimum(2), minimum(1, '2026-01-06')] });
      expect(result).toMatchObject({ days: 10, compliantDays: 5 });
    });
  });

  describe('when a station closed during the period', () => {
    const spans = [span('a', 's1', '2026-01-01'), span('b', 's1', '2026-01-01'), span('c', 's2', '2026-01-01'), span('d', 's2', '2026-01-01', '2026-01-06')];

    it('counts the closed station only while it was open: its closing day is its first closed one', () => {
      const result = staffingCompliance({ ...term, spans, closedFrom: { s2: '2026-01-06' } });
      expect(result).toMatchObject({ days: 10, compliantDays: 10, shortfalls: [] });
      const closedLater = staffingCompliance({ ...term, spans, closedFrom: { s2: '2026-01-08' } });
      expect(closedLater).toMatchObject({ days: 10, compliantDays: 8 });
      expect(closedLater.shortfalls).toEqual([{ from: '2026-01-06', to: '2026-01-07', minimum: 2, stations: [{ stationId: 's2', headcount: 1 }] }]);
    });

    it('does not count a day on which no station was open', () => {
      const result = staffingCompliance({ ...term, stationIds: ['s2'], spans, closedFrom: { s2: '2026-01-04' } });
      expect(result).toMatchObject({ days: 3, compliantDays: 3, share: 1 });
      expect(staffingCompliance({ ...term, stationIds: ['s2'], spans, closedFrom: { s2: '2025-12-01' } })).toMatchObject({ days: 0, share: null });
    });
  });
});
