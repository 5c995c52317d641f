import { DomainError } from '@sws/kernel';
import { regionCodes, regionLevel, regionRollup, regionRollups, RollupStation } from './region-rollup';

const licheng = { province: '山东省', city: '济南市', county: '历城区' };
const lixia = { province: '山东省', city: '济南市', county: '历下区' };

const station = (
  stationId: string,
  code: string,
  where: typeof licheng,
  latestScore: RollupStation['latestScore'],
  workers: number,
  certifiedWorkers: number,
  staffingCompliance: number | null,
  closed = false,
): RollupStation => ({ stationId, region: { code, ...where }, closed, latestScore, workers, certifiedWorkers, staffingCompliance });

const STATIONS: RollupStation[] = [
  station('st-a', '370112001', licheng, { total: 92.5, grade: 'excellent' }, 4, 3, 1),
  station('st-b', '370112002', licheng, { total: 85.25, grade: 'good' }, 3, 1, 0.9),
  station('st-c', '370112003', licheng, { total: 78, grade: 'pass' }, 2, 1, 0.75),
  station('st-d', '370112004', licheng, null, 2, 0, null),
  station('st-e', '370112005', licheng, { total: 55, grade: 'fail' }, 0, 0, 0.5, true),
  station('st-f', '370112006', licheng, { total: 58.4, grade: 'fail' }, 1, 1, 0.5),
  station('st-g', '370102001', lixia, { total: 88, grade: 'good' }, 2, 2, 1),
  station('st-h', '370281001', { province: '山东省', city: '青岛市', county: '胶州市' }, { total: 99, grade: 'excellent' }, 9, 9, 1),
];

describe('region rollup', () => {
  describe('for a county', () => {
    // Open stations a, b, c, d, f; e is closed. Scores 92.5 + 85.25 + 78 + 58.4 = 314.15 over 4 = 78.5375 → 78.54.
    // Workers 4 + 3 + 2 + 2 + 1 = 12, certified 3 + 1 + 1 + 0 + 1 = 6. Compliance (1 + 0.9 + 0.75 + 0.5) / 4 = 0.7875.
    const county = regionRollup('370112', STATIONS);

    it('matches the hand count', () => {
      expect(county).toEqual({
        code: '370112',
        level: 'county',
        name: '历城区',
        stations: { total: 6, open: 5, closed: 1 },
        grades: { excellent: 1, good: 1, pass: 1, fail: 1, not_assessed: 1 },
        meanScore: 78.54,
        workers: 12,
        certifiedWorkers: 6,
        certifiedShare: 0.5,
        staffingCompliance: expect.closeTo(0.7875, 10),
      });
    });

    it('counts a closed station and leaves it out of every figure', () => {
      const reopened = regionRollup('370112', STATIONS.map((s) => (s.stationId === 'st-e' ? { ...s, closed: false } : s)));
      expect(reopened.grades.fail).toBe(2);
      expect(reopened.meanScore).toBe(73.83); // 369.15 / 5 = 73.83
    });
  });

  describe('for a city', () => {
    // The county above plus st-g (88, 2 of 2 certified, compliance 1); st-h lies in another city.
    // Scores 402.15 / 5 = 80.43. Certified 8 of 14. Compliance 4.15 / 5 = 0.83.
    it('adds up every county of the city and nothing outside it', () => {
      const city = regionRollup('370100', STATIONS);
      expect(city).toMatchObject({
        code: '370100',
        level: 'city',
        name: '济南市',
        stations: { total: 7, open: 6, closed: 1 },
        grades: { excellent: 1, good: 2, pass: 1, fail: 1, not_assessed: 1 },
        meanScore: 80.43,
        workers: 14,
        certifiedWorkers: 8,
      });
      expect(city.certifiedShare).toBeCloseTo(8 / 14, 10);
      expect(city.staffingCompliance).toBeCloseTo(0.83, 10);
    });
  });

  it('rounds the mean score half up to the hundredth', () => {
    const two = [station('x', '370112001', licheng, { total: 80, grade: 'good' }, 1, 0, null), station('y', '370112002', licheng, { total: 80.01, grade: 'good' }, 1, 0, null)];
    expect(regionRollup('370112', two).meanScore).toBe(80.01); // 80.005 → 80.01
  });

  it('gives zeros and no figures for a region without stations', () => {
    expect(regionRollup('370105', STATIONS)).toEqual({
      code: '370105',
      level: 'county',
      name: null,
      stations: { total: 0, open: 0, closed: 0 },
      grades: { excellent: 0, good: 0, pass: 0, fail: 0, not_assessed: 0 },
      meanScore: null,
      workers: 0,
      certifiedWorkers: 0,
      certifiedShare: null,
      staffingCompliance: null,
    });
  });

  it('rolls up every county and city the stations lie in', () => {
    expect([...regionRollups(STATIONS).keys()]).toEqual(['370100', '370102', '370112', '370200', '370281']);
  });

  describe('with region codes', () => {
    it('tells a county from a city and a province', () => {
      expect(regionLevel('370112')).toBe('county');
      expect(regionLevel('370100')).toBe('city');
      expect(regionLevel('370000')).toBe('province');
      expect(regionCodes('370112001')).toEqual({ county: '370112', city: '370100', province: '370000' });
    });

    it.each(['37011', '3701120', '37O112', '000000'])('refuses %s', (code) => {
      let error: unknown;
      try {
        regionLevel(code);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_REGION_CODE');
    });
  });
});
