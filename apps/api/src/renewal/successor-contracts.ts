import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Actor, CommandMetadata } from '@sws/kernel';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, uuidFromName, WrongExpectedRevision } from '@sws/event-store';
import { AwardContract, contract, streams as contractStreams } from '@sws/stations-contracts';
import { RenewalDecisionRecorded, RenewalReviews, streams as renewalStreams, Successor } from '@sws/renewal';
import { AwardFacts } from '../contracts/award-facts';
import { StationCommitments } from '../contracts/station-commitments';
import { chinaTimestamp, Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-models.service';
import { Records } from '../infrastructure/records';

/**
 * A renewal awards the successor contract: the predecessor's parties, stations and requirements
 * on the terms the decision gives, linked by `predecessorContractId`. The decision is recorded
 * first and the award follows from it, with event ids derived from the decision's, so awarding
 * twice stores one contract; after a crash between the two, the start of the service finds the
 * decision without its contract and awards it.
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
    private readonly clock: Clock,
  ) {}

  /** The award a renewal makes, as a command the contract decider takes. */
  async command(predecessorContractId: string, successor: Successor, metadata: CommandMetadata): Promise<AwardContract> {
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
    return { type: 'AwardContract', data: body, metadata, facts: await this.facts.gather(body) };
  }

  /** Throws the DomainError the award would meet, so that a decision is not recorded for an award that cannot be made. */
  async check(predecessorContractId: string, successor: Successor, metadata: CommandMetadata): Promise<void> {
    contract.decide(await this.command(predecessorContractId, successor, metadata), contract.initialState());
  }

  /** Awards the successor of a recorded decision, unless it is awarded already. Call inside `commitments.exclusively`. */
  async award(decision: RecordedEvent<RenewalDecisionRecorded['data']>): Promise<void> {
    const { successor, contractId } = decision.data;
    if (successor === null) return;
    const streamId = contractStreams.contract(successor.contractId);
    if ((await this.events.readStream(streamId)).length > 0) return;
    const metadata = { now: chinaTimestamp(this.clock.now()), actor: decision.metadata.actor as Actor };
    const decided = contract.decide(await this.command(contractId, successor, metadata), contract.initialState());
    const appended: NewEvent[] = decided.map((event, index) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: uuidFromName(`successor-award:${decision.metadata.eventId}:${index}`),
        actor: metadata.actor,
        occurredAt: event.occurredAt ?? metadata.now,
        recordedAt: metadata.now,
        correlationId: decision.metadata.correlationId,
        causationId: decision.metadata.eventId,
      },
    }));
    try {
      await this.events.append(streamId, appended, 'no_stream');
    } catch (error) {
      // Another writer awarded it between our read and our append: it is there, which is all we want.
      if (!(error instanceof WrongExpectedRevision)) throw error;
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
            await this.commitments.exclusively(() => this.award(decision));
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
    // After the read models have started (createApp starts them once the application is up).
    void this.readModels
      .started()
      .then(() => this.reconcile())
      .then(
        (awarded) => awarded > 0 && this.logger.warn(`awarded ${awarded} successor contract(s) whose renewal was recorded before a stop`),
        (error) => this.logger.error(`could not award the successors of recorded renewals: ${String(error)}`),
      );
  }
}
