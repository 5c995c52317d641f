import { ProjectedEvent, Projection } from '@sws/kernel';
import { Month, outputFigures, SatisfactionFigures, ServiceOutputFigures, ServiceReportEvent, surveyFigures } from '@sws/stations-contracts';

/** The report a month's figure comes from, as contract performance cites it. */
interface Counted {
  readonly contractId: string;
  readonly eventId: string;
}

/** The output figures contract performance counts (cases closed it does not). */
export type CountedOutputFigures = Omit<ServiceOutputFigures, 'casesClosed'>;

/** One station's month as contract performance counts it: the output and survey that count now. */
export interface ServiceOutputEntry {
  readonly stationId: string;
  readonly month: Month;
  readonly output: (CountedOutputFigures & Counted) | null;
  readonly survey: (SatisfactionFigures & Counted) | null;
}

/**
 * A month's output and survey as the year document stores them: tuples in a fixed order, not
 * objects, so that a year of months takes under 3 KB (the read models are bounded by the log's
 * size on disk, and with named fields this index alone would take them past it nationally).
 * `serviceOutputEntries` gives them back as named figures.
 */
type OutputTuple = readonly [
  contractId: string,
  eventId: string,
  casesOpened: number,
  groupSessions: number,
  communityActivities: number,
  beneficiaries: number,
  professionalHours: number,
  administrativeHours: number,
];
type SurveyTuple = readonly [contractId: string, eventId: string, respondents: number, satisfied: number];

/**
 * A station's calendar year of service reports, with just what contract performance needs of each
 * month (the latest output and survey, their figures, the contract they name and their event). The
 * `service-output` document of a month keeps every revision and who may read it, for the report
 * itself; performance and eligibility read one of these per station instead of twelve of those.
 */
export interface ServiceOutputYear {
  /** `serviceOutputYearId(stationId, year)`. */
  readonly id: string;
  readonly stationId: string;
  readonly year: number;
  readonly months: Readonly<Record<Month, { readonly output: OutputTuple | null; readonly survey: SurveyTuple | null }>>;
}

export function serviceOutputYearId(stationId: string, year: number): string {
  return `${stationId}:${year}`;
}

function outputOf([contractId, eventId, casesOpened, groupSessions, communityActivities, beneficiaries, professionalHours, administrativeHours]: OutputTuple) {
  return { casesOpened, groupSessions, communityActivities, beneficiaries, professionalHours, administrativeHours, contractId, eventId };
}

function surveyOf([contractId, eventId, respondents, satisfied]: SurveyTuple) {
  return { respondents, satisfied, contractId, eventId };
}

/** The year's months as entries with named figures, in month order. */
export function serviceOutputEntries(year: ServiceOutputYear): ServiceOutputEntry[] {
  return Object.keys(year.months)
    .sort()
    .map((month) => {
      const { output, survey } = year.months[month];
      return { stationId: year.stationId, month, output: output && outputOf(output), survey: survey && surveyOf(survey) };
    });
}

/** Read model 3's index of service output: a station's year of monthly figures in one small document (under 3 KB). */
export const serviceOutputYearProjection: Projection<ServiceOutputYear> = {
  name: 'service-output-year',
  version: 1,
  collection: 'service-output-years',
  handles: ['ServiceOutputReported', 'SatisfactionSurveyRecorded'],
  documentIds: (event: ProjectedEvent) => {
    const { stationId, month } = event.data as { stationId: string; month: Month };
    return [serviceOutputYearId(stationId, Number(month.slice(0, 4)))];
  },

  evolve(document, projected) {
    const event = projected as unknown as ServiceReportEvent;
    const { stationId, month, contractId } = event.data;
    const { eventId } = projected.metadata;
    const year = Number(month.slice(0, 4));
    const base: ServiceOutputYear = document ?? { id: serviceOutputYearId(stationId, year), stationId, year, months: {} };
    const previous = base.months[month] ?? { output: null, survey: null };
    let next: ServiceOutputYear['months'][Month];
    if (event.type === 'ServiceOutputReported') {
      const { casesOpened, groupSessions, communityActivities, beneficiaries, professionalHours, administrativeHours } = outputFigures(event.data);
      next = { ...previous, output: [contractId, eventId, casesOpened, groupSessions, communityActivities, beneficiaries, professionalHours, administrativeHours] };
    } else {
      const { respondents, satisfied } = surveyFigures(event.data);
      next = { ...previous, survey: [contractId, eventId, respondents, satisfied] };
    }
    return { ...base, months: { ...base.months, [month]: next } };
  },
};
