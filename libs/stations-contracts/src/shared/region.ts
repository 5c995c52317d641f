/**
 * Where a station or organization is, with the national administrative division code
 * (行政区划代码): 6 digits for a county, 9 for a township or street. The city's and
 * province's codes are its prefixes, which is how rollups group.
 */
export interface Region {
  readonly code: string;
  readonly province: string;
  readonly city: string;
  readonly county: string;
  readonly township?: string;
}

export function countyCode(region: Region): string {
  return region.code.slice(0, 6);
}

export function cityCode(region: Region): string {
  return `${region.code.slice(0, 4)}00`;
}
