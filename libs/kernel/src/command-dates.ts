import { CalendarDate, dateInChina } from './calendar-date';
import { refuse } from './domain-error';
import { Command } from './events';

/** The command's "today" in China, where the service's users live. */
export function today(command: Pick<Command, 'metadata'>): CalendarDate {
  return dateInChina(command.metadata.now);
}

/** A fact that reports something that happened cannot be dated after today. */
export function mustNotBeInFuture(field: string, date: CalendarDate, command: Pick<Command, 'metadata'>): void {
  const now = today(command);
  if (date > now) refuse('DATE_IN_FUTURE', `${field} ${date} lies after today (${now})`, { field, date, today: now });
}
