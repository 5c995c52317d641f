import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestScore, ScorecardMonth, StationScorecard, stationScorecardProjection, stationScorecards } from '@sws/assessment';
import { Position, SqliteEventStore } from '@sws/event-store';
import { addDays, CalendarDate, foldProjections, minDate, ProjectedEvent } from '@sws/kernel';
import { InMemoryReadStore, ProjectionPump } from '@sws/read-store';
import { regionFiguresProjection, regionRollup, RollupStation } from '@sws/reporting';
import {
  SocialWorkerDetail,
  socialWorkerDetailProjection,
  StationContract,
  StationDetail,
  stationDetailProjection,
  staffingCompliance,
} from '@sws/stations-contracts';
import { generateHistory } from '../../../../cli/src/generate/generator';
import { FixedClock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { eventTypeRegistry } from '../../infrastructure/stores';
import { GetRegionRollupHandler } from './get-region-rollup.handler';
import { GetRegionRollupQuery } from './get-region-rollup.query';

/**
 * The rollup as it was computed before the region-figures read model, from the stations' own
 * read models (station detail, scorecard, social-worker detail): the oracle the new read model
 * must match, for every region and on every day.
 */
function fromStationReadModels(
  code: string,
  stations: readonly StationDetail[],
  scorecards: ReadonlyMap<string, StationScorecard>,
  workers: ReadonlyMap<string, SocialWorkerDetail>,
  today: CalendarDate,
) {
  const inputs = [...stations]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((station): RollupStation => {
      const presentIds = [...new Set(station.assignments.filter((a) => a.from <= today && (a.until === null || today < a.until)).map((a) => a.socialWorkerId))];
      const started = station.contracts.filter((c) => c.term.start <= today && c.term.start <= c.lastDay);
      const contract = started.reduce<StationContract | null>((latest, c) => (latest === null || c.term.start > latest.term.start ? c : latest), null);
      const compliance =
        contract === null
          ? null
          : staffingCompliance({
              stationIds: [station.id],
              spans: station.assignments.filter((a) => a.contractId === contract.contractId),
              minimums: contract.minimumsInForce,
              firstDay: contract.term.start,
              lastDay: minDate(contract.lastDay, today),
            }).share;
      const latest = latestScore(scorecards.get(station.id) ?? null);
      return {
        stationId: station.id,
        region: station.region,
        closed: station.closed !== null,
        latestScore: latest === null ? null : { total: latest.total, grade: latest.grade },
        workers: presentIds.length,
        certifiedWorkers: presentIds.filter((id) => (workers.get(id)?.certification ?? 'none') !== 'none').length,
        staffingCompliance: compliance,
      };
    });
  return regionRollup(code, inputs);
}

/** ReadModels over documents in memory, recording which read models the handler asks for. */
function readModelsOver(documents: ReadonlyMap<string, unknown>, asked: Set<string>): ReadModels {
  const sortedIds = [...documents.keys()].sort();
  const stub = {
    positionOf: (projection: string) => (asked.add(projection), '42'),
    readMany: async (projection: string, ids: readonly string[]) => {
      asked.add(projection);
      return new Map(ids.flatMap((id) => (documents.has(id) ? [[id, documents.get(id)]] : [])));
    },
    read: async (projection: string, id: string) => (asked.add(projection), { document: documents.get(id) ?? null, position: '42' }),
    list: async (projection: string, limit: number, afterId?: string, _where?: unknown, idPrefix?: string) => {
      asked.add(projection);
      const ids = sortedIds.filter((id) => (afterId === undefined || id > afterId) && (idPrefix === undefined || id.startsWith(idPrefix))).slice(0, limit);
      return { rows: ids.map((id) => ({ id, document: documents.get(id) })), position: '42' };
    },
  };
  return stub as unknown as ReadModels;
}

describe('the region rollup from the region-figures read model (a generated history of two years)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-region-figures-'));
  let events: SqliteEventStore;
  let log: ProjectedEvent[];
  let folded: ReturnType<typeof foldProjections>;

  beforeAll(async () => {
    generateHistory({ scale: 0.003, years: 2, seed: 11, lastYear: 2025, dataDir, threaded: false });
    events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry(), { synchronous: 'NORMAL' });
    log = [];
    for (let after: Position | null = null; ; ) {
      const page = await events.readAll(after, 5000);
      if (page.length === 0) break;
      log.push(...page.map((e) => ({ ...e, position: e.position as string })));
      after = page[page.length - 1].position;
    }
    folded = foldProjections([stationDetailProjection, stationScorecardProjection, socialWorkerDetailProjection, regionFiguresProjection], log);
  }, 120_000);

  afterAll(async () => {
    await events?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const documentsOf = (name: string) => folded.get(name)!.documents as Map<string, any>;

  it.each([3, 1000])('is built by the pump, %i events a batch, into the documents a fold of the same events gives', async (batchSize) => {
    const store = new InMemoryReadStore();
    const pump = new ProjectionPump(events, store, [regionFiguresProjection], { batchSize });
    await pump.catchUp();
    const stored = await store.list<unknown>(regionFiguresProjection.collection, { limit: 1_000_000 });
    const expected = [...documentsOf(regionFiguresProjection.name)].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(expected.filter(([id]) => id.startsWith('county:')).length).toBeGreaterThan(5);
    expect(stored.map((row) => [row.id, row.document])).toEqual(JSON.parse(JSON.stringify(expected)));
  }, 120_000);

  /** Every county, city and province of the log, and days before, through and after it. */
  function cases(): Array<{ code: string; today: CalendarDate }> {
    const stations = [...documentsOf(stationDetailProjection.name).values()] as StationDetail[];
    const codes = new Set(stations.flatMap((s) => [s.region.code.slice(0, 6), `${s.region.code.slice(0, 4)}00`, `${s.region.code.slice(0, 2)}0000`]));
    const days: CalendarDate[] = ['2023-12-31', '2024-01-01', '2024-03-15', '2024-12-31', '2025-01-01', '2025-02-10', '2025-07-01', '2025-12-31', '2026-11-24'];
    for (let day: CalendarDate = '2024-01-01'; day < '2026-01-01'; day = addDays(day, 37)) days.push(day);
    return [...codes].sort().flatMap((code) => days.map((today) => ({ code, today })));
  }

  it('answers, for every region and on every day, what the stations’ own read models give, and reads nothing else', async () => {
    const stations = [...documentsOf(stationDetailProjection.name).values()] as StationDetail[];
    const scorecards = stationScorecards(documentsOf(stationScorecardProjection.name) as Map<string, ScorecardMonth>);
    const workers = documentsOf(socialWorkerDetailProjection.name) as Map<string, SocialWorkerDetail>;
    const asked = new Set<string>();
    const clock = new FixedClock(new Date());
    const handler = new GetRegionRollupHandler(readModelsOver(documentsOf(regionFiguresProjection.name), asked), clock);
    const all = cases();
    let withWorkers = 0;
    let withCompliance = 0;
    for (const { code, today } of all) {
      clock.set(`${today}T12:00:00+08:00`);
      const { data } = (await handler.execute(new GetRegionRollupQuery(code, null))) as { data: Record<string, unknown> };
      const inRegion = stations.filter((s) => s.region.code.startsWith(code.replace(/(00)+$/, '')));
      const expected = { ...fromStationReadModels(code, inRegion, scorecards, workers, today), today };
      expect({ code, today, data }).toEqual({ code, today, data: expected });
      if ((expected.workers as number) > 0) withWorkers += 1;
      if (expected.staffingCompliance !== null && expected.staffingCompliance < 1) withCompliance += 1;
    }
    // The cases are not empty: workers present and staffing below the minimum on some days.
    expect(withWorkers).toBeGreaterThan(all.length / 2);
    expect(withCompliance).toBeGreaterThan(0);
    expect(asked).toEqual(new Set([regionFiguresProjection.name]));
  }, 120_000);
});

