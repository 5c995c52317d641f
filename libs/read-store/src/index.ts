export * from './read-store.port';
export * from './sqlite-read-store';
export * from './in-memory-read-store';
export * from './projection-pump';
export * from './position-waits';
