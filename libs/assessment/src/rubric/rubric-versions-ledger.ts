import { reservationLedger } from '@sws/kernel';
import { mustBeNextVersion, RubricPublished } from './rubric';

export interface PublishedVersion {
  readonly version: number;
}

/** The highest version among the entries, null for none. */
export function latestVersionIn(entries: ReadonlyArray<{ readonly value: PublishedVersion }>): number | null {
  return entries.length === 0 ? null : Math.max(...entries.map((entry) => entry.value.version));
}

/** `RubricVersions-<code>`: the versions of a rubric follow each other. Publishing claims the next; nothing frees one. */
export const rubricVersionsLedger = reservationLedger<PublishedVersion>({
  category: 'RubricVersions',
  types: { opened: 'RubricVersionsLedgerOpened', reserved: 'RubricVersionReserved', settled: 'RubricVersionsSettled' },
  refusals: ['VERSION_NOT_NEXT'],
  check(claim, others, { keyId: code }) {
    mustBeNextVersion(code, claim.value.version, latestVersionIn(others));
  },
  valueOf(_code, _recordStreamId, events) {
    const published = events.find((e): e is RubricPublished => e.type === 'RubricPublished');
    return published ? { version: published.data.version } : null;
  },
});
