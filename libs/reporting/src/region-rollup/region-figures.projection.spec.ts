import { foldProjections, ProjectedEvent } from '@sws/kernel';
import { measureDocuments } from '../testing/long-history';
import { regionFiguresProjection, StationFigures, stationFiguresId, stationFiguresPrefix } from './region-figures.projection';

/** Raw events shaped like those the deciders append, with uuid-sized ids so that sizes are realistic. */
function countyLog() {
  const log: ProjectedEvent[] = [];
  let serial = 0;
  const uuid = (kind: string) => `0190${kind.padEnd(4, '0').slice(0, 4)}-0000-7000-8000-${String((serial += 1)).padStart(12, '0')}`;
  const push = (type: string, streamId: string, data: Record<string, unknown>, on: string) => {
    log.push({
      streamId,
      type,
      data,
      metadata: { eventId: uuid('e'), actor: { userId: 'u', role: 'admin', orgId: 'org-op' }, occurredAt: on, recordedAt: `${on}T10:00:00+08:00`, correlationId: 'c', causationId: null },
      revision: 0,
      position: String(log.length + 1).padStart(8, '0'),
    });
  };
  const region = (county: string, n: number) => ({ code: `${county}${String(n).padStart(3, '0')}`, province: '山东省', city: '济南市', county: '历城区', township: `第${n}街道` });
  const register = (stationId: string, county: string, n: number, on = '2025-01-01') =>
    push('StationRegistered', `Station-${stationId}`, { stationId, name: `第${n}街道社工站`, kind: 'street', region: region(county, n), operatingModel: 'outsourced', villageCount: 8 }, on);
  const worker = (certification: string) => {
    const socialWorkerId = uuid('sw');
    push('SocialWorkerRegistered', `SocialWorker-${socialWorkerId}`, { socialWorkerId, name: '张三', certification, socialWorkDegree: false }, '2025-01-01');
    return socialWorkerId;
  };
  const assign = (socialWorkerId: string, stationId: string, contractId: string, from: string) =>
    push('SocialWorkerAssigned', `SocialWorker-${socialWorkerId}`, { socialWorkerId, stationId, contractId, post: 'resident', from, operatorOrgId: 'org-op', purchaserOrgId: 'org-pu' }, from);
  const award = (contractId: string, stationIds: string[], year: number) =>
    push('ContractAwarded', `Contract-${contractId}`, {
      contractId,
      operatorOrgId: 'org-op',
      purchaserOrgId: 'org-pu',
      term: { start: `${year}-01-01`, end: `${year}-12-31` },
      requirements: { minWorkersPerStation: 2 },
      stationIds,
    }, `${year}-01-01`);
  const finalize = (stationId: string, contractId: string, year: number) => {
    const assessmentId = uuid('a');
    const period = { kind: 'annual', from: `${year}-01-01`, to: `${year}-12-31` };
    push('AssessmentFinalized', `Assessment-${assessmentId}`, {
      assessmentId, evaluatorOrgId: 'org-ev', contractId, stationId, period, assessorKind: 'third_party', rubricCode: 'jinan', rubricVersion: 1,
      score: { revision: 1, total: 82.5, rawTotal: 82.5, grade: 'good', dimensions: [], scale: 100 },
    }, `${year + 1}-01-15`);
  };
  return { log, uuid, register, worker, assign, award, finalize, push };
}

/**
 * One county of `stations` stations over three years: each a yearly contract of its own, three
 * workers assigned each year (one certified), one leaving, an annual third-party score; then, at
 * the end, one more station registered, a worker assigned to it and certified, a station closed.
 */
