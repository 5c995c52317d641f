export * from './eventstoredb-event-store';
export { logPositions } from './positions';
export type { ResubscribeOptions } from './all-subscription';
