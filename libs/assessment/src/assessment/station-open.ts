import { refuse } from '@sws/kernel';
import { StartAssessment } from './assessment-events';

/**
 * A closed station is not assessed for a period that begins once it has closed (its closing day
 * is its first closed one); a period that began while it was open may still be assessed.
 */
export function checkStationOpen({ data, facts }: StartAssessment): void {
  const closedOn = facts.stationClosedOn ?? null;
  if (closedOn !== null && data.period.from >= closedOn) {
    refuse('STATION_CLOSED', `station ${data.stationId} closed on ${closedOn}; the period from ${data.period.from} begins after its closure`, {
      stationId: data.stationId,
      closedOn,
      period: data.period,
    });
  }
}
