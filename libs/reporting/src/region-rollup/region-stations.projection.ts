import { ProjectedEvent, Projection } from '@sws/kernel';
import { RegionLevel, regionCodes } from './region-rollup';

/** `<county code>/<stationId>`: a station registered in the county. */
export interface RegionStation {
  readonly stationId: string;
}

/** The id of a county's entry for a station: the county's six-digit code, then the station's id. */
export const regionStationId = (county: string, stationId: string) => `${county}/${stationId}`;

/**
 * Read model 5's index: the stations registered in each county, one document a station under
 * the county's code (`<county>/<stationId>`), so that a registration writes one small document
 * however many stations the county has, and a county's, city's or province's stations are those
 * whose ids begin with its prefix (`regionPrefix`), listed by id. A station's region is fixed at
 * registration, so only that event touches it.
 */
export const regionStationsProjection: Projection<RegionStation> = {
  name: 'region-stations',
  version: 2,
  collection: 'region-stations',
  handles: ['StationRegistered'],
  documentIds: (event: ProjectedEvent) => {
    const { stationId, region } = event.data as { stationId: string; region: { code: string } };
    return [regionStationId(regionCodes(region.code).county, stationId)];
  },
  evolve: (_document, event) => ({ stationId: (event.data as { stationId: string }).stationId }),
};

/** What the county codes of a region begin with: all six digits of a county, four of a city, two of a province. */
export function regionPrefix(code: string, level: RegionLevel): string {
  return level === 'county' ? code : level === 'city' ? code.slice(0, 4) : code.slice(0, 2);
}
