import { foldProjections, ProjectedEvent, Projection } from '@sws/kernel';

/**
 * A log being written as the deciders would: uuid-sized ids, each stream's revisions from 0, and
 * an event recorded at noon of its business day unless `recordedAt` says when.
 */
function eventLog() {
  const log: ProjectedEvent[] = [];
  let serial = 0;
  const uuid = (kind: string) => `0190${kind.padEnd(4, '0').slice(0, 4)}-0000-7000-8000-${String((serial += 1)).padStart(12, '0')}`;
  const revisions = new Map<string, number>();
  const push = (streamId: string, type: string, data: object, occurredAt: string, recordedAt = `${occurredAt}T12:00:00+08:00`) => {
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    log.push({
      streamId,
      type,
      data,
      metadata: { eventId: uuid('e'), actor: { userId: 'u-supervisor', role: 'supervisor', orgId: 'org-operator' }, occurredAt, recordedAt, correlationId: 'c', causationId: null },
      revision,
      position: String(log.length + 1),
    });
  };
  return { log, uuid, push };
}

/**
 * A long history of one station, as raw events shaped like those the deciders append: a yearly
 * contract renewed for `years` years, `workers` workers assigned under each, every month one
 * group session with all of them and one individual session each (all attested), a training
 * every quarter with an effectiveness score for everyone, and an assessment started each month.
 * Ids are uuid-sized, texts as long as a supervisor writes them, so document sizes are realistic.
 */
export function longStationHistory(options: { years?: number; workers?: number; firstYear?: number } = {}): ProjectedEvent[] {
  const { years = 5, workers: workerCount = 8, firstYear = 2026 } = options;
  const { log, uuid, push } = eventLog();
  const stationId = uuid('st');
  const supervisorId = uuid('sup');
  const workers = Array.from({ length: workerCount }, () => uuid('sw'));
  const summary = '本次督导围绕个案服务中的需求评估与服务计划展开，督导者结合社工提交的记录，逐一讨论了评估的完整性、目标设定的可测量性以及资源链接的可行性，并就家庭探访中的安全与伦理问题给予了具体建议。';
  let predecessor: string | undefined;
  for (let y = firstYear; y < firstYear + years; y++) {
    const contractId = uuid('c');
    push(`Contract-${contractId}`, 'ContractAwarded', {
      contractId,
      purchaserOrgId: 'org-bureau',
      operatorOrgId: 'org-operator',
      stationIds: [stationId],
      term: { start: `${y}-01-01`, end: `${y}-12-31` },
      ...(predecessor ? { predecessorContractId: predecessor } : {}),
    }, `${y}-01-01`);
    predecessor = contractId;
    for (const socialWorkerId of workers) {
      push(`SocialWorker-${socialWorkerId}`, 'SocialWorkerAssigned', {
        socialWorkerId, contractId, stationId, post: 'resident', from: `${y}-01-01`, operatorOrgId: 'org-operator', purchaserOrgId: 'org-bureau',
      }, `${y}-01-01`);
    }
    for (let m = 1; m <= 12; m++) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      const session = (superviseeIds: readonly string[], day: string, startTime: string) => {
        const sessionId = uuid('ss');
        const heldOn = `${month}-${day}`;
        const data = {
          sessionId, supervisorId, contractId, stationId, superviseeIds, heldOn, startTime,
          durationMinutes: superviseeIds.length > 1 ? 120 : 60,
          format: superviseeIds.length > 1 ? 'group' : 'individual',
          functions: ['educational', 'supportive'],
          topics: ['需求评估', '服务计划', '伦理议题'],
          summary,
          followUps: ['补充家庭探访记录', '下月提交服务计划修订稿'],
          loggedOn: heldOn,
          late: false,
        };
        push(`SupervisionSession-${sessionId}`, 'SupervisionSessionLogged', data, heldOn);
        for (const socialWorkerId of superviseeIds) {
          push(`SupervisionSession-${sessionId}`, 'SupervisionSessionAttested', { sessionId, supervisorId, socialWorkerId, heldOn }, heldOn);
        }
      };
      session(workers, '05', '09:00');
      workers.forEach((w, i) => session([w], String(10 + i).padStart(2, '0'), '14:00'));
      push(`Assessment-${uuid('a')}`, 'AssessmentStarted', { contractId, stationId, evaluatorOrgId: 'org-evaluator', operatorOrgId: 'org-operator' }, `${month}-28`);
      if (m % 3 === 0) {
        const trainingId = uuid('t');
        const heldOn = `${month}-20`;
        push(`Training-${trainingId}`, 'TrainingAttendanceRecorded', { trainingId, title: `${y}年第${m / 3}季度在职培训：个案管理实务`, kind: 'in_service', heldOn, socialWorkerIds: workers, hoursCredited: 6 }, heldOn);
        for (const socialWorkerId of workers) {
          push(`Training-${trainingId}`, 'TrainingEffectivenessAssessed', { trainingId, kind: 'in_service', heldOn, socialWorkerId, score: 85, method: '前后测' }, heldOn);
        }
      }
    }
  }
  return log;
}

