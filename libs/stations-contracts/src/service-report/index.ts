export * from './month';
export * from './service-report';
export * from './service-output.projection';
