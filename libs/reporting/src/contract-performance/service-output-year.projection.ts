import { ProjectedEvent, Projection } from '@sws/kernel';
import { Month, outputFigures, SatisfactionFigures, ServiceOutputFigures, ServiceReportEvent, surveyFigures } from '@sws/stations-contracts';

/** The report a month's figure comes from, as contract performance cites it. */
interface Counted {
  readonly contractId: string;
  readonly eventId: string;
}

/** One station's month as contract performance counts it: the output and survey that count now. */
export interface ServiceOutputEntry {
  readonly stationId: string;
  readonly month: Month;
  readonly output: (ServiceOutputFigures & Counted) | null;
  readonly survey: (SatisfactionFigures & Counted) | null;
}

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
  readonly months: Readonly<Record<Month, Pick<ServiceOutputEntry, 'output' | 'survey'>>>;
}

export function serviceOutputYearId(stationId: string, year: number): string {
  return `${stationId}:${year}`;
}

/** The year's months as entries, in month order. */
export function serviceOutputEntries(year: ServiceOutputYear): ServiceOutputEntry[] {
  return Object.keys(year.months)
    .sort()
    .map((month) => ({ stationId: year.stationId, month, ...year.months[month] }));
}

/** Read model 3's index of service output: a station's year of monthly figures in one small document (about 4 KB at most). */
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
    const counted: Counted = { contractId, eventId: projected.metadata.eventId };
    const base: ServiceOutputYear = document ?? { id: serviceOutputYearId(stationId, Number(month.slice(0, 4))), stationId, year: Number(month.slice(0, 4)), months: {} };
    const previous = base.months[month] ?? { output: null, survey: null };
    const next =
      event.type === 'ServiceOutputReported'
        ? { ...previous, output: { ...outputFigures(event.data), ...counted } }
        : { ...previous, survey: { ...surveyFigures(event.data), ...counted } };
    return { ...base, months: { ...base.months, [month]: next } };
  },
};
