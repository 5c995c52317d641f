import { CalendarDate } from '@sws/kernel';
import { ContractDetail } from '@sws/stations-contracts';
import { ListResponse, listRecords } from '../http/list-records';
import { ReadModels } from '../infrastructure/read-models.service';
import { ContractListQueryDto } from './contract-list-query.dto';
import { contractStatus } from './contract-staffing';

type Where = { readonly field: string; readonly value: string };

const BATCH = 200;

/**
 * A page of contracts in id order. The store narrows by one field (the caller's scope, else a
 * named party); the other filters are applied to batches read after it, until the page is full.
 * Contracts number in the thousands nationally, so a page never reads more than the scope holds.
 */
export async function listContracts(
  readModels: ReadModels,
  query: ContractListQueryDto,
  scope: Where | null,
  today: CalendarDate,
): Promise<ListResponse<ContractDetail>> {
  const { status, purchaserOrgId, operatorOrgId } = query;
  if (status === undefined && purchaserOrgId === undefined && operatorOrgId === undefined) {
    return listRecords<ContractDetail>(readModels, 'contract-detail', query, scope);
  }
  const where: Where | null =
    scope ??
    (purchaserOrgId !== undefined
      ? { field: 'purchaserOrgId', value: purchaserOrgId }
      : operatorOrgId !== undefined
        ? { field: 'operatorOrgId', value: operatorOrgId }
        : null);
  const matches = (contract: ContractDetail) =>
    (status === undefined || contractStatus(contract, today) === status) &&
    (purchaserOrgId === undefined || contract.purchaserOrgId === purchaserOrgId) &&
    (operatorOrgId === undefined || contract.operatorOrgId === operatorOrgId);
  const limit = query.limit ?? 50;
  const found: ContractDetail[] = [];
  let after = query.after;
  let position = readModels.positionOf('contract-detail');
  for (;;) {
    const batch = await readModels.list<ContractDetail>('contract-detail', BATCH, after, where ?? undefined);
    position = batch.position;
    for (const row of batch.rows) {
      if (matches(row.document)) found.push(row.document);
      if (found.length > limit) break;
    }
    if (found.length > limit || batch.rows.length < BATCH) break;
    after = batch.rows[batch.rows.length - 1].id;
  }
  const page = found.slice(0, limit);
  return { data: page, next: found.length > limit ? page[page.length - 1].id : null, position };
}
