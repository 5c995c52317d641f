import { ProjectedEvent } from '@sws/kernel';
import { assembleLedger } from '../assemble-ledger';
import { WorkerLedger, workerLedgerProjection } from '../worker-ledger.projection';
import { workerYearOf, workerYearProjection } from '../worker-year.projection';
import { Scenario } from './scenario';

/**
 * Every worker's year as the ledger query reads it: both read models folded from the log, each
 * year's index assembled with the entries it lists, by `workerLedgerId`.
 */
export function foldLedgers(scenario: Scenario, keep?: (event: ProjectedEvent) => boolean): Map<string, WorkerLedger> {
  const parts = scenario.fold(workerYearProjection, keep);
  const entries = scenario.fold(workerLedgerProjection, keep);
  // A part's id is `<worker>:<year>` (training) or `<worker>:<year>/s<share>` (sessions).
  const years = new Map([...parts.keys()].map((id) => {
    const split = id.lastIndexOf(':');
    const socialWorkerId = id.slice(0, split);
    const year = Number(id.slice(split + 1, split + 5));
    return [`${socialWorkerId}:${year}`, { socialWorkerId, year }] as const;
  }));
  return new Map(
    [...years].map(([id, { socialWorkerId, year }]) => [id, assembleLedger(socialWorkerId, year, workerYearOf(socialWorkerId, year, parts), entries)!]),
  );
}
