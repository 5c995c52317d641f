import { api } from './client';
import { unwrap } from './errors';
import type { ContractDetail, Page, SocialWorkerDetail } from './read-models';

/** The operator's running contracts and the workers it may staff: what the operator's forms choose from (the API narrows both). */
export async function ownContracts(): Promise<ContractDetail[]> {
  return (await unwrap<Page<ContractDetail>>(api.GET('/contracts', { params: { query: { limit: 100, status: 'active' } } }))).data;
}

export async function ownWorkers(): Promise<SocialWorkerDetail[]> {
  return (await unwrap<Page<SocialWorkerDetail>>(api.GET('/social-workers', { params: { query: { limit: 500 } } }))).data;
}
