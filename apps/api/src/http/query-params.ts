import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { CalendarDate, isCalendarDate } from '@sws/kernel';
import { isMonth, Month } from '@sws/stations-contracts';
import { badField } from './params';

/** `?month=YYYY-MM`, required. */
@Injectable()
export class MonthParam implements PipeTransform<unknown, Month> {
  transform(value: unknown, metadata: ArgumentMetadata): Month {
    if (!isMonth(value)) throw badField(metadata.data ?? 'month', 'must be a month as YYYY-MM, such as 2026-03');
    return value;
  }
}

/** `?year=2026`, optional: null when absent. */
@Injectable()
export class OptionalYearParam implements PipeTransform<unknown, number | null> {
  transform(value: unknown, metadata: ArgumentMetadata): number | null {
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string' || !/^\d{4}$/.test(value) || Number(value) < 2000) {
      throw badField(metadata.data ?? 'year', 'must be a calendar year such as 2026');
    }
    return Number(value);
  }
}

/** `?asOf=2026-06-30`, optional: null when absent. */
@Injectable()
export class OptionalDateParam implements PipeTransform<unknown, CalendarDate | null> {
  transform(value: unknown, metadata: ArgumentMetadata): CalendarDate | null {
    if (value === undefined || value === '') return null;
    if (!isCalendarDate(value)) throw badField(metadata.data ?? 'date', 'must be an ISO calendar date such as 2026-03-31');
    return value;
  }
}
