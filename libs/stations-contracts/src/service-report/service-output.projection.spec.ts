import { EventMetadata, ProjectedEvent } from '@sws/kernel';
import { ServiceOutputMonth, serviceOutputProjection } from './service-output.projection';
import { ServiceReportEvent } from './service-report';

function fold(events: readonly ServiceReportEvent[]): Map<string, ServiceOutputMonth> {
  const documents = new Map<string, ServiceOutputMonth>();
  events.forEach((event, index) => {
    const metadata: EventMetadata = {
      eventId: `e-${index}`,
      actor: { userId: 'u-op', role: 'operator', orgId: 'org-op' },
      occurredAt: '2026-03-31',
      recordedAt: `2026-04-0${index + 1}T09:00:00+08:00`,
      correlationId: `corr-${index}`,
      causationId: null,
    };
    const projected: ProjectedEvent = { streamId: 'ServiceReport-r-1', type: event.type, data: event.data, metadata, revision: index, position: String(index + 1) };
    for (const id of serviceOutputProjection.documentIds(projected)) {
      documents.set(id, serviceOutputProjection.evolve(documents.get(id) ?? null, projected)!);
    }
  });
  return documents;
}

const header = { reportId: 'r-1', stationId: 'st-1', month: '2026-03', contractId: 'c-1', operatorOrgId: 'org-op', purchaserOrgId: 'org-bureau' };
const figures = { casesOpened: 4, casesClosed: 2, groupSessions: 1, communityActivities: 2, beneficiaries: 130, professionalHours: 210, administrativeHours: 96 };

describe('service output', () => {
  it('keeps the latest output and survey of the month, the event each came from, and every revision', () => {
    const month = fold([
      { type: 'ServiceOutputReported', data: { ...header, ...figures, correction: null } },
      { type: 'SatisfactionSurveyRecorded', data: { ...header, respondents: 40, satisfied: 36, correction: null } },
      { type: 'ServiceOutputReported', data: { ...header, ...figures, casesOpened: 5, correction: { reason: '漏报' } } },
    ]).get('st-1:2026-03')!;
    expect(month.output).toEqual({ ...figures, casesOpened: 5, contractId: 'c-1', eventId: 'e-2', recordedAt: '2026-04-03T09:00:00+08:00', correction: { reason: '漏报' } });
    expect(month.survey).toMatchObject({ respondents: 40, satisfied: 36, eventId: 'e-1', correction: null });
    expect(month.revisions.map((r) => [r.type, r.eventId, r.correction])).toEqual([
      ['ServiceOutputReported', 'e-0', null],
      ['SatisfactionSurveyRecorded', 'e-1', null],
      ['ServiceOutputReported', 'e-2', { reason: '漏报' }],
    ]);
    expect(month.parties).toEqual(['org-op', 'org-bureau']);
  });
});
