import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandMetadata, EventMetadata } from '@sws/kernel';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, uuidFromName } from '@sws/event-store';
import { AwardContract, contract, ContractAwarded, streams as contractStreams } from '@sws/stations-contracts';
import { RenewalDecisionRecorded, RenewalReviews, streams as renewalStreams, Successor } from '@sws/renewal';
import { AwardFacts } from '../contracts/award-facts';
import { StationCommitments } from '../contracts/station-commitments';
import { chinaTimestamp, Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-models.service';
import { Records } from '../infrastructure/records';
import { PendingReservations } from '../infrastructure/reservations/pending-reservations';
import { KeyReads, Reservation, Reservations, RetryAttempt } from '../infrastructure/reservations/reservations';

/** A decision as the award needs it: stored, or about to be. */
export interface DecisionEvent {
  readonly data: RenewalDecisionRecorded['data'];
  readonly metadata: EventMetadata;
}

/** The successor's award: its append, and the claims on its stations. */
export interface SuccessorAward {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly reservation: Reservation;
}

const MAX_ATTEMPTS = 16;

/**
 * A renewal awards the successor contract: the predecessor's parties, stations and requirements
 * on the terms the decision gives, linked by `predecessorContractId`. The decision claims the
 * stations for the successor and carries its award as a follow-up of its own record, with event
 * ids derived from the decision's, so awarding twice stores one contract. A decision recorded
 * before reservation streams existed and stopped before its award is awarded at the next start.
 */
@Injectable()
export class SuccessorContracts implements OnApplicationBootstrap {
  private readonly logger = new Logger(SuccessorContracts.name);

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly records: Records,
    private readonly facts: AwardFacts,
    private readonly commitments: StationCommitments,
    private readonly readModels: ReadModels,
    private readonly reservations: Reservations,
    private readonly pending: PendingReservations,
    private readonly clock: Clock,
  ) {}

  /** The award a renewal makes, as a command the contract decider takes. */
  async command(predecessorContractId: string, successor: Successor, metadata: CommandMetadata, keys: KeyReads): Promise<AwardContract> {
    const predecessor = await this.records.state(contractStreams.contract(predecessorContractId), contract);
    if (predecessor.status === 'unknown') throw new Error(`contract ${predecessorContractId} does not exist`);
    const body = {
      contractId: successor.contractId,
      purchaserOrgId: predecessor.purchaserOrgId,
      operatorOrgId: predecessor.operatorOrgId,
      stationIds: predecessor.stationIds,
      term: successor.term,
      budget: successor.budget as AwardContract['data']['budget'],
      requirements: predecessor.requirements,
      predecessorContractId,
    };
    return { type: 'AwardContract', data: body, metadata, facts: await this.facts.gather(body, keys) };
  }

  /** Throws the DomainError the award would meet, so that a decision is not recorded for an award that cannot be made. */
  async check(predecessorContractId: string, successor: Successor, metadata: CommandMetadata, keys: KeyReads): Promise<void> {
    contract.decide(await this.command(predecessorContractId, successor, metadata, keys), contract.initialState());
  }

  /** The award a decision makes, with event ids derived from the decision's; null for a decision that renews nothing. */
  async awardOf(decision: DecisionEvent, keys: KeyReads, now: string): Promise<SuccessorAward | null> {
    const { successor, contractId } = decision.data;
    if (successor === null) return null;
    const metadata = { now, actor: decision.metadata.actor };
    const decided = contract.decide(await this.command(contractId, successor, metadata, keys), contract.initialState());
    const events: NewEvent[] = decided.map((event, index) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: uuidFromName(`successor-award:${decision.metadata.eventId}:${index}`),
        actor: metadata.actor,
        occurredAt: event.occurredAt ?? now,
        recordedAt: now,
        correlationId: decision.metadata.correlationId,
        causationId: decision.metadata.eventId,
      },
    }));
    const { stationIds, term } = (decided[0] as ContractAwarded).data;
    return { streamId: contractStreams.contract(successor.contractId), events, reservation: this.commitments.contractClaims(successor.contractId, stationIds, term) };
  }

  /** Awards the successor of a recorded decision, claiming its stations, unless it is awarded already. */
  async award(decision: RecordedEvent<RenewalDecisionRecorded['data']>): Promise<void> {
    if (decision.data.successor === null) return;
    const streamId = contractStreams.contract(decision.data.successor.contractId);
    for (let attempt = 1; ; attempt++) {
      if ((await this.events.readStream(streamId)).length > 0) return;
      const keys = this.reservations.session(streamId);
      try {
        const now = chinaTimestamp(this.clock.now());
        const [award] = await keys.decide(() => this.awardOf(decision, keys, now), (found) => (found ? [found] : []));
        await keys.write(award.reservation, { streamId, expected: 'no_stream', events: award.events });
        return;
      } catch (error) {
        if (!(error instanceof RetryAttempt) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The decision event of a review, as stored. */
  async decisionOf(reviewId: string): Promise<RecordedEvent<RenewalDecisionRecorded['data']> | null> {
    const history = await this.events.readStream(renewalStreams.renewalReview(reviewId));
    return (history.find((event) => event.type === 'RenewalDecisionRecorded') as RecordedEvent<RenewalDecisionRecorded['data']>) ?? null;
  }

  /** Awards every successor a recorded renewal names but the log does not hold yet. */
  async reconcile(): Promise<number> {
    await this.readModels.catchUpWithLog('renewal-reviews');
    let awarded = 0;
    for (let afterId: string | undefined; ; ) {
      const { rows } = await this.readModels.list<RenewalReviews>('renewal-reviews', 500, afterId);
      for (const { document } of rows) {
        for (const review of document.reviews) {
          const successor = review.decision?.successor;
          if (!successor || (await this.events.readStream(contractStreams.contract(successor.contractId))).length > 0) continue;
          const decision = await this.decisionOf(review.reviewId);
          if (decision === null) continue;
          try {
            await this.award(decision);
            awarded += 1;
          } catch (error) {
            // One award the rules now refuse must not keep the others from being made.
            this.logger.error(`the successor of review ${review.reviewId} could not be awarded: ${String(error)}`);
          }
        }
      }
      if (rows.length < 500) return awarded;
      afterId = rows[rows.length - 1].id;
    }
  }

  onApplicationBootstrap(): void {
    // Once the interrupted reserved writes are finished (a decision's award among them): what is left is older.
    void this.pending
      .finished()
      .then(() => this.reconcile())
      .then(
        (awarded) => awarded > 0 && this.logger.warn(`awarded ${awarded} successor contract(s) whose renewal was recorded before a stop`),
        (error) => this.logger.error(`could not award the successors of recorded renewals: ${String(error)}`),
      );
  }
}
