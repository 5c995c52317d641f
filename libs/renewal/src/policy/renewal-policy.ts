import { CalendarDate, Command, Decider, DomainEvent, refuse } from '@sws/kernel';
import { ASSESSOR_KINDS, AssessorKind, COUNTABLE_PERIOD_KINDS, CountablePeriodKind } from '../shared/kinds';

/** Scores on the 100-point scale; compliance as shares from 0 to 1. */
export interface RenewalThresholds {
  /** A contract score below it is ineligible (grade fail). */
  readonly ineligibleBelow: number;
  /** A contract score from it up is eligible (grade good or better); between the two, conditional. */
  readonly eligibleFrom: number;
  /** One station below it makes the contract conditional. */
  readonly stationFailBelow: number;
  readonly staffingCompliance: number;
  readonly supervisionCompliance: number;
  readonly trainingCompliance: number;
}

export type AssessorWeights = Readonly<Partial<Record<AssessorKind, number>>>;

export interface RenewalPolicy {
  readonly version: number;
  readonly effectiveFrom: CalendarDate;
  readonly thresholds: RenewalThresholds;
  readonly assessorWeights: AssessorWeights;
  readonly periodKinds: readonly CountablePeriodKind[];
}

/**
 * SPEC defaults (Shenzhen/Nansha practice), shipped as version 1 so that no one has to publish
 * them: only third-party assessments count. Effective from long before the first station.
 */
export const DEFAULT_RENEWAL_POLICY: RenewalPolicy = {
  version: 1,
  effectiveFrom: '2000-01-01',
  thresholds: {
    ineligibleBelow: 60,
    eligibleFrom: 80,
    stationFailBelow: 60,
    staffingCompliance: 0.9,
    supervisionCompliance: 0.8,
    trainingCompliance: 0.8,
  },
  assessorWeights: { third_party: 1 },
  periodKinds: ['annual', 'final'],
};

export type RenewalPolicyPublished = DomainEvent<'RenewalPolicyPublished', RenewalPolicy>;
export type RenewalPolicyEvent = RenewalPolicyPublished;

/** Thresholds left out are the previous version's; weights and period kinds, when given, replace them whole. */
export type PublishRenewalPolicy = Command<
  'PublishRenewalPolicy',
  {
    version: number;
    effectiveFrom: CalendarDate;
    thresholds?: Partial<RenewalThresholds>;
    assessorWeights?: AssessorWeights;
    periodKinds?: readonly CountablePeriodKind[];
  }
>;

export interface RenewalPolicyState {
  readonly latest: RenewalPolicy;
}

const SCORE_THRESHOLDS = ['ineligibleBelow', 'eligibleFrom', 'stationFailBelow'] as const;
const SHARE_THRESHOLDS = ['staffingCompliance', 'supervisionCompliance', 'trainingCompliance'] as const;

function checkThresholds(thresholds: RenewalThresholds): void {
  const outOfRange = (name: keyof RenewalThresholds, max: number) => {
    const value = thresholds[name];
    if (!Number.isFinite(value) || value < 0 || value > max) {
      refuse('THRESHOLD_OUT_OF_RANGE', `threshold ${name} is ${value}, outside 0 to ${max}`, { threshold: name, value, min: 0, max });
    }
  };
  SCORE_THRESHOLDS.forEach((name) => outOfRange(name, 100));
  SHARE_THRESHOLDS.forEach((name) => outOfRange(name, 1));
  const { ineligibleBelow, eligibleFrom } = thresholds;
  if (ineligibleBelow > eligibleFrom) {
    refuse('THRESHOLDS_OUT_OF_ORDER', `ineligibleBelow ${ineligibleBelow} lies above eligibleFrom ${eligibleFrom}`, {
      ineligibleBelow,
      eligibleFrom,
    });
  }
}

/** Weights are compared in millionths, so 0.6 + 0.2 + 0.1 + 0.1 adds up to 1 as written. */
function checkWeights(weights: AssessorWeights): void {
  let millionths = 0;
  for (const [kind, weight] of Object.entries(weights)) {
    if (!(ASSESSOR_KINDS as readonly string[]).includes(kind)) {
      refuse('UNKNOWN_ASSESSOR_KIND', `${kind} is not an assessor kind (${ASSESSOR_KINDS.join(', ')})`, { assessorKind: kind });
    }
    // Non-negative weights that add up to 1 are each at most 1.
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      refuse('WEIGHT_OUT_OF_RANGE', `the weight of ${kind} is ${weight}: a weight is a number from 0 to 1`, { assessorKind: kind, weight });
    }
    millionths += Math.round(weight * 1_000_000);
  }
  if (millionths !== 1_000_000) {
    refuse('WEIGHTS_DO_NOT_ADD_UP', `the assessor weights add up to ${millionths / 1_000_000}, not 1`, { sum: millionths / 1_000_000 });
  }
  // Third-party evaluation is what decides renewal (SPEC); other kinds may only add to it.
  if (!((weights.third_party ?? 0) > 0)) {
    refuse('THIRD_PARTY_WEIGHT_REQUIRED', 'third-party assessments must carry a weight above 0', { weights });
  }
}

function checkPeriodKinds(periodKinds: readonly string[]): void {
  const valid = periodKinds.every((kind) => (COUNTABLE_PERIOD_KINDS as readonly string[]).includes(kind));
  if (periodKinds.length === 0 || !valid || new Set(periodKinds).size !== periodKinds.length) {
    refuse('PERIOD_KINDS_INVALID', `the counted period kinds must be some of ${COUNTABLE_PERIOD_KINDS.join(', ')}, each once`, {
      periodKinds,
    });
  }
}

export const renewalPolicy: Decider<RenewalPolicyState, PublishRenewalPolicy, RenewalPolicyEvent> = {
  initialState: () => ({ latest: DEFAULT_RENEWAL_POLICY }),

  evolve: (_state, event) => ({ latest: event.data }),

  decide(command, state) {
    const { latest } = state;
    const { version, effectiveFrom } = command.data;
    if (version !== latest.version + 1) {
      refuse('VERSION_NOT_NEXT', `version ${version} does not follow the latest version ${latest.version}`, {
        version,
        latestVersion: latest.version,
      });
    }
    // An earlier start than the previous version's would leave that version in force for no day.
    if (effectiveFrom < latest.effectiveFrom) {
      refuse('EFFECTIVE_BEFORE_PREVIOUS', `effectiveFrom ${effectiveFrom} lies before version ${latest.version}'s ${latest.effectiveFrom}`, {
        effectiveFrom,
        previousEffectiveFrom: latest.effectiveFrom,
      });
    }
    const policy: RenewalPolicy = {
      version,
      effectiveFrom,
      thresholds: { ...latest.thresholds, ...stripUndefined(command.data.thresholds ?? {}) },
      assessorWeights: command.data.assessorWeights ?? latest.assessorWeights,
      periodKinds: command.data.periodKinds ?? latest.periodKinds,
    };
    checkThresholds(policy.thresholds);
    checkWeights(policy.assessorWeights);
    checkPeriodKinds(policy.periodKinds);
    return [{ type: 'RenewalPolicyPublished', data: policy, occurredAt: effectiveFrom }];
  },
};

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
