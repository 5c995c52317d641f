export * from './supervisor-workload.projection';
