import { ContractDetail } from '@sws/stations-contracts';
import { SupervisionSessionDetail } from '@sws/supervision';
import { PartiesResolver } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';

/** A session's history is its contract's operator's and purchaser's to read. */
export function sessionParties(readModels: ReadModels): PartiesResolver {
  return async (id) => {
    const session = await readModels.current<SupervisionSessionDetail>('supervision-session-detail', id);
    if (session === null) return null;
    return (await readModels.current<ContractDetail>('contract-detail', session.contractId))?.parties ?? [];
  };
}
