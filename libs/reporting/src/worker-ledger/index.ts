export * from './worker-ledger.projection';
export * from './worker-year.projection';
export * from './assemble-ledger';
export * from './requirement';
export * from './ledger-figures';
export * from './worker-ledger-view';
