export * from './worker-ledger.projection';
export * from './requirement';
export * from './ledger-figures';
export * from './worker-ledger-view';
