import { addDays, CalendarDate } from '@sws/kernel';
import { CertificationLevel, creditCodeCheckCharacter, OrganizationKind, Post } from '@sws/stations-contracts';

/**
 * The sample county the demo loads: 济南市历城区, its civil affairs bureau as purchaser, two
 * operators, one evaluation organization, ten street stations, two one-year contracts and 42
 * social workers, with departures and reassignments so that staffing is not always compliant.
 *
 * Everything is computed from a fixed seed, so the plan (and every request body) is the same on
 * every run; every record has a stable ASCII key from which the demo derives its Idempotency-Key.
 */

export const COUNTY = { code: '370112', province: '山东省', city: '济南市', county: '历城区' } as const;

export interface PlannedOrganization {
  readonly key: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly creditCode: string;
}

export interface PlannedStation {
  readonly key: string;
  readonly name: string;
  readonly township: string;
  /** The 9-digit township/street division code. */
  readonly code: string;
  readonly operatingModel: 'outsourced' | 'composite';
  readonly villageCount: number;
}

export interface PlannedContract {
  readonly key: string;
  readonly operatorKey: string;
  readonly stationKeys: readonly string[];
  readonly totalCny: number;
  readonly sources: ReadonlyArray<{ readonly kind: 'fiscal' | 'welfare_lottery'; readonly amountCny: number }>;
}

export type WorkerStep =
  | { readonly kind: 'certify'; readonly on: CalendarDate; readonly level: Exclude<CertificationLevel, 'none'>; readonly certificateNo: string }
  | { readonly kind: 'assign'; readonly on: CalendarDate; readonly contractKey: string; readonly stationKey: string; readonly post: Post }
  | { readonly kind: 'depart'; readonly on: CalendarDate; readonly stationKey: string; readonly reason: string };

export interface PlannedWorker {
  readonly key: string;
  readonly name: string;
  readonly certification: CertificationLevel;
  readonly socialWorkDegree: boolean;
  /** In the order they happened. */
  readonly steps: readonly WorkerStep[];
}

export interface DemoCounty {
  readonly purchaserKey: string;
  readonly organizations: readonly PlannedOrganization[];
  readonly stations: readonly PlannedStation[];
  readonly contracts: readonly PlannedContract[];
  readonly workers: readonly PlannedWorker[];
  readonly requirements: {
    readonly minWorkersPerStation: number;
    readonly minCertifiedShare: number;
    readonly supervisionHoursPerWorkerYear: number;
    readonly trainingHoursPerWorkerYear: number;
    readonly serviceTargets: { readonly cases: number; readonly groups: number; readonly communityActivities: number };
  };
  readonly term: { readonly start: CalendarDate; readonly end: CalendarDate };
}

/** mulberry32: a small deterministic generator, enough to vary sample data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A unified social credit code: registration authority and kind (`52` civil affairs / social
 * service organization, `11` government organ), the county's division code, a 9-character
 * organization code, and the check character.
 */
