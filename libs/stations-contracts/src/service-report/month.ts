import { addDays, CalendarDate, isCalendarDate } from '@sws/kernel';

/** A calendar month as 'YYYY-MM'. */
export type Month = string;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) && isCalendarDate(`${value}-01`);
}

export function monthOf(date: CalendarDate): Month {
  return date.slice(0, 7);
}

export function firstDayOf(month: Month): CalendarDate {
  return `${month}-01`;
}

export function lastDayOf(month: Month): CalendarDate {
  return addDays(firstDayOf(nextMonth(month)), -1);
}

export function nextMonth(month: Month): Month {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
