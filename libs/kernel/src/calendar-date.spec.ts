import { addDays, dateInChina, daysBetween, isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate(20250101)).toBe(false);
  });

  it('counts days across month and leap-year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('dates a moment in China Standard Time', () => {
    expect(dateInChina('2026-03-31T17:00:00Z')).toBe('2026-04-01');
    expect(dateInChina('2026-03-31T15:59:59Z')).toBe('2026-03-31');
  });

  describe('the remembered answers and the fast path for the service\'s own timestamps', () => {
    // What the functions computed before they remembered anything: each answer must be the same.
    const reference = {
      dateInChina: (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10),
      addDays: (date: string, days: number) => {
        const [y, m, d] = date.split('-').map(Number);
        return new Date((Math.floor(Date.UTC(y, m - 1, d) / 86_400_000) + days) * 86_400_000).toISOString().slice(0, 10);
      },
    };

    it('dates +08:00 timestamps as a parse would, at the edges of the day and of the month', () => {
      const cases = [
        '2026-03-31T00:00:00.000+08:00',
        '2026-03-31T23:59:59.999+08:00',
        '2024-02-29T12:00+08:00',
        '2026-12-31T23:59:59+08:00',
        '2027-01-01T00:00:00.5+08:00',
        '0001-01-01T08:00:00.000+08:00',
        '9999-12-31T23:59:59.999+08:00',
      ];
      for (const iso of cases) expect({ iso, date: dateInChina(iso) }).toEqual({ iso, date: reference.dateInChina(iso) });
    });

    it('parses what is not the service\'s own form: other offsets, 24:00, impossible dates', () => {
      expect(dateInChina('2026-03-31T24:00:00+08:00')).toBe(reference.dateInChina('2026-03-31T24:00:00+08:00'));
      expect(dateInChina('2026-03-31T24:00:00+08:00')).toBe('2026-04-01');
      expect(dateInChina('2026-03-31T20:00:00+09:00')).toBe('2026-03-31');
      expect(dateInChina('2026-03-31T20:00:00-08:00')).toBe('2026-04-01');
      expect(() => dateInChina('2025-02-30T10:00:00+08:00x')).toThrow(RangeError);
    });

    it('gives the same dates for a sweep of moments in several zones', () => {
      for (let ms = Date.UTC(2023, 11, 25); ms < Date.UTC(2024, 2, 5); ms += 3_600_000 * 7 + 61_013) {
        const china = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 23) + '+08:00';
        const utc = new Date(ms).toISOString();
        expect([dateInChina(china), dateInChina(utc)]).toEqual([reference.dateInChina(china), reference.dateInChina(utc)]);
      }
    });

    it('adds days as before, asked again or not, and past the point where it forgets', () => {
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 10_000; i += 7) {
          const date = reference.addDays('2020-01-01', i);
          expect(addDays(date, 45)).toBe(reference.addDays(date, 45));
          expect(isCalendarDate(date)).toBe(true);
        }
      }
      expect(isCalendarDate('2023-02-29')).toBe(false);
      expect(isCalendarDate('2023-02-29')).toBe(false);
      expect(() => addDays('2025-01-01', 1e12)).toThrow(RangeError);
      expect(() => addDays('2025-01-01', 1e12)).toThrow(RangeError);
    });
  });
});
