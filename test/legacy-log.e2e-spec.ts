import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@sws/event-store';
import { EventMetadata } from '@sws/kernel';
import { eventTypeRegistry } from '../apps/api/src/infrastructure/stores';
import { refused } from './support/eligible-contract';
import { ADMIN, contractBody, created, COUNTY, evaluatorOf, procurementOf, supervisorOf, THREE_ITEM_RUBRIC } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import legacy from './legacy/legacy-log.json';

/**
 * A log written by the service before reservation streams existed (test/legacy/record-legacy-log.ts,
 * run on commit 67bc74e): its records have no claims. The first write to a key opens the key's
 * stream with what those records hold, read from the rule's read model, so every rule holds
 * against them; a refused command appends nothing, the opening included.
 */
describe('a log made before reservation streams', () => {
  let t: TestApp;
  let dataDir: string;
  const ids = legacy.ids;
  const procurement = () => procurementOf(ids.purchaser);
  const events = (): EventStore => t.app.get(EVENT_STORE);

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sws-legacy-'));
    const log = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    const revisions = new Map<string, number>();
    for (const { streamId, type, data, metadata } of legacy.events) {
      const revision = revisions.get(streamId);
      await log.append(streamId, [{ type, data, metadata: metadata as EventMetadata }], revision ?? 'no_stream');
      revisions.set(streamId, (revision ?? -1) + 1);
    }
    await log.close();
    t = await startTestApp({ dataDir, now: '2026-12-21T10:00:00+08:00' });
  });

  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const awardOf = (stationId: string, term = { start: '2026-01-01', end: '2026-12-31' }) =>
    contractBody({ purchaserOrgId: ids.purchaser, operatorOrgId: ids.operator, stationIds: [stationId] }, { term });

  it('keeps a station in the contract that held it, refuses a closed one, and frees days a termination freed', async () => {
    const station = ids.stations[0];
    const clash = await refused(t, '/contracts', awardOf(station, { start: '2026-06-01', end: '2027-05-31' }), procurement(), 422, 'STATION_ALREADY_CONTRACTED');
    expect(clash.details.contractId).toBe(ids.contract);
    expect(await events().readStream(`StationCommitment-${station}`)).toEqual([]);
    await refused(t, '/contracts', awardOf(ids.closedStation), procurement(), 422, 'STATION_CLOSED');
    const successor = await refused(t, '/contracts', awardOf(ids.renewedStation, { start: '2027-03-01', end: '2027-12-31' }), procurement(), 422, 'STATION_ALREADY_CONTRACTED');
    expect(successor.details.contractId).not.toBe(ids.renewedContract);

    await created(t, '/contracts', awardOf(ids.freedStation, { start: '2026-07-01', end: '2027-06-30' }), procurement());
    await created(t, '/contracts', awardOf(station, { start: '2027-01-01', end: '2027-12-31' }), procurement());
    // The key opened with what the older records hold, in the same append as the claim.
    const [opened, claim] = await events().readStream(`StationCommitment-${station}`);
    expect({ opened: opened.type, claim: claim.type, revisions: [opened.revision, claim.revision] }).toEqual({
      opened: 'StationCommitmentLedgerOpened',
      claim: 'StationCommitmentReserved',
      revisions: [0, 1],
    });
    expect(opened.data).toEqual({ entries: [{ recordStreamId: `Contract-${ids.contract}`, value: { kind: 'contract', contractId: ids.contract, start: '2026-01-01', end: '2026-12-31' } }] });
    expect(opened.position).not.toBe(claim.position);
  });

  it('keeps one open or counting assessment per station and period', async () => {
    const start = (period: object) => ({ contractId: ids.contract, stationId: ids.stations[0], period, assessorKind: 'third_party', rubricCode: 'world-check', rubricVersion: 1 });
    const evaluator = evaluatorOf(ids.evaluator);
    const finalized = await refused(t, '/assessments', start(ids.annualPeriod), evaluator, 422, 'ASSESSMENT_ALREADY_FINALIZED');
    expect(finalized.details.assessmentId).toBe(ids.countedAssessment);
    const open = await refused(t, '/assessments', start({ kind: 'midterm', from: '2026-03-01', to: '2026-06-30' }), evaluator, 422, 'ASSESSMENT_ALREADY_OPEN');
    expect(open.details.assessmentId).toBe(ids.openAssessment);
    await created(t, `/assessments/${ids.openAssessment}/withdrawal`, { reason: '评估周期调整' }, evaluator);
    await created(t, '/assessments', start({ kind: 'midterm', from: '2026-03-01', to: '2026-06-30' }), evaluator);
  });

  it('keeps one open review per contract, and none of a renewed one', async () => {
    const open = await refused(t, '/renewal-reviews', { contractId: ids.contract, asOf: '2026-12-21' }, procurement(), 422, 'REVIEW_ALREADY_OPEN');
    expect(open.details.openReviewId).toBe(ids.openReview);
    await refused(t, '/renewal-reviews', { contractId: ids.renewedContract, asOf: '2026-12-21' }, procurement(), 422, 'ALREADY_RENEWED');
  });

  it('keeps a supervisor’s sessions apart, a session that ran past midnight into May included', async () => {
    const supervisor = supervisorOf('org-none', ids.supervisorId);
    const session = (heldOn: string, startTime: string) => ({
      contractId: ids.contract,
      stationId: ids.stations[0],
      superviseeIds: [ids.workers[0]],
      heldOn,
      startTime,
      durationMinutes: 60,
      format: 'individual',
      functions: ['supportive'],
      topics: ['情绪支持'],
      summary: '个别督导',
      followUps: [],
    });
    expect((await refused(t, '/supervision-sessions', session('2026-05-01', '00:30'), supervisor, 422, 'SESSION_OVERLAPS')).details.sessionId).toBe(ids.lateNightSession);
    expect((await refused(t, '/supervision-sessions', session('2026-03-20', '15:30'), supervisor, 422, 'SESSION_OVERLAPS')).details.sessionId).toBe(ids.afternoonSession);
    await created(t, '/supervision-sessions', session('2026-05-01', '01:00'), supervisor);
  });

  it('keeps a credit code its organization’s, and rubric versions in order', async () => {
    const taken = await refused(t, '/organizations', { name: '另一街道办事处', kind: 'purchaser', creditCode: ids.purchaserCode, region: COUNTY }, ADMIN, 422, 'CREDIT_CODE_TAKEN');
    expect(taken.details.organizationId).toBe(ids.otherPurchaser);
    await refused(t, '/rubrics', { ...THREE_ITEM_RUBRIC, version: 4 }, ADMIN, 422, 'VERSION_NOT_NEXT');
    await created(t, '/rubrics', { ...THREE_ITEM_RUBRIC, version: 3 });
  });
});
