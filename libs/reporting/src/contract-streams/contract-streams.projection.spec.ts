import { foldProjections, ProjectedEvent } from '@sws/kernel';
import {
  ContractStreamLinks,
  ContractStreams,
  contractStreamLinksProjection,
  contractStreamsProjection,
  linkedStreams,
  StreamIndex,
  streamsOfContract,
} from './contract-streams.projection';

let position = 0;
const event = (streamId: string, type: string, data: object, recordedAt = '2026-01-01T00:00:00Z'): ProjectedEvent => {
  position += 1;
  return {
    streamId,
    type,
    data,
    metadata: { eventId: `e${position}`, actor: { userId: 'u', role: 'admin', orgId: null }, occurredAt: recordedAt.slice(0, 10), recordedAt, correlationId: 'c', causationId: null },
    revision: 0,
    position: String(position),
  };
};

describe('the streams of a contract', () => {
  const log = [
    event('Contract-c1', 'ContractAwarded', { contractId: 'c1', stationIds: ['st1', 'st2'] }),
    event('Contract-c0', 'ContractAwarded', { contractId: 'c0' }),
    event('Contract-c2', 'ContractAwarded', { contractId: 'c2', predecessorContractId: 'c1' }),
    event('SocialWorker-w1', 'SocialWorkerAssigned', { contractId: 'c0', socialWorkerId: 'w1' }),
    event('SupervisionSession-s0', 'SupervisionSessionLogged', { contractId: 'c0', superviseeIds: ['w1'] }),
    event('SocialWorker-w1', 'SocialWorkerAssigned', { contractId: 'c1', socialWorkerId: 'w1' }),
    event('SocialWorker-w2', 'SocialWorkerAssigned', { contractId: 'c1', socialWorkerId: 'w2' }),
    event('SupervisionSession-s1', 'SupervisionSessionLogged', { contractId: 'c1', superviseeIds: ['w1', 'w2'] }, '2026-02-10T09:00:00+08:00'),
    event('SupervisionSession-s9', 'SupervisionSessionLogged', { contractId: 'c9', superviseeIds: ['w9'] }),
    event('SupervisionSession-s2', 'SupervisionSessionCorrected', {
      before: { contractId: 'c9', superviseeIds: ['w9'] },
      after: { contractId: 'c9', superviseeIds: ['w9', 'w2'] },
    }),
    event('Training-t1', 'TrainingAttendanceRecorded', { socialWorkerIds: ['w2'] }, '2027-03-01T09:00:00+08:00'),
    event('SupervisionSession-s1', 'SupervisionSessionCorrected', {
      before: { contractId: 'c1', superviseeIds: ['w1', 'w2'] },
      after: { contractId: 'c1', superviseeIds: ['w2'] },
    }, '2026-02-11T09:00:00+08:00'),
    event('Assessment-a1', 'AssessmentStarted', { contractId: 'c1' }),
    event('ServiceReport-r1', 'ServiceOutputReported', { contractId: 'c1' }),
    event('RenewalReview-v1', 'RenewalReviewOpened', { contractId: 'c1' }),
    event('Assessment-a9', 'AssessmentStarted', { contractId: 'c9' }),
  ];
  const folded = foldProjections([contractStreamsProjection, contractStreamLinksProjection], log);
  const contracts = folded.get('contract-streams')!.documents as Map<string, ContractStreams>;
  const links = folded.get('contract-stream-links')!.documents as Map<string, ContractStreamLinks>;
  const linkIds = [...links.keys()].sort();
  // A page of link buckets as the read store lists them: sorted, after an id; a small page, so paging is exercised.
  const page = async (afterId: string, limit: number) =>
    linkIds.filter((id) => id > afterId).slice(0, limit).map((id) => ({ id, document: links.get(id)! }));
  const read: StreamIndex = { contract: async (id) => contracts.get(id) ?? null, linked: (owner) => linkedStreams(owner, page, 2) };

  it("gathers the contract's own streams, its stations' and every stream about its workers, the other contracts they served included", async () => {
    expect(await streamsOfContract('c1', read)).toEqual({
      streams: [
        'Assessment-a1',
        'Contract-c0',
        'Contract-c1',
        'RenewalReview-v1',
        'ServiceReport-r1',
        'SocialWorker-w1',
        'SocialWorker-w2',
        'Station-st1',
        'Station-st2',
        'SupervisionSession-s0',
        'SupervisionSession-s1',
        'SupervisionSession-s2',
        'Training-t1',
      ],
      predecessorContractId: null,
    });
  });

  it('leaves out what concerns neither the contract nor its workers, and knows a predecessor', async () => {
    const c2 = await streamsOfContract('c2', read);
    expect(c2).toEqual({ streams: ['Contract-c2'], predecessorContractId: 'c1' });
    expect(await streamsOfContract('nope', read)).toBeNull();
  });

  it("keeps a contract's own document to its workers, assessments and predecessor", () => {
    expect(contracts.get('contract:c1')).toEqual({ workers: ['w1', 'w2'], assessmentIds: ['a1'], predecessorContractId: null });
    expect(contracts.get('contract:c2')).toEqual({ workers: [], assessmentIds: [], predecessorContractId: 'c1' });
  });

  it("links a contract's streams in a bucket per month and a worker's in a bucket per year, each stream once", () => {
    expect(linkIds.filter((id) => id.startsWith('worker:w2/'))).toEqual(['worker:w2/2026', 'worker:w2/2027']);
    expect(links.get('worker:w2/2026')).toEqual({ streams: ['SocialWorker-w2', 'Contract-c1', 'SupervisionSession-s1', 'SupervisionSession-s2'] });
    expect(links.get('worker:w2/2027')).toEqual({ streams: ['Training-t1'] });
    // Logged, then corrected: the session is linked once, in the year it was first linked.
    expect(links.get('worker:w2/2026')!.streams.filter((s) => s === 'SupervisionSession-s1')).toHaveLength(1);
    // A session is linked to its supervisees, not to its contract: c1 has no bucket for February, when s1 was logged.
    expect(links.has('contract:c1/2026-02')).toBe(false);
    expect(links.get('worker:w1/2026')!.streams).toContain('SupervisionSession-s1');
    expect(links.get('contract:c1/2026-01')!.streams).toEqual(['Contract-c1', 'Station-st1', 'Station-st2', 'SocialWorker-w1', 'SocialWorker-w2', 'Assessment-a1', 'ServiceReport-r1', 'RenewalReview-v1']);
    // An owner whose id another's begins with keeps its own links: c1's are not c10's.
    expect(links.get('contract:c9/2026-01')!.streams).toContain('Assessment-a9');
  });
});
