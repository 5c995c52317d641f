import { Inject, Injectable } from '@nestjs/common';
import { CalendarDate, dateInChina, foldProjections, ProjectedEvent, Projection } from '@sws/kernel';
import { EVENT_STORE, EventStore, Position, RecordedEvent } from '@sws/event-store';
import { ContractStreamLinks, contractStreamLinksProjection, ContractStreams, contractStreamsProjection, linkedStreams, StreamIndex, streamsOfContract } from '@sws/reporting';
import { RENEWAL_POLICY_STREAM } from '@sws/renewal';
import { streams as organizationStreams } from '@sws/stations-contracts';
import { ReadModels } from '../infrastructure/read-models.service';
import { DocumentSource, foldedDocuments } from '../infrastructure/document-source';

/**
 * Events that create a record and carry a date that describes it rather than a happening: a
 * contract's award is dated by its term's start, but the contract exists from the day it is
 * recorded, whatever `asOf` asks.
 */
const RECORDS_NOT_HAPPENINGS = new Set(['ContractAwarded']);

/**
 * Whether an event belongs to the past asked about. `knownAt` keeps what had been recorded by
 * that moment (null: everything recorded so far). `asOf` leaves out facts whose business time
 * lies after that date; a fact whose data names the day it took effect (`effectiveOn`: a
 * contract's amendment, also one stored before amendments carried it in their business time,
 * or a termination) is judged by that day. An event with no
 * business time of its own (its occurredAt is its recordedAt: a registration, an assessment's
 * finalization or amendment, a review's decision) is judged by the dates it carries instead
 * (finalizedOn, decidedOn, …), which the figures compare with `asOf`. So a late amendment of a
 * past assessment counts as known now, and `knownAt` alone hides it.
 */
export function belongsTo(event: RecordedEvent, asOf: CalendarDate, knownAt: number | null): boolean {
  const { occurredAt, recordedAt } = event.metadata;
  if (knownAt !== null && Date.parse(recordedAt) > knownAt) return false;
  if (RECORDS_NOT_HAPPENINGS.has(event.type)) return true;
  const effectiveOn = (event.data as { effectiveOn?: unknown } | null)?.effectiveOn;
  if (typeof effectiveOn === 'string') return effectiveOn <= asOf;
  if (occurredAt === recordedAt) return true;
  const businessDate = occurredAt.length === 10 ? occurredAt : dateInChina(occurredAt);
  return businessDate <= asOf;
}

/**
 * The organizations whose affiliations bear on the contract's assessments: its operator and each
 * evaluator organization (a declaration lies on the declaring side's stream, so both are read).
 */
function organizationsNamed(events: readonly RecordedEvent[]): string[] {
  const ids = events.flatMap((event) => {
    const data = event.data as { operatorOrgId?: string; evaluatorOrgId?: string };
    if (event.type === 'ContractAwarded') return [data.operatorOrgId!];
    if (event.type === 'AssessmentStarted') return [data.evaluatorOrgId!, data.operatorOrgId!];
    return [];
  });
  return [...new Set(ids)].map(organizationStreams.organization);
}

/**
 * The read models of one contract as they were: the streams about the contract (its own, its
 * workers', its assessments', reviews', the organizations of its operator and evaluators, and the
 * renewal policies), filtered to the past asked about,
 * folded in memory through the same projections the service runs. Only these streams are read.
 */
@Injectable()
export class ContractHistory {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async documentsAt(
    contractId: string,
    asOf: CalendarDate,
    /** Null: everything recorded so far. */
    knownAt: string | null,
    projections: readonly Projection<any>[],
  ): Promise<{ documents: DocumentSource; streams: number; events: number; head: Position | null } | null> {
    await this.readModels.catchUpWithLog(contractStreamsProjection.name);
    await this.readModels.catchUpWithLog(contractStreamLinksProjection.name);
    const index: StreamIndex = {
      contract: (id) => this.readModels.read<ContractStreams>(contractStreamsProjection.name, id, null).then((r) => r.document),
      linked: (owner) =>
        linkedStreams(owner, (afterId, limit, prefix) => this.readModels.list<ContractStreamLinks>(contractStreamLinksProjection.name, limit, afterId, undefined, prefix).then((r) => r.rows)),
    };
    const own = await streamsOfContract(contractId, index);
    if (own === null) return null;
    const predecessor = own.predecessorContractId === null ? null : await streamsOfContract(own.predecessorContractId, index);
    // A predecessor's renewal review may bind this contract with its rectifications.
    const inherited = (predecessor?.streams ?? []).filter((stream) => stream.startsWith('RenewalReview-'));
    const streamIds = [...new Set([...own.streams, ...inherited, RENEWAL_POLICY_STREAM])];
    const head = await this.events.headPosition();
    const moment = knownAt === null ? null : Date.parse(knownAt);
    // Read once and not kept: a replay goes through a few hundred streams commands rarely read again.
    const read = (ids: readonly string[]) => this.events.readStreams(ids).then((lists) => lists.flat());
    const contractEvents = await read(streamIds);
    const organizations = organizationsNamed(contractEvents).filter((id) => !streamIds.includes(id));
    const recorded = [...contractEvents, ...(await read(organizations))];
    const past = recorded
      // Nothing appended after the head read above: the answer reflects exactly that position.
      .filter((event) => head !== null && this.events.comparePositions(event.position, head) <= 0)
      .filter((event) => belongsTo(event, asOf, moment))
      .sort((a, b) => this.events.comparePositions(a.position, b.position));
    const folded = foldProjections(projections, past as unknown as ProjectedEvent[]);
    return { documents: foldedDocuments(folded), streams: streamIds.length + organizations.length, events: past.length, head };
  }
}
