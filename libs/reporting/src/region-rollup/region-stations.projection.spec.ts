import { foldProjections, ProjectedEvent } from '@sws/kernel';
import { regionPrefix, RegionStation, regionStationsProjection } from './region-stations.projection';

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
  const documents = foldProjections([regionStationsProjection], log).get('region-stations')!.documents as Map<string, RegionStation>;

  it('keeps a county’s stations once each, one document a station under its six-digit code, whatever the length of the station’s code', () => {
    expect(Object.fromEntries(documents)).toEqual({
      '370112/st-a': { stationId: 'st-a' },
      '370112/st-b': { stationId: 'st-b' },
      '370113/st-c': { stationId: 'st-c' },
      '110101/st-d': { stationId: 'st-d' },
    });
  });

  it('writes one small document a registration, however many stations the county has', () => {
    const many = Array.from({ length: 2000 }, (_, n) => registered(`st-${String(n).padStart(5, '0')}`, `370112${String(n % 999).padStart(3, '0')}`));
    const sizes = many.map((event) => {
      const [id] = regionStationsProjection.documentIds(event);
      return Buffer.byteLength(JSON.stringify(regionStationsProjection.evolve(null, event))) + id.length;
    });
    expect(Math.max(...sizes)).toBeLessThan(64);
    expect(foldProjections([regionStationsProjection], many).get('region-stations')!.documents.size).toBe(2000);
  });

  it('finds a county’s, a city’s and a province’s stations by the prefix of their ids', () => {
    const under = (code: string, level: 'county' | 'city' | 'province') =>
      [...documents.keys()].filter((id) => id.startsWith(regionPrefix(code, level))).sort();
    expect(under('370112', 'county')).toEqual(['370112/st-a', '370112/st-b']);
    expect(under('370100', 'city')).toEqual(['370112/st-a', '370112/st-b', '370113/st-c']);
    expect(under('370000', 'province')).toEqual(['370112/st-a', '370112/st-b', '370113/st-c']);
    expect(under('110000', 'province')).toEqual(['110101/st-d']);
  });
});
