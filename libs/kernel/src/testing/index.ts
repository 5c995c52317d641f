export * from './decider-specification';
export * from './projected-log';
export * from './reservations';
