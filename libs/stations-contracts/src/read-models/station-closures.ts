import { CalendarDate } from '@sws/kernel';
import { StationDetail } from './station-detail.projection';

/** A station of a contract that closed: `on` is its first closed day. */
export interface StationClosure {
  readonly stationId: string;
  readonly on: CalendarDate;
  readonly reason: string;
  /** The StationClosed event. */
  readonly eventId: string;
}

/** Which of `stationIds` had closed by `date`, from their station-detail documents, in the order given. */
export function closuresBy(
  stationIds: readonly string[],
  stations: ReadonlyMap<string, Pick<StationDetail, 'closed'>>,
  date: CalendarDate,
): StationClosure[] {
  return stationIds.flatMap((stationId) => {
    const closed = stations.get(stationId)?.closed ?? null;
    return closed !== null && closed.on <= date ? [{ stationId, on: closed.on, reason: closed.reason, eventId: closed.eventId }] : [];
  });
}

/** Each closed station's first closed day, as staffing compliance takes it. */
export function closedFrom(closures: readonly StationClosure[]): Record<string, CalendarDate> {
  return Object.fromEntries(closures.map((c) => [c.stationId, c.on]));
}
