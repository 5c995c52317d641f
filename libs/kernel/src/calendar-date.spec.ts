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
});
