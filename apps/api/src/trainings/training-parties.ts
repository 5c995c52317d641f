import { ContractDetail, SocialWorkerDetail } from '@sws/stations-contracts';
import { TrainingDetail } from '@sws/training';

/** Reads documents, whether from a composed answer or from read models caught up with the log. */
export interface PartyDocuments {
  get<D>(projection: string, id: string): Promise<D | null>;
  getMany<D>(projection: string, ids: readonly string[]): Promise<Map<string, D>>;
}

/**
 * The organizations party to a training: its organizer, its contract's operator and purchaser,
 * and those party to each credited worker (a county course concerns the workers' employers).
 */
export async function trainingParties(documents: PartyDocuments, training: TrainingDetail): Promise<string[]> {
  const contract = training.contractId === null ? null : await documents.get<ContractDetail>('contract-detail', training.contractId);
  const workers = await documents.getMany<SocialWorkerDetail>('social-worker-detail', training.attendees);
  return [...new Set([...training.parties, ...(contract?.parties ?? []), ...[...workers.values()].flatMap((w) => w.parties)])];
}
