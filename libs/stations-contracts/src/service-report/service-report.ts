import { Command, Decider, DomainEvent, isBlank, minDate, refuse, today } from '@sws/kernel';
import { isMonth, lastDayOf, Month, monthOf } from './month';

/** A station's output in one month. Hours are compared in whole minutes. */
export interface ServiceOutputFigures {
  readonly casesOpened: number;
  readonly casesClosed: number;
  readonly groupSessions: number;
  readonly communityActivities: number;
  readonly beneficiaries: number;
  readonly professionalHours: number;
  readonly administrativeHours: number;
}
export interface SatisfactionFigures {
  readonly respondents: number;
  readonly satisfied: number;
}

const COUNT_FIELDS = ['casesOpened', 'casesClosed', 'groupSessions', 'communityActivities', 'beneficiaries'] as const;
const HOUR_FIELDS = ['professionalHours', 'administrativeHours'] as const;
const SURVEY_FIELDS = ['respondents', 'satisfied'] as const;

/** Which report, for whom: the contract holding the station that month and its parties. */
interface ReportHeader {
  reportId: string;
  stationId: string;
  month: Month;
  contractId: string;
  operatorOrgId: string;
  purchaserOrgId: string;
  /** Null for the month's first report; a later one replaces it and says why. */
  correction: { reason: string } | null;
}

export type ServiceOutputReported = DomainEvent<'ServiceOutputReported', ReportHeader & ServiceOutputFigures>;
export type SatisfactionSurveyRecorded = DomainEvent<'SatisfactionSurveyRecorded', ReportHeader & SatisfactionFigures>;
export type ServiceReportEvent = ServiceOutputReported | SatisfactionSurveyRecorded;

export interface ServiceReportFacts {
  /** The contract holding the station in that month, as the app found it; null when none does. */
  readonly contract: { readonly contractId: string; readonly operatorOrgId: string; readonly purchaserOrgId: string } | null;
}
type ReportData = { reportId: string; stationId: string; month: Month; reason?: string | null };
export type ReportServiceOutput = Command<'ReportServiceOutput', ReportData & ServiceOutputFigures> & { readonly facts: ServiceReportFacts };
export type RecordSatisfactionSurvey = Command<'RecordSatisfactionSurvey', ReportData & SatisfactionFigures> & {
  readonly facts: ServiceReportFacts;
};
export type ServiceReportCommand = ReportServiceOutput | RecordSatisfactionSurvey;

export type ServiceReportState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'open';
      readonly stationId: string;
      readonly month: Month;
      readonly output: ServiceOutputFigures | null;
      readonly survey: SatisfactionFigures | null;
    };

/** Just the figures, in one order (COUNT_FIELDS, HOUR_FIELDS), whatever else the source carries. */
export function outputFigures(source: ServiceOutputFigures): ServiceOutputFigures {
  const { casesOpened, casesClosed, groupSessions, communityActivities, beneficiaries, professionalHours, administrativeHours } = source;
  return { casesOpened, casesClosed, groupSessions, communityActivities, beneficiaries, professionalHours, administrativeHours };
}

/** Just the survey's figures, in the order of SURVEY_FIELDS. */
export function surveyFigures(source: SatisfactionFigures): SatisfactionFigures {
  const { respondents, satisfied } = source;
  return { respondents, satisfied };
}

function checkCounts<T extends object>(figures: T, fields: ReadonlyArray<keyof T & string>): void {
  const value = (field: keyof T) => figures[field] as unknown as number;
  const bad = fields.find((field) => !Number.isInteger(value(field)) || value(field) < 0);
  if (bad !== undefined) refuse('INVALID_FIGURE', `${bad} is a whole number from 0 up, not ${value(bad)}`, { field: bad, value: value(bad) });
}

function checkHours(figures: ServiceOutputFigures): void {
  const bad = HOUR_FIELDS.find((field) => {
    const minutes = figures[field] * 60;
    return !Number.isFinite(minutes) || minutes < 0 || Math.abs(minutes - Math.round(minutes)) > 1e-6;
  });
  if (bad !== undefined) refuse('INVALID_HOURS', `${bad} ${figures[bad]} is not a number of hours from 0 up in whole minutes`, { field: bad });
}

/** The header every report event carries; refuses what no report of that month may be. */
function header(command: ServiceReportCommand, state: ServiceReportState, previous: object | null): ReportHeader {
  const { reportId, stationId, month } = command.data;
  if (!isMonth(month)) refuse('INVALID_MONTH', `month ${month} is not a month as YYYY-MM`, { month });
  const current = monthOf(today(command));
  if (month > current) refuse('DATE_IN_FUTURE', `month ${month} lies after the current month (${current})`, { month, current });
  if (state.status === 'open' && (state.stationId !== stationId || state.month !== month)) {
    refuse('REPORT_MISMATCH', `report ${reportId} is station ${state.stationId}'s report for ${state.month}`, { reportId });
  }
  const contract = command.facts.contract;
  if (contract === null) refuse('STATION_NOT_IN_CONTRACT', `no contract holds station ${stationId} in ${month}`, { stationId, month });
  const given = command.data.reason ?? null;
  const reason = given === null || isBlank(given) ? null : given.trim();
  if (previous !== null && reason === null) {
    refuse('CORRECTION_NEEDS_REASON', `station ${stationId} reported ${month} already; a second report is a correction and names its reason`);
  }
  if (previous === null && reason !== null) refuse('NOTHING_TO_CORRECT', `station ${stationId} has no earlier report for ${month} to correct`);
  const { contractId, operatorOrgId, purchaserOrgId } = contract;
  return { reportId, stationId, month, contractId, operatorOrgId, purchaserOrgId, correction: reason === null ? null : { reason } };
}

function mustChange(previous: object | null, next: object): void {
  if (previous !== null && JSON.stringify(previous) === JSON.stringify(next)) {
    refuse('NOTHING_TO_CORRECT', 'the correction repeats the figures already reported');
  }
}

export const serviceReport: Decider<ServiceReportState, ServiceReportCommand, ServiceReportEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(state, event) {
    const base = state.status === 'open' ? state : { status: 'open' as const, stationId: event.data.stationId, month: event.data.month, output: null, survey: null };
    return event.type === 'ServiceOutputReported' ? { ...base, output: outputFigures(event.data) } : { ...base, survey: surveyFigures(event.data) };
  },

  decide(command, state) {
    const previous = state.status === 'open' ? (command.type === 'ReportServiceOutput' ? state.output : state.survey) : null;
    const head = header(command, state, previous);
    // The month's output is a fact as of its last day, or of today while the month runs.
    const occurredAt = minDate(lastDayOf(head.month), today(command));
    if (command.type === 'ReportServiceOutput') {
      const figures = outputFigures(command.data);
      checkCounts(figures, COUNT_FIELDS);
      checkHours(figures);
      mustChange(previous, figures);
      return [{ type: 'ServiceOutputReported', data: { ...head, ...figures }, occurredAt }];
    }
    const survey = surveyFigures(command.data);
    checkCounts(survey, SURVEY_FIELDS);
    if (survey.respondents < 1) refuse('NO_RESPONDENTS', 'a satisfaction survey has at least one respondent');
    if (survey.satisfied > survey.respondents) {
      refuse('SATISFIED_EXCEEDS_RESPONDENTS', `${survey.satisfied} satisfied exceed ${survey.respondents} respondents`, { ...survey });
    }
    mustChange(previous, survey);
    return [{ type: 'SatisfactionSurveyRecorded', data: { ...head, ...survey }, occurredAt }];
  },
};
