// The reporting library's public surface: read models that combine the contexts.
export * from './region-rollup/region-rollup';
export * from './worker-ledger';
export * from './supervisor-workload';
export * from './contract-performance';
export * from './contract-streams/contract-streams.projection';
export * from './region-rollup/region-stations.projection';
export * from './region-rollup/region-figures.projection';
