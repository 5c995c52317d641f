import { CalendarDate } from '@sws/kernel';
import { DEFAULT_RENEWAL_POLICY, RenewalPolicy } from './renewal-policy';

/** A policy version as the read model keeps it: when it was recorded, so that `knownAt` can leave it out. */
export interface PublishedPolicy extends RenewalPolicy {
  /** Null for the shipped default, which has always been known. */
  readonly publishedAt: string | null;
  readonly eventId: string | null;
}

export const DEFAULT_PUBLISHED_POLICY: PublishedPolicy = { ...DEFAULT_RENEWAL_POLICY, publishedAt: null, eventId: null };

/**
 * The version in force on `date`: the latest `effectiveFrom` on or before it, the higher version
 * on a tie. The shipped default stands in when the list lacks version 1.
 */
export function policyInForce<P extends RenewalPolicy>(policies: readonly P[], date: CalendarDate): P | RenewalPolicy {
  const all: ReadonlyArray<P | RenewalPolicy> = policies.some((p) => p.version === 1) ? policies : [DEFAULT_RENEWAL_POLICY, ...policies];
  const inForce = all
    .filter((p) => p.effectiveFrom <= date)
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  return inForce[inForce.length - 1] ?? DEFAULT_RENEWAL_POLICY;
}

/** The versions that had been recorded by the moment `knownAt` (bitemporal "as known then"), as the replayed events are. */
export function policiesKnownAt(policies: readonly PublishedPolicy[], knownAt: string): PublishedPolicy[] {
  const moment = Date.parse(knownAt);
  return policies.filter((p) => p.publishedAt === null || Date.parse(p.publishedAt) <= moment);
}
