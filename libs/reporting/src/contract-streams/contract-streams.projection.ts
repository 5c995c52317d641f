import { ProjectedEvent, Projection } from '@sws/kernel';

/**
 * Which streams hold the facts about a contract: its own, its stations' (their closures), its
 * workers' (and, through them, their supervision sessions, trainings and other contracts), its
 * assessments, service reports and renewal reviews. Time travel reads only these streams to answer about a contract's past.
 *
 * Two read models keep the index, so that no event rewrites a document that grows with the
 * contract's history:
 * - `contract-streams`: per contract (`contract:<id>`), the few facts of its own that a reader
 *   starts from: the workers ever assigned under it, its assessments, its predecessor. Only an
 *   award, an assignment or an assessment's start touches it.
 * - `contract-stream-links`: the streams that bear on an owner, in buckets by when they were
 *   linked: `contract:<id>/<yyyy-mm>` (a month of a contract: its assignments, reports,
 *   assessments and reviews, a few dozen streams) and `worker:<id>/<yyyy>` (a year of a worker:
 *   their assignments, sessions and trainings, a few dozen too), listed by the owner's id prefix.
 *   A bucket stays at a kilobyte or two, and an owner has a handful of them where one document
 *   per owner and stream made millions of rows.
 *
 * A session is linked to its supervisees only, not to its contract: the deciders refuse a session
 * whose supervisee was not assigned under its contract at its station that day
 * (SUPERVISEE_NOT_AT_STATION), so every supervisee is among the contract's workers and their
 * links reach the session. A contract's month bucket therefore does not grow with its sessions,
 * which a busy contract logs by the hundred, and no session rewrites it.
 */
export interface ContractStreams {
  /** The workers ever assigned under the contract. */
  readonly workers: readonly string[];
  /** The contract's assessments, by id, in the order they were started. */
  readonly assessmentIds: readonly string[];
  readonly predecessorContractId: string | null;
}

/** The streams linked to an owner in one bucket of time, in the order they were first linked. */
export interface ContractStreamLinks {
  readonly streams: readonly string[];
}

export const contractStreamsId = (contractId: string) => `contract:${contractId}`;
export const workerStreamsId = (socialWorkerId: string) => `worker:${socialWorkerId}`;
/** The prefix of an owner's link buckets; everything after it names the bucket. */
export const linksPrefix = (ownerId: string) => `${ownerId}/`;

const CONTRACT_OWNER = 'contract:';

/** An owner's bucket for an event recorded at `recordedAt`: its month for a contract, its year for a worker. */
export function linksBucketId(ownerId: string, recordedAt: string): string {
  return `${linksPrefix(ownerId)}${recordedAt.slice(0, ownerId.startsWith(CONTRACT_OWNER) ? 7 : 4)}`;
}

type Data = {
  contractId?: string;
  stationIds?: readonly string[];
  predecessorContractId?: string;
  socialWorkerId?: string;
  socialWorkerIds?: readonly string[];
  superviseeIds?: readonly string[];
  before?: { superviseeIds: readonly string[]; contractId: string };
  after?: { superviseeIds: readonly string[]; contractId: string };
};

const CONTRACT_EVENTS = [
  'ContractAwarded',
  'ContractAmended',
  'ContractTerminated',
  'AssessmentStarted',
  'ServiceOutputReported',
  'SatisfactionSurveyRecorded',
  'RenewalReviewOpened',
];

/** The owners (`contract:<id>`, `worker:<id>`) an event's streams bear on. */
function ownersOf(event: ProjectedEvent): string[] {
  const data = event.data as Data;
  if (CONTRACT_EVENTS.includes(event.type)) return [contractStreamsId(data.contractId!)];
  switch (event.type) {
    case 'SocialWorkerAssigned':
      return [contractStreamsId(data.contractId!), workerStreamsId(data.socialWorkerId!)];
    case 'SupervisionSessionLogged':
      return data.superviseeIds!.map(workerStreamsId);
    case 'SupervisionSessionCorrected':
      // Before and after, each supervisee was assigned under that side's contract.
      return [...new Set([...data.before!.superviseeIds, ...data.after!.superviseeIds])].map(workerStreamsId);
    case 'TrainingAttendanceRecorded':
      return data.socialWorkerIds!.map(workerStreamsId);
    default:
      return [];
  }
}

