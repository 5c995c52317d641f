// The assessment library's public surface: rubrics, assessments, scores and their read models.
export * from './rubric/rubric-definition';
export * from './rubric/rubric-checks';
export * from './rubric/rubric';
export * from './rubric/rubric-versions-ledger';
export * from './rubrics/shipped-rubrics';
export * from './scoring/score-assessment';
export * from './assessment/assessment-events';
export * from './assessment/assessment';
export * from './assessment/station-assessments-ledger';
export * from './read-models/station-scorecard.projection';
export * from './read-models/latest-score';
export * from './read-models/evaluator-consistency.projection';
export * from './read-models/evaluator-consistency';
export * from './read-models/assessment-detail.projection';
export * from './read-models/open-assessments.projection';
export * from './read-models/rubric-catalog.projection';
export * from './event-types';
