import { ProjectedEvent } from '@sws/kernel';
import { assembleLedger } from '../assemble-ledger';
import { WorkerLedger, workerLedgerProjection } from '../worker-ledger.projection';
import { workerYearProjection } from '../worker-year.projection';
import { Scenario } from './scenario';

/**
 * Every worker's year as the ledger query reads it: both read models folded from the log, each
 * year's index assembled with the entries it lists, by `workerLedgerId`.
 */
export function foldLedgers(scenario: Scenario, keep?: (event: ProjectedEvent) => boolean): Map<string, WorkerLedger> {
  const years = scenario.fold(workerYearProjection, keep);
  const entries = scenario.fold(workerLedgerProjection, keep);
  return new Map(
    [...years].map(([id, index]) => {
      const split = id.lastIndexOf(':');
      return [id, assembleLedger(id.slice(0, split), Number(id.slice(split + 1)), index, entries)!];
    }),
  );
}
