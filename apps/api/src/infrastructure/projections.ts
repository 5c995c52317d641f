import { Projection } from '@sws/kernel';
import {
  contractDetailProjection,
  creditCodeIndexProjection,
  organizationDetailProjection,
  socialWorkerDetailProjection,
  stationDetailProjection,
} from '@sws/stations-contracts';

/** Every read model the service keeps, by name. */
export const PROJECTIONS: readonly Projection<any>[] = [
  organizationDetailProjection,
  creditCodeIndexProjection,
  stationDetailProjection,
  contractDetailProjection,
  socialWorkerDetailProjection,
];

export function projectionNamed(name: string): Projection<any> | undefined {
  return PROJECTIONS.find((projection) => projection.name === name);
}
