import { ProjectedEvent, Projection } from '@sws/kernel';
import { RegionLevel, regionCodes } from './region-rollup';

/** The stations registered in one county (`<county code>`), by id, sorted. */
export interface RegionStations {
  readonly stationIds: readonly string[];
}

/**
 * Read model 5's index: per county, the stations registered there. A station's region is fixed
 * at registration, so only that event touches it. A city's or a province's stations are those of
 * the counties whose codes begin with its prefix (`regionPrefix`), listed by id, so the rollup
 * reads the stations of its region instead of every station in the country.
 */
export const regionStationsProjection: Projection<RegionStations> = {
  name: 'region-stations',
  version: 1,
  collection: 'region-stations',
  handles: ['StationRegistered'],
  documentIds: (event: ProjectedEvent) => [regionCodes((event.data as { region: { code: string } }).region.code).county],
  evolve(document, event) {
    const stationId = (event.data as { stationId: string }).stationId;
    const stationIds = document?.stationIds ?? [];
    if (stationIds.includes(stationId)) return document;
    return { stationIds: [...stationIds, stationId].sort() };
  },
};

/** What the county codes of a region begin with: all six digits of a county, four of a city, two of a province. */
export function regionPrefix(code: string, level: RegionLevel): string {
  return level === 'county' ? code : level === 'city' ? code.slice(0, 4) : code.slice(0, 2);
}
