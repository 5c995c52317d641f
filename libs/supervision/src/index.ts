// The supervision library's public surface.
export * from './supervisor/supervisor';
export * from './supervision-session/session';
export * from './supervision-session/session-time';
export * from './supervision-session/supervision-session';
export * from './supervision-session/supervisor-calendar-ledger';
export * from './event-types';
export * from './read-models/supervisor-detail.projection';
export * from './read-models/supervision-session-detail.projection';