/** The streams an event links to its owners: its own and, for some, the streams it names. */
function streamsOf(event: ProjectedEvent): string[] {
  const data = event.data as Data;
  // A worker's ledger counts the requirements of every contract they served under; a contract's
  // staffing and assessments count its stations only while they are open.
  const extra =
    event.type === 'SocialWorkerAssigned'
      ? [`Contract-${data.contractId}`]
      : event.type === 'ContractAwarded'
        ? (data.stationIds ?? []).map((id) => `Station-${id}`)
        : [];
  return [...new Set([event.streamId, ...extra])];
}

const LINKED_EVENTS = [...CONTRACT_EVENTS, 'SocialWorkerAssigned', 'SupervisionSessionLogged', 'SupervisionSessionCorrected', 'TrainingAttendanceRecorded'];

function union(list: readonly string[], additions: readonly string[]): readonly string[] {
  const missing = additions.filter((item) => !list.includes(item));
  return missing.length === 0 ? list : [...list, ...missing];
}

export const contractStreamLinksProjection: Projection<ContractStreamLinks> = {
  name: 'contract-stream-links',
  version: 3,
  collection: 'contract-stream-links',
  handles: LINKED_EVENTS,
  documentIds: (event) => [...new Set(ownersOf(event).map((owner) => linksBucketId(owner, event.metadata.recordedAt)))],
  evolve: (document, event) => {
    const streams = union(document?.streams ?? [], streamsOf(event));
    return document !== null && streams === document.streams ? document : { streams };
  },
};

const ASSESSMENT_STREAM = 'Assessment-';

export const contractStreamsProjection: Projection<ContractStreams> = {
  name: 'contract-streams',
  version: 3,
  collection: 'contract-streams',
  handles: ['ContractAwarded', 'SocialWorkerAssigned', 'AssessmentStarted'],
  documentIds: (event) => [contractStreamsId((event.data as Data).contractId!)],

  evolve(document, event) {
    const data = event.data as Data;
    const base: ContractStreams = document ?? { workers: [], assessmentIds: [], predecessorContractId: null };
    switch (event.type) {
      case 'ContractAwarded':
        return { ...base, predecessorContractId: data.predecessorContractId ?? null };
      case 'SocialWorkerAssigned':
        return { ...base, workers: union(base.workers, [data.socialWorkerId!]) };
      default:
        return event.streamId.startsWith(ASSESSMENT_STREAM)
          ? { ...base, assessmentIds: union(base.assessmentIds, [event.streamId.slice(ASSESSMENT_STREAM.length)]) }
          : base;
    }
  },
};

/** How `streamsOfContract` reads the index: a contract's document, and the stream ids linked to an owner. */
export interface StreamIndex {
  contract(id: string): Promise<ContractStreams | null>;
  linked(ownerId: string): Promise<readonly string[]>;
}

/**
 * Every stream about a contract, given a way to read the index: its own streams and, for each
 * worker ever assigned under it, the worker's. Sorted, so the list is the same however built.
 */
export async function streamsOfContract(
  contractId: string,
  index: StreamIndex,
): Promise<{ streams: string[]; predecessorContractId: string | null } | null> {
  const owner = contractStreamsId(contractId);
  const [contract, own] = await Promise.all([index.contract(owner), index.linked(owner)]);
  if (contract === null && own.length === 0) return null;
  const workers = await Promise.all((contract?.workers ?? []).map((id) => index.linked(workerStreamsId(id))));
  const streams = new Set([...own, ...workers.flat()]);
  return { streams: [...streams].sort(), predecessorContractId: contract?.predecessorContractId ?? null };
}

/** The stream ids linked to an owner, from a list of its buckets read by id prefix, one page after another. */
export async function linkedStreams(
  ownerId: string,
  /** A page of link buckets after `afterId` whose ids begin with `prefix`. */
  page: (afterId: string, limit: number, prefix: string) => Promise<ReadonlyArray<{ id: string; document: ContractStreamLinks }>>,
  limit = 100,
): Promise<string[]> {
  const prefix = linksPrefix(ownerId);
  const streams = new Set<string>();
  let after = prefix;
  for (;;) {
    const rows = await page(after, limit, prefix);
    for (const { id, document } of rows) {
      if (!id.startsWith(prefix)) return [...streams];
      for (const stream of document.streams) streams.add(stream);
    }
    if (rows.length < limit) return [...streams];
    after = rows[rows.length - 1].id;
  }
}
