export * from './event-store.port';
export * from './errors';
export * from './ids';
export * from './catch-up-subscription';
export * from './in-memory-event-store';
export * from './sqlite-event-store';
