import { ProjectedEvent, Projection } from '@sws/kernel';

/**
 * Which streams hold the facts about a contract: its own, its stations' (their closures), its
 * workers' (and, through them, their supervision sessions, trainings and other contracts), its
 * assessments, service reports and renewal reviews. Time travel reads only these streams to answer about a contract's past.
 * Documents are `contract:<id>` and `worker:<id>`; every document an event touches gains the
 * same streams, so the fold never needs to know which document it is folding.
 */
export interface ContractStreams {
  readonly streams: readonly string[];
  /** For a contract: the workers ever assigned under it. */
  readonly workers: readonly string[];
  readonly predecessorContractId: string | null;
}

export const contractStreamsId = (contractId: string) => `contract:${contractId}`;
export const workerStreamsId = (socialWorkerId: string) => `worker:${socialWorkerId}`;

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

function documentIds(event: ProjectedEvent): string[] {
  const data = event.data as Data;
  if (CONTRACT_EVENTS.includes(event.type)) return [contractStreamsId(data.contractId!)];
  switch (event.type) {
    case 'SocialWorkerAssigned':
      return [contractStreamsId(data.contractId!), workerStreamsId(data.socialWorkerId!)];
    case 'SupervisionSessionLogged':
      return [contractStreamsId(data.contractId!), ...data.superviseeIds!.map(workerStreamsId)];
    case 'SupervisionSessionCorrected': {
      const supervisees = new Set([...data.before!.superviseeIds, ...data.after!.superviseeIds]);
      const contracts = new Set([data.before!.contractId, data.after!.contractId]);
      return [...[...contracts].map(contractStreamsId), ...[...supervisees].map(workerStreamsId)];
    }
    case 'TrainingAttendanceRecorded':
      return data.socialWorkerIds!.map(workerStreamsId);
    default:
      return [];
  }
}

function union(list: readonly string[], additions: readonly string[]): readonly string[] {
  const missing = additions.filter((item) => !list.includes(item));
  return missing.length === 0 ? list : [...list, ...missing];
}

export const contractStreamsProjection: Projection<ContractStreams> = {
  name: 'contract-streams',
  version: 2,
  collection: 'contract-streams',
  handles: [...CONTRACT_EVENTS, 'SocialWorkerAssigned', 'SupervisionSessionLogged', 'SupervisionSessionCorrected', 'TrainingAttendanceRecorded'],
  documentIds,

  evolve(document, event) {
    const data = event.data as Data;
    const base: ContractStreams = document ?? { streams: [], workers: [], predecessorContractId: null };
    // A worker's ledger counts the requirements of every contract they served under; a contract's
    // staffing and assessments count its stations only while they are open.
    const extra =
      event.type === 'SocialWorkerAssigned'
        ? [`Contract-${data.contractId}`]
        : event.type === 'ContractAwarded'
          ? (data.stationIds ?? []).map((id) => `Station-${id}`)
          : [];
    return {
      streams: union(base.streams, [event.streamId, ...extra]),
      workers: event.type === 'SocialWorkerAssigned' ? union(base.workers, [data.socialWorkerId!]) : base.workers,
      predecessorContractId: event.type === 'ContractAwarded' ? (data.predecessorContractId ?? null) : base.predecessorContractId,
    };
  },
};

/**
 * Every stream about a contract, given a way to read the index: its own streams and, for each
 * worker ever assigned under it, the worker's. Sorted, so the list is the same however built.
 */
export async function streamsOfContract(
  contractId: string,
  read: (id: string) => Promise<ContractStreams | null>,
): Promise<{ streams: string[]; predecessorContractId: string | null } | null> {
  const contract = await read(contractStreamsId(contractId));
  if (contract === null) return null;
  const workers = await Promise.all(contract.workers.map((id) => read(workerStreamsId(id))));
  const streams = new Set([...contract.streams, ...workers.flatMap((w) => w?.streams ?? [])]);
  return { streams: [...streams].sort(), predecessorContractId: contract.predecessorContractId };
}
