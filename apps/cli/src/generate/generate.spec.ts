import { Agenda } from './agenda';
import { PROVINCES, stationCounties } from './divisions';
import { GenerateUsageError, parseGenerateOptions } from './options';
import { Random, SeededUuids } from './seeded';

describe('the division table', () => {
  const counties = PROVINCES.flatMap((province) => province.prefectures.flatMap((prefecture) => prefecture.counties.map((county) => ({ province, county }))));

  it('holds every province-level division once, and counties whose codes start with their province', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(31);
    expect(new Set(counties.map(({ county }) => county.code)).size).toBe(counties.length);
    for (const { province, county } of counties) expect({ county: county.code, prefix: county.code.slice(0, 2) }).toEqual({ county: county.code, prefix: province.code });
  });

  it('places a city set in 济南市, a province set in 山东省 and a national one everywhere', () => {
    expect(new Set(stationCounties(290, 0.01).map((c) => c.city))).toEqual(new Set(['济南市']));
    const province = stationCounties(2900, 0.1);
    expect(new Set(province.map((c) => c.province))).toEqual(new Set(['山东省']));
    expect(new Set(province.map((c) => c.city)).size).toBe(16);
    const national = stationCounties(29_000, 1);
    expect(national).toHaveLength(29_000);
    expect(new Set(national.map((c) => c.province)).size).toBe(31);
  });
});

describe('seeded ids and the agenda', () => {
  it('makes the same version 7 UUIDs from the same seed and time, time-ordered', () => {
    const a = new SeededUuids(new Random(1));
    const b = new SeededUuids(new Random(1));
    const at = Date.UTC(2025, 0, 2);
    const first = a.v7(at);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.v7(at)).toBe(first);
    expect(a.v7(at + 1) > first).toBe(true);
    expect(parseInt(first.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('runs actions in the order of their moment, ties in the order planned, including those they plan', () => {
    const agenda = new Agenda();
    const ran: string[] = [];
    agenda.at(30, () => ran.push('c'));
    agenda.at(10, () => {
      ran.push('a');
      agenda.at(20, () => ran.push('b2'));
    });
    agenda.at(20, () => ran.push('b1'));
    agenda.at(50, () => ran.push('later'));
    agenda.runUntil(40);
    expect(ran).toEqual(['a', 'b1', 'b2', 'c']);
    expect(agenda.size).toBe(1);
  });
});

describe('bench:generate options', () => {
  it('defaults to the national set of five years and a data directory named after them', () => {
    expect(parseGenerateOptions([])).toEqual({ scale: 1, years: 5, seed: 42, lastYear: 2025, dataDir: 'data/bench/scale-1-years-5-seed-42' });
    expect(parseGenerateOptions(['--scale', '0.01', '--years', '2', '--data-dir', '/tmp/x'])).toMatchObject({ scale: 0.01, years: 2, dataDir: '/tmp/x' });
  });

  it.each([
    [['--scale', '0'], /--scale 0/],
    [['--years', '1.5'], /--years 1.5/],
    [['--seed', '-1'], /--seed -1/],
    [['--scale'], /--scale needs a value/],
    [['--size', '1'], /unknown option --size/],
  ])('refuses %j, naming the option', (args, message) => {
    expect(() => parseGenerateOptions(args as string[])).toThrow(GenerateUsageError);
    expect(() => parseGenerateOptions(args as string[])).toThrow(message);
  });
});
