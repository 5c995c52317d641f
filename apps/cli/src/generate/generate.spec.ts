import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chinaTimestamp } from '../../../api/src/infrastructure/clock';
import { Agenda } from './agenda';
import { openPartialLog, RowBatch } from './bulk-writer';
import { ChinaTimestamps } from './china-time';
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

  it('makes each id from its moment and three draws, the version and variant bits set, whatever ids came before', () => {
    // The layout spelled out byte by byte: 48 bits of time, then draws low byte first.
    const reference = (random: Random, at: number) => {
      const bytes = Buffer.alloc(16);
      bytes.writeUIntBE(at, 0, 6);
      const draws = [random.bits(), random.bits(), random.bits()];
      for (let i = 0; i < 10; i++) bytes[6 + i] = (draws[i >> 2] >>> (8 * (i & 3))) & 0xff;
      bytes[6] = (bytes[6] & 0x0f) | 0x70;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    };
    const made = new SeededUuids(new Random(99));
    const expected = new Random(99);
    const moments = [Date.UTC(2024, 10, 1, 1), Date.UTC(2024, 10, 1, 1), Date.UTC(2025, 5, 30, 23, 59, 59, 999), 0, 2 ** 40 + 255, Date.UTC(2024, 10, 1, 1)];
    for (const at of moments) expect(made.v7(at)).toBe(reference(expected, at));
  });

  it('writes the service clock text for every moment: the same as chinaTimestamp, across days, months and years', () => {
    const fast = new ChinaTimestamps();
    const random = new Random(3);
    const moments = [Date.UTC(2024, 11, 31, 15, 59, 59, 999), Date.UTC(2024, 11, 31, 16), Date.UTC(2025, 1, 28, 16), Date.UTC(2024, 1, 28, 16), 0, Date.UTC(2025, 0, 1, 0, 0, 0, 1)];
    for (let i = 0; i < 5000; i++) moments.push(Date.UTC(2020, 0, 1) + Math.floor(random.next() * 8 * 365 * 86_400_000));
    // In no order (a day's text made again after another day's), then in time order (kept for a day).
    for (const at of [...moments, ...moments.sort((a, b) => a - b)]) expect({ at, text: fast.text(at) }).toEqual({ at, text: chinaTimestamp(new Date(at)) });
    expect(() => fast.text(1.5)).toThrow(/not a whole millisecond/);
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

describe('the log writer', () => {
  /** A batch as the generating thread hands it over: each row's text fields as UTF-8, their ends in bytes, and its numbers. */
  function batchOf(rows: ReadonlyArray<readonly [string, string, number, string, number, string, string]>): RowBatch {
    const parts = rows.flatMap(([eventId, streamId, , type, , data, metadata]) => [eventId, streamId, type, data, metadata].map((field) => Buffer.from(field, 'utf8')));
    const ends = new Int32Array(parts.length);
    let end = 0;
    parts.forEach((part, i) => (ends[i] = end += part.length));
    const numbers = new Int32Array(rows.flatMap(([, , revision, , schemaVersion]) => [revision, schemaVersion]));
    const text = Buffer.concat(parts);
    return { text: text.buffer.slice(text.byteOffset, text.byteOffset + text.length) as ArrayBuffer, ends: ends.buffer, numbers: numbers.buffer, rows: rows.length };
  }

  it('stores the rows of a byte batch as the same TEXT a bound string gives: multi-byte, astral and empty fields alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sws-writer-'));
    try {
      const rows = [
        ['e-1', 'Station-a', 0, 'StationRegistered', 1, '{"name":"历城区港沟街道社工站"}', '{"actor":"admin"}'],
        ['e-2', 'Station-a', 1, 'StationRenamed', 2, '{"note":"𠀀 and é"}', ''],
        ['e-3', 'SocialWorker-b', 0, 'SocialWorkerRegistered', 1, '{}', '{"x":1}'],
      ] as const;
      const [asBytes, asStrings] = [join(dir, 'bytes.db'), join(dir, 'strings.db')];
      const bytes = openPartialLog(asBytes);
      bytes.insertRowBatch(batchOf(rows));
      bytes.close();
      const strings = openPartialLog(asStrings);
      strings.insertBatch(rows);
      strings.close();
      const read = (file: string) => {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare('SELECT *, typeof(event_id) || typeof(stream_id) || typeof(type) || typeof(data) || typeof(metadata) AS types FROM events ORDER BY position').all();
        } finally {
          db.close();
        }
      };
      const stored = read(asBytes);
      expect(stored).toEqual(read(asStrings));
      expect(stored.map((row: any) => [row.event_id, row.stream_id, row.revision, row.type, row.schema_version, row.data, row.metadata])).toEqual(rows);
      expect(stored.map((row: any) => row.types)).toEqual(Array(3).fill('texttexttexttexttext'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
