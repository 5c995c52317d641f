import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sws/event-store';
import { ReservationIntent } from '@sws/kernel';
import { Principal } from '../apps/api/src/auth/principal';
import { appendFaults } from './support/append-faults';
import { ADMIN, contractBody, created, creditCode, COUNTY, organization, procurementOf, station } from './support/fixtures';
import { slowAppends } from './support/slow-appends';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Rules that span records hold by reservation streams: a write claims its keys, then appends its
 * record. These tests stop a write between the two (a store that fails or holds the second
 * append) and check that the claim's record is written exactly once, by the next command that
 * meets it or at the next start, or that the claim is given up, and never that two writes the
 * rule forbids together both stand.
 */
describe('reservation streams', () => {
  let t: TestApp;
  let dataDir: string;
  let purchaserOrgId: string;
  let operatorOrgId: string;
  const faults = appendFaults();

  const procurement = (): Principal => procurementOf(purchaserOrgId);
  const events = (): EventStore => t.app.get(EVENT_STORE);
  const toContract = (streamId: string) => streamId.startsWith('Contract-');

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sws-reservations-'));
    t = await startTestApp({ dataDir, eventStore: faults.wrap });
    purchaserOrgId = await organization(t, 'purchaser', '历城区民政局');
    operatorOrgId = await organization(t, 'operator', '历城区阳光社会工作服务中心');
  });

  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The intents claimed at a key, oldest first. */
  async function claimsAt(key: string): Promise<ReservationIntent[]> {
    return (await events().readStream(key)).filter((e) => e.type.endsWith('Reserved')).map((e) => (e.data as { intent: ReservationIntent }).intent);
  }

  /** The stream's events once a restarted service has written them. */
  async function written(streamId: string): Promise<RecordedEvent[]> {
    for (let tries = 0; tries < 200; tries++) {
      const found = await events().readStream(streamId);
      if (found.length > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${streamId} was not written`);
  }

  const awardOf = (stationIds: string[], term = { start: '2026-01-01', end: '2026-12-31' }) =>
    contractBody({ purchaserOrgId, operatorOrgId, stationIds }, { term });

  async function refusedAward(stationIds: string[], term?: { start: string; end: string }) {
    const response = await t.as(procurement()).post('/contracts').send(awardOf(stationIds, term));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'STATION_ALREADY_CONTRACTED' });
    return response.body;
  }

  /** An award whose claim is stored and whose record is not: the process stopped between the two appends. */
  async function interruptedAward(stationIds: string[], failing: (streamId: string) => boolean = toContract) {
    faults.failNext(failing);
    const interrupted = await t.as(procurement()).post('/contracts').send(awardOf(stationIds));
    expect(interrupted.status).toBe(500);
    // Claims go in key order: the first key holds it whichever later append failed.
    const [intent] = await claimsAt(stationIds.map((s) => `StationCommitment-${s}`).sort()[0]);
    const record = intent.appends[0];
    expect(await events().readStream(record.streamId)).toEqual([]);
    return { intent, record };
  }

  const ids = (stored: readonly RecordedEvent[]) => stored.map((e) => e.metadata.eventId);

  describe('a write stopped between its claim and its record', () => {
    it('is written at the next start, with the event ids its claim carries, and the rule holds', async () => {
      const stationId = await station(t);
      const { record } = await interruptedAward([stationId]);
      await t.close();
      t = await startTestApp({ dataDir });
      const stored = await written(record.streamId);
      expect(ids(stored)).toEqual(record.events.map((e) => e.metadata.eventId));
      const refusal = await refusedAward([stationId], { start: '2026-06-01', end: '2027-05-31' });
      expect(refusal.details.contractId).toBe(record.streamId.slice('Contract-'.length));
    });

    it('is written by the next command that meets its claim, which then judges by it', async () => {
      const stationId = await station(t);
      const { record } = await interruptedAward([stationId]);
      const refusal = await refusedAward([stationId]);
      expect(refusal.details.contractId).toBe(record.streamId.slice('Contract-'.length));
      expect(ids(await events().readStream(record.streamId))).toEqual(record.events.map((e) => e.metadata.eventId));
    });

    it('holding only some of its keys, is carried on at the next start when nothing stands in its way', async () => {
      const stations = [await station(t, 1), await station(t, 2)];
      const [first, home] = stations.map((s) => `StationCommitment-${s}`).sort();
      const { record } = await interruptedAward(stations, (streamId) => streamId === home);
      expect(await claimsAt(home)).toEqual([]);
      await t.close();
      t = await startTestApp({ dataDir });
      const stored = await written(record.streamId);
      expect((stored[0].data as { stationIds: string[] }).stationIds.sort()).toEqual([...stations].sort());
      expect((await claimsAt(first)).length).toBe(1);
      expect((await claimsAt(home)).length).toBe(1);
    });

    it('holding only some of its keys, is given up when another write took the rest, and frees what it held', async () => {
      const stations = [await station(t, 1), await station(t, 2)];
      const [firstKey, homeKey] = stations.map((s) => `StationCommitment-${s}`).sort();
      const [firstStation, homeStation] = [firstKey, homeKey].map((key) => key.slice('StationCommitment-'.length));
      const { intent, record } = await interruptedAward(stations, (streamId) => streamId === homeKey);
      // The home station's key never heard of the interrupted award: another contract takes it.
      await created(t, '/contracts', awardOf([homeStation]), procurement());
      // The next award of the first station meets the interrupted claim, finds it can never be completed, and takes the station.
      await created(t, '/contracts', awardOf([firstStation]), procurement());
      expect(await events().readStream(record.streamId)).toEqual([]);
      // It was given up where it is decided, its home key (the settlement also says the rival's award there is written).
      const settled = (await events().readStream(homeKey)).filter((e) => e.type === 'StationCommitmentsSettled');
      expect(settled.flatMap((e) => (e.data as { settled: { intents: unknown[] } }).settled.intents)).toContainEqual({ intentId: intent.intentId, outcome: 'void' });
    });

    it('sent again with its Idempotency-Key after its first attempt was given up, is decided afresh', async () => {
      const stations = [await station(t, 1), await station(t, 2)];
      const [firstKey, homeKey] = stations.map((s) => `StationCommitment-${s}`).sort();
      const [firstStation, homeStation] = [firstKey, homeKey].map((key) => key.slice('StationCommitment-'.length));
      const body = awardOf(stations);
      faults.failNext((streamId) => streamId === homeKey);
      expect((await t.as(procurement()).post('/contracts').set('Idempotency-Key', 'award-1').send(body)).status).toBe(500);
      const [intent] = await claimsAt(firstKey);
      // A rival takes the home station; an award of the first station for 2027 meets the interrupted claim and gives it up.
      const rival = await created(t, '/contracts', awardOf([homeStation]), procurement());
      await created(t, '/contracts', awardOf([firstStation], { start: '2027-01-01', end: '2027-12-31' }), procurement());
      await created(t, `/contracts/${rival.id}/termination`, { reason: '未履约', effectiveOn: '2026-01-01' }, procurement());
      // The retry cannot carry the given-up intent on: it claims again with ids of its own, for the same contract.
      const retried = await t.as(procurement()).post('/contracts').set('Idempotency-Key', 'award-1').send(body);
      expect(retried.status).toBe(201);
      expect(`Contract-${retried.body.id}`).toBe(intent.appends[0].streamId);
      const stored = await events().readStream(intent.appends[0].streamId);
      expect(stored.map((e) => e.type)).toEqual(['ContractAwarded']);
      expect(stored[0].metadata.eventId).not.toBe(intent.intentId);
      const again = await t.as(procurement()).post('/contracts').set('Idempotency-Key', 'award-1').send(body);
      expect(again.body).toEqual(retried.body);
    });

    it('whose record changed meanwhile can never be written: it is void, and frees what it claimed', async () => {
      const stationId = await station(t);
      const contract = await created(t, '/contracts', awardOf([stationId]), procurement());
      faults.failNext(toContract);
      const extension = await t.as(procurement()).post(`/contracts/${contract.id}/amendments`).send({ reason: '延长服务期', termEnd: '2027-06-30', effectiveOn: '2026-11-01' });
      expect(extension.status).toBe(500);
      // The contract moves on without the extension: it is terminated.
      await created(t, `/contracts/${contract.id}/termination`, { reason: '承接机构退出', effectiveOn: '2026-10-01' }, procurement());
      // The days the lost extension claimed are free.
      await created(t, '/contracts', awardOf([stationId], { start: '2027-01-01', end: '2027-12-31' }), procurement());
      const history = await events().readStream(`Contract-${contract.id}`);
      expect(history.map((e) => e.type)).toEqual(['ContractAwarded', 'ContractTerminated']);
    });
  });

  it('lets a slow writer and a command that meets its claim agree: one record, the slow writer’s answer, the other refused', async () => {
    const stationId = await station(t);
    const held = faults.holdNext(toContract);
    const slow = t.as(procurement()).post('/contracts').send(awardOf([stationId])).then((response) => response);
    await held.reached;
    // The slow writer has claimed the station and not written its contract yet.
    const [intent] = await claimsAt(`StationCommitment-${stationId}`);
    const refusal = await refusedAward([stationId]);
    expect(refusal.details.contractId).toBe(intent.appends[0].streamId.slice('Contract-'.length));
    held.release();
    const answer = await slow;
    expect(answer.status).toBe(201);
    const stored = await events().readStream(intent.appends[0].streamId);
    expect(stored.map((e) => e.type)).toEqual(['ContractAwarded']);
    expect({ id: answer.body.id, revision: answer.body.revision, position: answer.body.position }).toEqual({
      id: intent.appends[0].streamId.slice('Contract-'.length),
      revision: 0,
      position: stored[0].position,
    });
  });

  it('keeps an award that claimed the station before its closure ahead of it in the log, however slowly it writes', async () => {
    const stationId = await station(t);
    const held = faults.holdNext(toContract);
    const slow = t.as(procurement()).post('/contracts').send(awardOf([stationId])).then((response) => response);
    await held.reached;
    // The closure meets the award's claim and writes the award first: the award was decided on an open station.
    const closure = await created(t, `/stations/${stationId}/closure`, { on: '2026-06-30', reason: '乡镇区划调整' });
    held.release();
    const award = await slow;
    expect(award.status).toBe(201);
    expect(Number(award.body.position)).toBeLessThan(Number(closure.position));
    await expect(t.as(procurement()).post('/contracts').send(awardOf([stationId], { start: '2027-01-01', end: '2027-12-31' }))).resolves.toMatchObject({
      status: 422,
      body: { code: 'STATION_CLOSED' },
    });
  });

  it('shows a key’s reservation stream to the administrator only', async () => {
    const stationId = await station(t);
    await created(t, '/contracts', awardOf([stationId]), procurement());
    const history = await t.as(ADMIN).get(`/streams/StationCommitment-${stationId}/events`);
    expect({ status: history.status, types: history.body.events.map((e: { type: string }) => e.type) }).toEqual({ status: 200, types: ['StationCommitmentReserved'] });
    expect((await t.as(procurement()).get(`/streams/StationCommitment-${stationId}/events`)).status).toBe(403);
    expect((await t.as(ADMIN).get(`/streams/StationCommitment-${await station(t, 2)}/events`)).status).toBe(404);
  });

  describe('writes at the same moment (a store slow enough for them to interleave)', () => {
    const slow = slowAppends();

    beforeEach(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
      dataDir = mkdtempSync(join(tmpdir(), 'sws-reservations-'));
      slow.on = false;
      t = await startTestApp({ dataDir, eventStore: slow.wrap });
      purchaserOrgId = await organization(t, 'purchaser', '历城区民政局');
      operatorOrgId = await organization(t, 'operator', '历城区阳光社会工作服务中心');
    });

    it('registers one of several organizations giving one credit code', async () => {
      const code = creditCode('52');
      slow.on = true;
      const answers = await Promise.all(
        ['甲', '乙', '丙', '丁'].map((name) =>
          t.as(ADMIN).post('/organizations').send({ name: `${name}社会工作服务中心`, kind: 'operator', creditCode: code, region: COUNTY }),
        ),
      );
      slow.on = false;
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422]);
      expect(answers.filter((a) => a.status === 422).map((a) => a.body.code)).toEqual(['CREDIT_CODE_TAKEN', 'CREDIT_CODE_TAKEN', 'CREDIT_CODE_TAKEN']);
    });
  });
});
