import { Injectable } from '@nestjs/common';
import { CalendarDate, dateInChina, Projection, RecordNotFound } from '@sws/kernel';
import { Position } from '@sws/event-store';
import { assessmentScoresProjection } from '@sws/assessment';
import {
  contractDetailProjection,
  organizationDetailProjection,
  socialWorkerDetailProjection,
  stationDetailProjection,
} from '@sws/stations-contracts';
import { contractStreamsProjection, serviceOutputYearProjection, workerYearProjection } from '@sws/reporting';
import {
  EligibilityJudgement,
  judgeEligibility,
  policiesKnownAt,
  policyInForce,
  renewalPoliciesProjection,
  renewalReviewsProjection,
} from '@sws/renewal';
import { chinaTimestamp, Clock } from '../infrastructure/clock';
import { ComposedReads } from '../infrastructure/composed-read';
import { ContractFigures, contractFigures, eligibilityInputs } from './contract-figures';
import { ContractHistory } from './contract-history';

/** The read models a contract's figures are composed from: folded from the past for time travel. */
export const FIGURE_PROJECTIONS: readonly Projection<any>[] = [
  contractDetailProjection,
  stationDetailProjection,
  socialWorkerDetailProjection,
  workerYearProjection,
  serviceOutputYearProjection,
  assessmentScoresProjection,
  renewalReviewsProjection,
  renewalPoliciesProjection,
  contractStreamsProjection,
  organizationDetailProjection,
];

export interface Basis {
  /** The business date judged. */
  readonly asOf: CalendarDate;
  /** The moment whose knowledge was used: what had been recorded by then. */
  readonly knownAt: string;
  /** Live read models (the present), or the contract's streams replayed (the past). */
  readonly source: 'read-models' | 'replay';
  /** The log position the answer reflects: the read models' for the present, the head of the log for a replay. */
  readonly position: Position | null;
  readonly replayed: { readonly streams: number; readonly events: number } | null;
}

export interface Judged {
  readonly judgement: EligibilityJudgement;
  readonly figures: ContractFigures;
  readonly basis: Basis;
}

/**
 * Renewal eligibility of a contract as of a business date, as known at a moment. The present
 * (today, as known now) comes from the read models; any other answer replays only the
 * contract's own streams, through the same projections and the same composition.
 */
@Injectable()
export class RenewalEligibility {
  constructor(
    private readonly reads: ComposedReads,
    private readonly history: ContractHistory,
    private readonly clock: Clock,
  ) {}

  today(): CalendarDate {
    return dateInChina(this.clock.now().toISOString());
  }

  now(): string {
    return chinaTimestamp(this.clock.now());
  }

  async judge(
    contractId: string,
    when: { asOf?: CalendarDate; knownAt?: string; replay?: boolean } = {},
    minPosition: Position | null = null,
  ): Promise<Judged> {
    const asOf = when.asOf ?? this.today();
    // Without a moment, everything recorded so far counts: "as known now".
    const knownAt = when.knownAt ?? this.now();
    const knownBy = when.knownAt ?? null;
    const present = when.asOf === undefined && when.knownAt === undefined && !when.replay;
    let figures: ContractFigures | null;
    let basis: Basis;
    if (present) {
      const read = this.reads.begin(minPosition);
      figures = await contractFigures(read, contractId, asOf);
      basis = { asOf, knownAt, source: 'read-models', position: read.position(), replayed: null };
    } else {
      const past = await this.history.documentsAt(contractId, asOf, knownBy, FIGURE_PROJECTIONS);
      figures = past === null ? null : await contractFigures(past.documents, contractId, asOf);
      basis = { asOf, knownAt, source: 'replay', position: past?.head ?? null, replayed: past && { streams: past.streams, events: past.events } };
    }
    if (figures === null) throw new RecordNotFound('Contract', contractId);
    const policy = policyInForce(knownBy === null ? figures.policies : policiesKnownAt(figures.policies, knownBy), asOf);
    return { judgement: judgeEligibility(eligibilityInputs(figures), policy, asOf), figures, basis };
  }
}
