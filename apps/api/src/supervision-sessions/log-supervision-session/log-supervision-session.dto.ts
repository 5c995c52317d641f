import { SessionFormat, SupervisionFunction } from '@sws/supervision';
import { SessionFieldOf } from '../session-fields';

/** A session the supervisor in the token held. */
export class LogSupervisionSessionDto {
  @SessionFieldOf('contractId') contractId!: string;
  @SessionFieldOf('stationId') stationId!: string;
  @SessionFieldOf('superviseeIds') superviseeIds!: string[];
  @SessionFieldOf('heldOn') heldOn!: string;
  @SessionFieldOf('startTime') startTime!: string;
  @SessionFieldOf('durationMinutes') durationMinutes!: number;
  @SessionFieldOf('format') format!: SessionFormat;
  @SessionFieldOf('functions') functions!: SupervisionFunction[];
  @SessionFieldOf('topics') topics!: string[];
  @SessionFieldOf('summary') summary!: string;
  @SessionFieldOf('followUps') followUps!: string[];
}