describe('the region-figures read model on the rarer facts', () => {
  let position = 0;
  const event = (type: string, streamId: string, data: Record<string, unknown>, recordedAt = '2025-03-01T10:00:00+08:00'): ProjectedEvent => {
    position += 1;
    return {
      streamId,
      type,
      data,
      metadata: { eventId: `e${position}`, actor: { userId: 'u', role: 'admin', orgId: 'org-op' }, occurredAt: recordedAt.slice(0, 10), recordedAt, correlationId: 'c', causationId: null },
      revision: 0,
      position: String(position).padStart(6, '0'),
    };
  };
  const region = (code: string, county: string) => ({ code, province: '山东省', city: '济南市', county });
  const station = (stationId: string, code: string, county: string) =>
    event('StationRegistered', `Station-${stationId}`, { stationId, name: stationId, kind: 'township', region: region(code, county), operatingModel: 'outsourced', villageCount: 3 });
  const worker = (socialWorkerId: string, certification = 'none') =>
    event('SocialWorkerRegistered', `SocialWorker-${socialWorkerId}`, { socialWorkerId, name: socialWorkerId, certification, socialWorkDegree: false });
  const assign = (socialWorkerId: string, stationId: string, contractId: string, from: CalendarDate) =>
    event('SocialWorkerAssigned', `SocialWorker-${socialWorkerId}`, { socialWorkerId, stationId, contractId, post: 'social_worker', from, operatorOrgId: 'org-op', purchaserOrgId: 'org-pu' });
  const ref = (assessmentId: string, stationId: string, period: { kind: string; from: CalendarDate; to: CalendarDate }, assessorKind = 'third_party') => ({
    assessmentId,
    evaluatorOrgId: 'org-ev',
    contractId: 'c1',
    stationId,
    period,
    assessorKind,
    rubricCode: 'jinan',
    rubricVersion: 1,
  });
  const score = (revision: number, total: number, grade: string) => ({ revision, total, rawTotal: total, grade, dimensions: [], scale: 100 });
  const annual = { kind: 'annual', from: '2025-01-01', to: '2025-12-31' };
  const june = { kind: 'monthly', from: '2025-06-01', to: '2025-06-30' };

  const log = [
    station('st-a', '370112001', '历城区'),
    station('st-b', '370112002', '历城区'),
    station('st-c', '370102001', '历下区'),
    station('st-d', '370112003', '历城区'),
    worker('w1'),
    worker('w2', 'assistant'),
    worker('w3'),
    event('ContractAwarded', 'Contract-c1', {
      contractId: 'c1',
      operatorOrgId: 'org-op',
      purchaserOrgId: 'org-pu',
      term: { start: '2025-01-01', end: '2025-12-31' },
      requirements: { minWorkersPerStation: 2 },
      stationIds: ['st-a', 'st-b', 'st-c'],
    }),
    assign('w1', 'st-a', 'c1', '2025-01-01'),
    assign('w2', 'st-a', 'c1', '2025-02-01'),
    assign('w3', 'st-c', 'c1', '2025-01-15'),
    // A worker assigned without ever being registered: a certificate of theirs does not count.
    assign('w9', 'st-b', 'c1', '2025-01-01'),
    event('SocialWorkerCertified', 'SocialWorker-w9', { socialWorkerId: 'w9', level: 'assistant', certificateNo: 'x9', on: '2025-02-01' }),
    // Certified after the assignment: counts in both counties it served in.
    event('SocialWorkerCertified', 'SocialWorker-w3', { socialWorkerId: 'w3', level: 'intermediate', certificateNo: 'x3', on: '2025-03-01' }),
    assign('w3', 'st-b', 'c1', '2025-04-01'),
    event('SocialWorkerDeparted', 'SocialWorker-w3', { socialWorkerId: 'w3', stationId: 'st-c', on: '2025-04-01', reason: 'moved' }),
    event('ContractAmended', 'Contract-c1', { contractId: 'c1', changes: { requirements: { minWorkersPerStation: 1 } }, reason: 'r', stationIds: ['st-a', 'st-b', 'st-c'], effectiveOn: '2025-05-01' }),
    // Scores: an annual that is then annulled (June's counts again), an amendment, a self-assessment that never counts.
    event('AssessmentFinalized', 'Assessment-a1', { ...ref('a1', 'st-a', june), score: score(1, 80, 'good') }, '2025-07-05T10:00:00+08:00'),
    event('AssessmentFinalized', 'Assessment-a2', { ...ref('a2', 'st-a', annual), score: score(1, 95, 'excellent') }, '2026-01-10T10:00:00+08:00'),
    event('AssessmentAnnulled', 'Assessment-a2', { ...ref('a2', 'st-a', annual), reason: 'conflicted', revision: 1 }, '2026-01-20T10:00:00+08:00'),
    event('AssessmentFinalized', 'Assessment-b1', { ...ref('b1', 'st-b', june), score: score(1, 58, 'fail') }, '2025-07-05T10:00:00+08:00'),
    event('AssessmentAmended', 'Assessment-b1', { ...ref('b1', 'st-b', june), score: score(2, 61.5, 'pass'), reason: 'r', scores: [], previous: [] }, '2025-08-01T10:00:00+08:00'),
    event('AssessmentAmended', 'Assessment-b1', { ...ref('b1', 'st-b', june), score: score(2, 61.5, 'pass'), reason: 'r', scores: [], previous: [] }, '2025-08-01T10:00:00+08:00'),
    event('AssessmentFinalized', 'Assessment-s1', { ...ref('s1', 'st-c', june, 'self'), score: score(1, 99, 'excellent') }, '2025-07-05T10:00:00+08:00'),
    event('StationClosed', 'Station-st-c', { stationId: 'st-c', on: '2025-09-01', reason: 'merged' }),
    event('ContractTerminated', 'Contract-c1', { contractId: 'c1', reason: 'r', effectiveOn: '2025-10-31', stationIds: ['st-a', 'st-b', 'st-c'] }),
    // Registered again under another county: it leaves the first one's figures.
    station('st-d', '370113001', '长清区'),
  ];

  it('answers what the stations’ own read models give, for each county and the city, on each day', async () => {
    const folded = foldProjections([stationDetailProjection, stationScorecardProjection, socialWorkerDetailProjection, regionFiguresProjection], log);
    const of = (name: string) => folded.get(name)!.documents as Map<string, any>;
    const stations = [...of(stationDetailProjection.name).values()] as StationDetail[];
    const scorecards = stationScorecards(of(stationScorecardProjection.name) as Map<string, ScorecardMonth>);
    const clock = new FixedClock(new Date());
    const handler = new GetRegionRollupHandler(readModelsOver(of(regionFiguresProjection.name), new Set()), clock);
    const answers: unknown[] = [];
    for (const code of ['370112', '370102', '370113', '370100', '370000']) {
      for (const today of ['2024-12-31', '2025-01-20', '2025-02-15', '2025-04-15', '2025-06-15', '2025-11-30', '2026-03-01']) {
        clock.set(`${today}T12:00:00+08:00`);
        const { data } = await handler.execute(new GetRegionRollupQuery(code, null));
        const inRegion = stations.filter((s) => s.region.code.startsWith(code.replace(/(00)+$/, '')));
        const expected = { ...fromStationReadModels(code, inRegion, scorecards, of(socialWorkerDetailProjection.name), today), today };
        expect({ code, today, data }).toEqual({ code, today, data: expected });
        answers.push(data);
      }
    }
    // The facts showed: June's 80 counts again once the annual was annulled, with the amendment's 61.5;
    // of st-a's w1, w2 and st-b's w9, w3, the certified are w2 and w3 (certified after being assigned), not w9.
    expect(answers).toContainEqual(
      expect.objectContaining({ code: '370112', today: '2025-06-15', meanScore: 70.75, stations: { total: 2, open: 2, closed: 0 }, workers: 4, certifiedWorkers: 2 }),
    );
    expect(answers).toContainEqual(expect.objectContaining({ code: '370113', name: '长清区', stations: { total: 1, open: 1, closed: 0 } }));
    expect(answers).toContainEqual(expect.objectContaining({ code: '370102', stations: { total: 1, open: 0, closed: 1 }, meanScore: null }));
  });
});
