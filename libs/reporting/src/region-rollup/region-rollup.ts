import type { Grade } from '@sws/assessment';
import { refuse } from '@sws/kernel';

export type RegionLevel = 'province' | 'city' | 'county';

/** What the app gathers for each station: its region, whether it closed, its latest score and its people. */
export interface RollupStation {
  readonly stationId: string;
  readonly region: { readonly code: string; readonly province: string; readonly city: string; readonly county: string; readonly township?: string };
  readonly closed: boolean;
  readonly latestScore: { readonly total: number; readonly grade: Grade } | null;
  readonly workers: number;
  readonly certifiedWorkers: number;
  /** Share of days the station met its minimum (0 to 1), null when no day has been counted. */
  readonly staffingCompliance: number | null;
}

export type GradeDistribution = Readonly<Record<Grade | 'not_assessed', number>>;

/** Read model 5 for one county, city or province. Closed stations are counted, and left out of every figure. */
export interface RegionRollup {
  readonly code: string;
  readonly level: RegionLevel;
  /** The region's name as its stations give it, null when it has none. */
  readonly name: string | null;
  readonly stations: { readonly total: number; readonly open: number; readonly closed: number };
  /** Open stations by the grade of their latest score. */
  readonly grades: GradeDistribution;
  /** Mean latest total of the open stations that have one, rounded half up to the hundredth. */
  readonly meanScore: number | null;
  readonly workers: number;
  readonly certifiedWorkers: number;
  /** certifiedWorkers / workers of the open stations; null without workers. */
  readonly certifiedShare: number | null;
  /** Mean of the open stations' staffing compliance, each station weighing the same; null without figures. */
  readonly staffingCompliance: number | null;
}

const DIVISION_CODE = /^\d{6}$/;

/** A 6-digit division code names a province (…0000), a city (…00) or a county. */
export function regionLevel(code: string): RegionLevel {
  if (!DIVISION_CODE.test(code) || code === '000000') {
    refuse('INVALID_REGION_CODE', `region code ${code} is not a 6-digit administrative division code`, { field: 'code', code });
  }
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'city' : 'county';
}

/** The county, city and province codes of a station's (6- or 9-digit) division code: how rollups group. */
export function regionCodes(stationCode: string): { readonly county: string; readonly city: string; readonly province: string } {
  return { county: stationCode.slice(0, 6), city: `${stationCode.slice(0, 4)}00`, province: `${stationCode.slice(0, 2)}0000` };
}

function nameOf(level: RegionLevel, stations: readonly RollupStation[]): string | null {
  const first = stations[0]?.region;
  if (!first) return null;
  return level === 'county' ? first.county : level === 'city' ? first.city : first.province;
}

/** SPEC read model 5: the stations of a region, their grades, mean score, certified share and staffing compliance. */
export function regionRollup(code: string, stations: readonly RollupStation[]): RegionRollup {
  const level = regionLevel(code);
  const inRegion = stations.filter((s) => regionCodes(s.region.code)[level] === code);
  const open = inRegion.filter((s) => !s.closed);
  const grades = { excellent: 0, good: 0, pass: 0, fail: 0, not_assessed: 0 };
  for (const station of open) grades[station.latestScore?.grade ?? 'not_assessed'] += 1;
  const scored = open.flatMap((s) => (s.latestScore ? [Math.round(s.latestScore.total * 100)] : []));
  const meanScore = scored.length === 0 ? null : Math.floor((2 * scored.reduce((a, b) => a + b, 0) + scored.length) / (2 * scored.length)) / 100;
  const workers = open.reduce((sum, s) => sum + s.workers, 0);
  const certifiedWorkers = open.reduce((sum, s) => sum + s.certifiedWorkers, 0);
  const compliance = open.flatMap((s) => (s.staffingCompliance === null ? [] : [s.staffingCompliance]));
  return {
    code,
    level,
    name: nameOf(level, inRegion),
    stations: { total: inRegion.length, open: open.length, closed: inRegion.length - open.length },
    grades,
    meanScore,
    workers,
    certifiedWorkers,
    certifiedShare: workers === 0 ? null : certifiedWorkers / workers,
    staffingCompliance: compliance.length === 0 ? null : compliance.reduce((a, b) => a + b, 0) / compliance.length,
  };
}

/** The rollup of every county and city the stations lie in, keyed by code. */
export function regionRollups(stations: readonly RollupStation[]): Map<string, RegionRollup> {
  const codes = new Set(stations.flatMap((s) => {
    const { county, city } = regionCodes(s.region.code);
    return [county, city];
  }));
  return new Map([...codes].sort().map((code) => [code, regionRollup(code, stations)]));
}
