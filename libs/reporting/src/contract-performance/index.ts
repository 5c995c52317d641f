export * from './service-output-figures';
export * from './contract-performance';
export * from './service-output-year.projection';
