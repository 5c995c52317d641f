// The training library's public surface.
export * from './training/training';
export * from './training/training-hours';
export * from './event-types';
export * from './read-models/training-detail.projection';
