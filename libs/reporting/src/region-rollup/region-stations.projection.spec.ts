import { foldProjections, ProjectedEvent } from '@sws/kernel';
import { regionPrefix, RegionStations, regionStationsProjection } from './region-stations.projection';

let position = 0;
const registered = (stationId: string, code: string): ProjectedEvent => {
  position += 1;
  return {
    streamId: `Station-${stationId}`,
    type: 'StationRegistered',
    data: { stationId, name: stationId, kind: 'township', region: { code, province: 'p', city: 'c', county: 'k' }, operatingModel: 'outsourced', villageCount: 3 },
    metadata: { eventId: `e${position}`, actor: { userId: 'u', role: 'admin', orgId: null }, occurredAt: '2026-01-01', recordedAt: '2026-01-01T00:00:00Z', correlationId: 'c', causationId: null },
    revision: 0,
    position: String(position),
  };
};

describe('the stations of each county', () => {
  const log = [
    registered('st-b', '370112001'),
    registered('st-a', '370112'),
    registered('st-c', '370113002'),
    registered('st-d', '110101001'),
    registered('st-b', '370112001'),
  ];
  const documents = foldProjections([regionStationsProjection], log).get('region-stations')!.documents as Map<string, RegionStations>;

  it('lists a county’s stations once each, sorted, under its six-digit code, whatever the length of the station’s code', () => {
    expect(Object.fromEntries(documents)).toEqual({
      '370112': { stationIds: ['st-a', 'st-b'] },
      '370113': { stationIds: ['st-c'] },
      '110101': { stationIds: ['st-d'] },
    });
  });

  it('finds a city’s and a province’s counties by the prefix of their codes', () => {
    const under = (code: string, level: 'county' | 'city' | 'province') =>
      [...documents.keys()].filter((id) => id.startsWith(regionPrefix(code, level))).sort();
    expect(under('370112', 'county')).toEqual(['370112']);
    expect(under('370100', 'city')).toEqual(['370112', '370113']);
    expect(under('370000', 'province')).toEqual(['370112', '370113']);
    expect(under('110000', 'province')).toEqual(['110101']);
  });
});
