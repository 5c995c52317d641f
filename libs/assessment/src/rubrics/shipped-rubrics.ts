import { PublishRubric } from '../rubric/rubric';
import { FUJIAN_STATION_MODULES_RUBRIC } from './fujian-station-modules.rubric';
import { JINAN_STATION_OPERATIONS_RUBRIC } from './jinan-station-operations.rubric';

export { FUJIAN_STATION_MODULES_RUBRIC, JINAN_STATION_OPERATIONS_RUBRIC };

/** The rubrics the demo publishes, as PublishRubric data. */
export const SHIPPED_RUBRICS: readonly PublishRubric['data'][] = [JINAN_STATION_OPERATIONS_RUBRIC, FUJIAN_STATION_MODULES_RUBRIC];
