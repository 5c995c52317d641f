export * from './service-output-figures';
export * from './contract-performance';