function countyHistory(stations: number) {
  const h = countyLog();
  const county = '370112';
  const ids = Array.from({ length: stations }, (_, n) => {
    const stationId = h.uuid('st');
    h.register(stationId, county, n + 1);
    return stationId;
  });
  const people = ids.map(() => [h.worker('assistant'), h.worker('none'), h.worker('none')]);
  for (let year = 2025; year < 2028; year++) {
    ids.forEach((stationId, i) => {
      const contractId = h.uuid('c');
      h.award(contractId, [stationId], year);
      for (const w of people[i]) h.assign(w, stationId, contractId, `${year}-01-01`);
      h.push('SocialWorkerDeparted', `SocialWorker-${people[i][2]}`, { socialWorkerId: people[i][2], stationId, on: `${year}-09-01`, reason: 'moved' }, `${year}-09-01`);
      h.finalize(stationId, contractId, year);
    });
  }
  const before = h.log.length;
  const last = h.uuid('st');
  h.register(last, county, stations + 1, '2028-01-01');
  const contractId = h.uuid('c');
  h.award(contractId, [last], 2028);
  const newcomer = h.worker('none');
  h.assign(newcomer, last, contractId, '2028-01-02');
  h.push('SocialWorkerCertified', `SocialWorker-${newcomer}`, { socialWorkerId: newcomer, level: 'assistant', certificateNo: 'x1', on: '2028-02-01' }, '2028-02-01');
  h.push('SocialWorkerCertified', `SocialWorker-${people[0][1]}`, { socialWorkerId: people[0][1], level: 'assistant', certificateNo: 'x2', on: '2028-02-01' }, '2028-02-01');
  h.push('StationClosed', `Station-${ids[0]}`, { stationId: ids[0], on: '2028-03-01', reason: 'merged' }, '2028-03-01');
  return { log: h.log, ending: new Set(h.log.slice(before).map((e) => e.type)), county, ids, last, newcomer };
}

/** The largest region-figures document an event of `types` rewrote. */
const largestWritten = (log: readonly ProjectedEvent[], types: ReadonlySet<string>) =>
  measureDocuments([regionFiguresProjection], log, types).find((s) => s.collection === regionFiguresProjection.collection)!.largestWritten;

describe('the region-figures read model, one document a station', () => {
  const small = countyHistory(10);
  const large = countyHistory(200);

  it('rewrites no document of more than 4 KB, and none larger in a county of 200 stations than in one of 10', () => {
    const types = new Set(regionFiguresProjection.handles);
    const inSmall = largestWritten(small.log, types);
    const inLarge = largestWritten(large.log, types);
    expect(inLarge).toBeLessThanOrEqual(4 * 1024);
    expect(inLarge).toBe(inSmall);
    // The last events alone (a registration, an award, an assignment, certificates, a closure) in the large county.
    expect(largestWritten(large.log, large.ending)).toBeLessThanOrEqual(4 * 1024);
    expect([...large.ending]).toEqual(expect.arrayContaining(['StationRegistered', 'ContractAwarded', 'SocialWorkerAssigned', 'SocialWorkerCertified', 'StationClosed']));
  });

  it('keeps each station under its county’s prefix, with its certified workers', () => {
    const documents = foldProjections([regionFiguresProjection], large.log).get(regionFiguresProjection.name)!.documents as Map<string, unknown>;
    const figures = [...documents.keys()].filter((id) => id.startsWith(stationFiguresPrefix(large.county))).sort();
    expect(figures).toEqual([...large.ids, large.last].map((id) => stationFiguresId(large.county, id)).sort());
    const last = documents.get(stationFiguresId(large.county, large.last)) as StationFigures;
    expect(last.certified).toEqual([large.newcomer]);
    expect(last.spans.map((s) => s.socialWorkerId)).toEqual([large.newcomer]);
    // A certificate reaches every station the worker served at; a closure only its station.
    const first = documents.get(stationFiguresId(large.county, large.ids[0])) as StationFigures;
    expect(first.certified).toHaveLength(2);
    expect(first.closed).toBe(true);
    expect((documents.get(stationFiguresId(large.county, large.ids[1])) as StationFigures).certified).toHaveLength(1);
    // A city's prefix takes in its counties' stations; a county's does not take in another county whose code extends it.
    expect(stationFiguresPrefix('3701')).toBe('county:3701');
    expect(stationFiguresPrefix('370112')).toBe('county:370112/');
  });

  it('deletes the figures a station leaves when it is registered again in another county', () => {
    const h = countyLog();
    h.register('st-a', '370112', 1);
    h.register('st-b', '370112', 2);
    h.register('st-a', '370113', 1, '2025-06-01');
    const documents = foldProjections([regionFiguresProjection], h.log).get(regionFiguresProjection.name)!.documents as Map<string, unknown>;
    const figures = [...documents.keys()].filter((id) => id.startsWith('county:')).sort();
    expect(figures).toEqual([stationFiguresId('370112', 'st-b'), stationFiguresId('370113', 'st-a')]);
    expect(documents.get('station:st-a')).toEqual({ county: '370113' });
  });
});