function creditCode(prefix: '11' | '52', next: () => number): string {
  const body =
    prefix === '52'
      ? `MJ${Array.from({ length: 7 }, () => CODE_ALPHABET[Math.floor(next() * CODE_ALPHABET.length)]).join('')}`
      : `00${Array.from({ length: 7 }, () => String(Math.floor(next() * 10))).join('')}`;
  const first17 = `${prefix}${COUNTY.code}${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const STATIONS: ReadonlyArray<Omit<PlannedStation, 'name' | 'code'>> = [
  { key: 'wangsheren', township: '王舍人街道', operatingModel: 'outsourced', villageCount: 18 },
  { key: 'baoshan', township: '鲍山街道', operatingModel: 'outsourced', villageCount: 12 },
  { key: 'guodian', township: '郭店街道', operatingModel: 'outsourced', villageCount: 24 },
  { key: 'tangye', township: '唐冶街道', operatingModel: 'composite', villageCount: 15 },
  { key: 'ganggou', township: '港沟街道', operatingModel: 'outsourced', villageCount: 26 },
  { key: 'huashan', township: '华山街道', operatingModel: 'outsourced', villageCount: 9 },
  { key: 'hehualu', township: '荷花路街道', operatingModel: 'outsourced', villageCount: 21 },
  { key: 'yaoqiang', township: '遥墙街道', operatingModel: 'outsourced', villageCount: 30 },
  { key: 'lingang', township: '临港街道', operatingModel: 'composite', villageCount: 17 },
  { key: 'caishi', township: '彩石街道', operatingModel: 'outsourced', villageCount: 28 },
];

const SURNAMES = [...'王张李刘陈杨赵孙徐马高韩郑周吴朱胡郭宋田于曹袁董孔崔邢魏'];
const GIVEN_NAMES = [
  '秀英', '海燕', '晓明', '丽娜', '志强', '雪梅', '文博', '欣怡', '梦瑶', '子涵', '佳琪', '俊杰', '浩然', '雨桐',
  '思远', '瑞', '娜', '磊', '婷婷', '晨', '凯', '鹏飞', '玉兰', '春燕', '宏伟', '晓燕', '红梅', '立新', '振华',
  '倩', '颖', '慧敏', '建华', '淑芳', '明辉', '若曦', '冉冉', '一鸣', '静', '亚楠', '晓雯', '国庆', '艳',
];

function names(count: number, next: () => number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const name = SURNAMES[Math.floor(next() * SURNAMES.length)] + GIVEN_NAMES[Math.floor(next() * GIVEN_NAMES.length)];
    chosen.add(name);
  }
  return [...chosen];
}

function level(next: () => number, lead: boolean): CertificationLevel {
  const r = next();
  if (lead) return r < 0.6 ? 'intermediate' : 'assistant';
  return r < 0.4 ? 'none' : r < 0.78 ? 'assistant' : r < 0.95 ? 'intermediate' : 'senior';
}

const TERM = { start: '2026-01-01', end: '2026-12-31' } as const;

/** The sample county. Pure: the same plan on every call. */
export function demoCounty(): DemoCounty {
  const next = seeded(370112);
  const organizations: PlannedOrganization[] = [
    { key: 'licheng-minzhengju', name: '济南市历城区民政局', kind: 'purchaser', creditCode: creditCode('11', next) },
    { key: 'yangguang', name: '济南市历城区阳光社会工作服务中心', kind: 'operator', creditCode: creditCode('52', next) },
    { key: 'tongxin', name: '济南市历城区同心社会工作服务中心', kind: 'operator', creditCode: creditCode('52', next) },
    { key: 'quancheng-pinggu', name: '济南市历城区泉城社会工作评估中心', kind: 'evaluator', creditCode: creditCode('52', next) },
  ];
  const stations: PlannedStation[] = STATIONS.map((s, i) => ({
    ...s,
    name: `${s.township}社工站`,
    code: `${COUNTY.code}${String(i + 1).padStart(3, '0')}`,
  }));
  const [first, second] = [stations.slice(0, 5), stations.slice(5)];
  const contracts: PlannedContract[] = [
    {
      key: 'yangguang-2026',
      operatorKey: 'yangguang',
      stationKeys: first.map((s) => s.key),
      // 30万 per station: 24万 county fiscal funds, 6万 welfare lottery public welfare funds.
      totalCny: 1_500_000,
      sources: [
        { kind: 'fiscal', amountCny: 1_200_000 },
        { kind: 'welfare_lottery', amountCny: 300_000 },
      ],
    },
    {
      key: 'tongxin-2026',
      operatorKey: 'tongxin',
      stationKeys: second.map((s) => s.key),
      totalCny: 1_500_000,
      sources: [
        { kind: 'fiscal', amountCny: 1_087_500.5 },
        { kind: 'welfare_lottery', amountCny: 412_499.5 },
      ],
    },
  ];
  const contractOf = (stationKey: string) => contracts.find((c) => c.stationKeys.includes(stationKey))!.key;

  // Four workers per station: the lead and a resident on the opening day, two residents later.
  const workerNames = names(stations.length * 4 + 2, next);
  const workers: Array<PlannedWorker & { steps: WorkerStep[] }> = [];
  stations.forEach((station, s) => {
    const opening = addDays('2026-01-05', s % 5);
    const starts = [opening, opening, addDays('2026-01-12', s), addDays('2026-02-02', 3 * s)];
    starts.forEach((from, w) => {
      const lead = w === 0;
      workers.push({
        key: `${station.key}-${w + 1}`,
        name: workerNames[workers.length],
        certification: level(next, lead),
        socialWorkDegree: next() < 0.6,
        steps: [{ kind: 'assign', on: from, contractKey: contractOf(station.key), stationKey: station.key, post: lead ? 'station_lead' : 'resident' }],
      });
    });
  });
  const worker = (key: string) => workers.find((w) => w.key === key)!;
  const replacement = (key: string, stationKey: string, from: CalendarDate): void => {
    workers.push({
      key,
      name: workerNames[workers.length],
      certification: 'assistant',
      socialWorkDegree: true,
      steps: [{ kind: 'assign', on: from, contractKey: contractOf(stationKey), stationKey, post: 'resident' }],
    });
  };

  // 王舍人: a resident leaves for the other operator in spring and joins it at 遥墙 in September.
  worker('wangsheren-2').steps.push(
    { kind: 'depart', on: '2026-03-31', stationKey: 'wangsheren', reason: '与阳光社工中心合同到期,转入同心社工中心' },
    { kind: 'assign', on: '2026-09-21', contractKey: 'tongxin-2026', stationKey: 'yaoqiang', post: 'resident' },
  );
  // 郭店: one resident moves to 港沟, another leaves; below three until a new resident arrives in June.
  worker('guodian-4').steps.push(
    { kind: 'depart', on: '2026-04-30', stationKey: 'guodian', reason: '区内调岗至港沟街道社工站' },
    { kind: 'assign', on: '2026-05-06', contractKey: 'yangguang-2026', stationKey: 'ganggou', post: 'resident' },
  );
  worker('guodian-2').steps.push({ kind: 'depart', on: '2026-05-15', stationKey: 'guodian', reason: '考取事业编制离职' });
  replacement('guodian-5', 'guodian', '2026-06-01');
  // 遥墙: two residents leave in late summer; the transfer from 王舍人 and a new hire fill the gap.
  worker('yaoqiang-3').steps.push({ kind: 'depart', on: '2026-08-31', stationKey: 'yaoqiang', reason: '考取社会工作专业研究生' });
  worker('yaoqiang-4').steps.push({ kind: 'depart', on: '2026-09-18', stationKey: 'yaoqiang', reason: '家庭原因离职,返回原籍' });
  replacement('yaoqiang-5', 'yaoqiang', '2026-10-12');

  // Certificates earned in 2026: the 2025 exam's certificates in March, the 2026 exam's in September.
  let certificates = 0;
  const certify = (w: PlannedWorker & { steps: WorkerStep[] }, to: Exclude<CertificationLevel, 'none'>, on: CalendarDate) => {
    certificates += 1;
    w.steps.push({ kind: 'certify', on, level: to, certificateNo: `Z2026${COUNTY.code}${String(certificates).padStart(6, '0')}` });
    w.steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  };
  workers.filter((w) => w.certification === 'none').slice(0, 7).forEach((w, i) => certify(w, 'assistant', i < 3 ? '2026-03-20' : '2026-09-26'));
  workers.filter((w) => w.certification === 'assistant').slice(0, 3).forEach((w) => certify(w, 'intermediate', '2026-09-26'));

  return {
    purchaserKey: 'licheng-minzhengju',
    organizations,
    stations,
    contracts,
    workers,
    requirements: {
      minWorkersPerStation: 3,
      minCertifiedShare: 0.5,
      supervisionHoursPerWorkerYear: 24,
      trainingHoursPerWorkerYear: 40,
      serviceTargets: { cases: 20, groups: 6, communityActivities: 12 },
    },
    term: TERM,
  };
}
