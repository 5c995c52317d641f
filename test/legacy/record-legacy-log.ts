import { writeFileSync } from 'node:fs';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { ANNUAL_2026, eligibleContract, finalizedAssessment, scoredAssessment } from '../support/eligible-contract';
import { award, contractBody, created, creditCode, COUNTY, procurementOf, station, supervisorOf, THREE_ITEM_RUBRIC } from '../support/fixtures';
import { startTestApp } from '../support/test-app';

/**
 * Makes `legacy-log.json`: a log of every kind of record a rule spanning records looks at,
 * written through the HTTP API by the service as it was before reservation streams (commit
 * 67bc74e, the in-process locks). It is run in a checkout of that commit, not here:
 *
 *   git archive 67bc74e | tar -x -C /tmp/legacy && ln -s "$PWD/node_modules" /tmp/legacy/
 *   cp test/legacy/record-legacy-log.ts /tmp/legacy/test/legacy/
 *   (cd /tmp/legacy && LEGACY_LOG_OUT="$PWD/test/legacy/legacy-log.json" npx jest --testRegex 'record-legacy-log' test/legacy)
 */
describe('a log made under the in-process locks', () => {
  it('is written to LEGACY_LOG_OUT', async () => {
    const out = process.env.LEGACY_LOG_OUT;
    if (!out) throw new Error('LEGACY_LOG_OUT names the file to write');
    const t = await startTestApp();
    try {
      // A 2026 contract of one station, its workers, sessions, a training and the world rubric (clock: 2026-12-20 09:00).
      const c = await eligibleContract(t);
      const counted = await finalizedAssessment(t, c);
      const open = await scoredAssessment(t, c, { period: { kind: 'midterm', from: '2026-01-01', to: '2026-06-30' } });
      const purchaserCode = creditCode('11');
      const otherPurchaser = await created(t, '/organizations', { name: '历城区某街道办事处', kind: 'purchaser', creditCode: purchaserCode, region: COUNTY });

      // A session that runs past midnight into May, and one in March, of a supervisor of their own.
      const supervisorId = (await created(t, '/supervisors', { name: '周建国', tier: 'county', affiliation: 'independent' })).id;
      const supervisor = supervisorOf('org-none', supervisorId);
      const session = (heldOn: string, startTime: string) => ({
        contractId: c.contract,
        stationId: c.stations[0],
        superviseeIds: [c.workers[0]],
        heldOn,
        startTime,
        durationMinutes: 120,
        format: 'individual',
        functions: ['supportive'],
        topics: ['情绪支持'],
        summary: '个别督导',
        followUps: [],
      });
      const lateNight = await created(t, '/supervision-sessions', session('2026-04-30', '23:00'), supervisor);
      const afternoon = await created(t, '/supervision-sessions', session('2026-03-20', '14:00'), supervisor);

      // A closed station; a station whose contract was terminated on 1 July.
      const closedStation = await station(t, 2);
      await created(t, `/stations/${closedStation}/closure`, { on: '2026-06-30', reason: '乡镇区划调整' });
      const freedStation = await station(t, 3);
      const terminated = await award(t, contractBody({ purchaserOrgId: c.purchaser, operatorOrgId: c.operator, stationIds: [freedStation] }));
      await created(t, `/contracts/${terminated.id}/termination`, { reason: '承接机构退出', effectiveOn: '2026-07-01' }, procurementOf(c.purchaser));

      // An open review of the contract; a renewed contract, with its successor awarded.
      const openReview = await created(t, '/renewal-reviews', { contractId: c.contract, asOf: '2026-12-20' }, procurementOf(c.purchaser));
      const renewedStation = await station(t, 4);
      const renewed = await award(t, contractBody({ purchaserOrgId: c.purchaser, operatorOrgId: c.operator, stationIds: [renewedStation] }));
      const renewal = await created(t, '/renewal-reviews', { contractId: renewed.id, asOf: '2026-12-20' }, procurementOf(c.purchaser));
      const successor = { term: { start: '2027-01-01', end: '2027-12-31' }, budget: { totalCny: 600000, sources: [{ kind: 'fiscal', amountCny: 600000 }] } };
      await created(
        t,
        `/renewal-reviews/${renewal.id}/decision`,
        { decision: 'renew', overridesEligibility: true, justification: '街道无其他承接机构，暂续一年', successor },
        procurementOf(c.purchaser),
      );

      // Two versions of a rubric.
      await created(t, '/rubrics', THREE_ITEM_RUBRIC);
      await created(t, '/rubrics', { ...THREE_ITEM_RUBRIC, version: 2 });

      const events = await (t.app.get(EVENT_STORE) as EventStore).readAll(null, 1_000_000);
      const ids = {
        ...c,
        otherPurchaser: otherPurchaser.id,
        purchaserCode,
        countedAssessment: counted.id,
        openAssessment: open,
        annualPeriod: ANNUAL_2026,
        supervisorId,
        lateNightSession: lateNight.id,
        afternoonSession: afternoon.id,
        closedStation,
        freedStation,
        terminatedContract: terminated.id,
        openReview: openReview.id,
        renewedStation,
        renewedContract: renewed.id,
        rubricCode: THREE_ITEM_RUBRIC.code,
      };
      const log = events.map(({ streamId, type, storedSchemaVersion, data, metadata }) => ({ streamId, type, schemaVersion: storedSchemaVersion, data, metadata }));
      writeFileSync(out, `${JSON.stringify({ madeBy: 'commit 67bc74e (in-process locks)', ids, events: log }, null, 1)}\n`);
      expect(log.length).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
