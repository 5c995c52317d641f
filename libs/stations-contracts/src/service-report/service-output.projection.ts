import { ProjectedEvent, Projection } from '@sws/kernel';
import { Month } from './month';
import { outputFigures, SatisfactionFigures, ServiceOutputFigures, ServiceReportEvent, surveyFigures } from './service-report';

/** Where a month's figures came from: the report that counts now. */
interface Source {
  readonly contractId: string;
  readonly eventId: string;
  readonly recordedAt: string;
  readonly correction: { readonly reason: string } | null;
}

export interface ServiceOutputMonth {
  /** `serviceOutputId(stationId, month)`. */
  readonly id: string;
  readonly reportId: string;
  readonly stationId: string;
  readonly month: Month;
  readonly output: (ServiceOutputFigures & Source) | null;
  readonly survey: (SatisfactionFigures & Source) | null;
  /** Every report of the month, replaced ones too, oldest first. */
  readonly revisions: ReadonlyArray<{ readonly type: ServiceReportEvent['type'] } & Source>;
  /** The operators and purchasers of the contracts the reports name: who may read it. */
  readonly parties: readonly string[];
}

export function serviceOutputId(stationId: string, month: Month): string {
  return `${stationId}:${month}`;
}

/** A station's service report for one month as it stands: the latest output and survey, and every revision. */
export const serviceOutputProjection: Projection<ServiceOutputMonth> = {
  name: 'service-output',
  version: 1,
  collection: 'service-outputs',
  handles: ['ServiceOutputReported', 'SatisfactionSurveyRecorded'],
  documentIds: (event: ProjectedEvent) => {
    const { stationId, month } = event.data as { stationId: string; month: Month };
    return [serviceOutputId(stationId, month)];
  },

  evolve(document, projected) {
    const event = projected as unknown as ServiceReportEvent;
    const { reportId, stationId, month, contractId, operatorOrgId, purchaserOrgId, correction } = event.data;
    const source: Source = { contractId, eventId: projected.metadata.eventId, recordedAt: projected.metadata.recordedAt, correction };
    const base: ServiceOutputMonth = document ?? {
      id: serviceOutputId(stationId, month),
      reportId,
      stationId,
      month,
      output: null,
      survey: null,
      revisions: [],
      parties: [],
    };
    return {
      ...base,
      output: event.type === 'ServiceOutputReported' ? { ...outputFigures(event.data), ...source } : base.output,
      survey: event.type === 'SatisfactionSurveyRecorded' ? { ...surveyFigures(event.data), ...source } : base.survey,
      revisions: [...base.revisions, { type: event.type, ...source }],
      parties: [...new Set([...base.parties, operatorOrgId, purchaserOrgId])],
    };
  },
};