export interface DocumentSizes {
  readonly collection: string;
  /** The largest document any event of the given types wrote, in bytes of JSON. */
  readonly largestWritten: number;
  /** The largest document at the end. */
  readonly largest: number;
  readonly documents: number;
  readonly bytes: number;
}

/**
 * Folds the log event by event and measures, per collection, the largest document an event of
 * `types` rewrote (what one such command stringifies and parses again), and the documents left at the end.
 */
export function measureDocuments(projections: readonly Projection<any>[], log: readonly ProjectedEvent[], types: ReadonlySet<string>): DocumentSizes[] {
  const documents = new Map(projections.map((p) => [p.collection, new Map<string, unknown>()]));
  const largestWritten = new Map(projections.map((p) => [p.collection, 0]));
  for (const event of log) {
    for (const projection of projections) {
      if (!projection.handles.includes(event.type)) continue;
      const collection = documents.get(projection.collection)!;
      const lookedUp = projection.lookups ? (id: string) => (collection.get(id) ?? null) : undefined;
      for (const id of projection.documentIds(event, lookedUp)) {
        const next = projection.evolve(collection.get(id) ?? null, event, lookedUp && { id, lookedUp });
        if (next === null) collection.delete(id);
        else {
          collection.set(id, next);
          if (types.has(event.type)) largestWritten.set(projection.collection, Math.max(largestWritten.get(projection.collection)!, Buffer.byteLength(JSON.stringify(next))));
        }
      }
    }
  }
  return projections.map((p) => {
    const sizes = [...documents.get(p.collection)!.values()].map((d) => Buffer.byteLength(JSON.stringify(d)));
    return {
      collection: p.collection,
      largestWritten: largestWritten.get(p.collection)!,
      largest: Math.max(0, ...sizes),
      documents: sizes.length,
      bytes: sizes.reduce((a, b) => a + b, 0),
    };
  });
}

/** Checks `measureDocuments` against the kernel's own fold: the same documents at the end. */
export function foldedCount(projections: readonly Projection<any>[], log: readonly ProjectedEvent[]): Record<string, number> {
  const folded = foldProjections(projections, log);
  return Object.fromEntries([...folded.entries()].map(([name, model]) => [name, model.documents.size]));
}

/**
 * One busy month of one contract, as raw events shaped like the deciders': `workers` workers at
 * `stations` stations, each worker in `sessionsEach` individual sessions (attested) spread over
 * `supervisors` supervisors, all recorded the same day. However many sessions a contract's month
 * holds, no document one of them rewrites should grow with their number.
 */
export function busyContractMonth(options: { workers?: number; stations?: number; sessionsEach?: number; supervisors?: number } = {}): ProjectedEvent[] {
  const { workers: workerCount = 40, stations: stationCount = 4, sessionsEach = 5, supervisors: supervisorCount = 20 } = options;
  const { log, uuid, push: pushAt } = eventLog();
  const push = (streamId: string, type: string, data: object, occurredAt: string) => pushAt(streamId, type, data, occurredAt, '2026-03-31T12:00:00+08:00');
  const contractId = uuid('c');
  const stationIds = Array.from({ length: stationCount }, () => uuid('st'));
  const supervisorIds = Array.from({ length: supervisorCount }, () => uuid('sup'));
  const workers = Array.from({ length: workerCount }, (_, i) => ({ socialWorkerId: uuid('sw'), stationId: stationIds[i % stationCount]! }));
  push(`Contract-${contractId}`, 'ContractAwarded', {
    contractId, purchaserOrgId: 'org-bureau', operatorOrgId: 'org-operator', stationIds, term: { start: '2026-01-01', end: '2026-12-31' },
  }, '2026-01-01');
  for (const { socialWorkerId, stationId } of workers) {
    push(`SocialWorker-${socialWorkerId}`, 'SocialWorkerAssigned', {
      socialWorkerId, contractId, stationId, post: 'resident', from: '2026-01-01', operatorOrgId: 'org-operator', purchaserOrgId: 'org-bureau',
    }, '2026-01-01');
  }
  let n = 0;
  for (let round = 0; round < sessionsEach; round++) {
    for (const { socialWorkerId, stationId } of workers) {
      const sessionId = uuid('ss');
      const supervisorId = supervisorIds[n % supervisorCount]!;
      const heldOn = `2026-03-${String(2 + Math.floor(n / supervisorCount) % 27).padStart(2, '0')}`;
      const startTime = `${String(8 + (Math.floor(n / (supervisorCount * 27)) % 8)).padStart(2, '0')}:00`;
      n += 1;
      push(`SupervisionSession-${sessionId}`, 'SupervisionSessionLogged', {
        sessionId, supervisorId, contractId, stationId, superviseeIds: [socialWorkerId], heldOn, startTime, durationMinutes: 60,
        format: 'individual', functions: ['educational'], topics: ['个案督导'], summary: '督导记录', followUps: [], loggedOn: heldOn, late: false,
      }, heldOn);
      push(`SupervisionSession-${sessionId}`, 'SupervisionSessionAttested', { sessionId, supervisorId, socialWorkerId, heldOn }, heldOn);
    }
  }
  return log;
}
