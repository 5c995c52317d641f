export * from './events';
export * from './decider';
export * from './domain-error';
export * from './calendar-date';
export * from './event-type-registry';
export * from './projection';
export * from './command-dates';
export * from './fold-projection';
