import { lastDayOf, serviceOutputId, serviceOutputProjection, serviceReport, streams } from '@sws/stations-contracts';
import { on } from '../worker-ledger/testing/supervision-fixtures';
import { Scenario } from '../worker-ledger/testing/scenario';
import { serviceOutputEntries, serviceOutputYearId, serviceOutputYearProjection } from './service-output-year.projection';

const figures = { casesOpened: 2, casesClosed: 1, groupSessions: 1, communityActivities: 2, beneficiaries: 50, professionalHours: 100, administrativeHours: 40 };

function report(scenario: Scenario, stationId: string, month: string, extra: { casesOpened?: number; reason?: string; contractId?: string } = {}) {
  const facts = { contract: { contractId: extra.contractId ?? 'c-1', operatorOrgId: 'org-op', purchaserOrgId: 'org-bureau' } };
  const data = { reportId: `${stationId}-${month}`, stationId, month, reason: extra.reason, ...figures, casesOpened: extra.casesOpened ?? 2 };
  scenario.execute(streams.serviceReport(`${stationId}-${month}`), serviceReport, { type: 'ReportServiceOutput', data, metadata: on(lastDayOf(month)), facts });
}

function survey(scenario: Scenario, stationId: string, month: string, respondents: number, satisfied: number) {
  const facts = { contract: { contractId: 'c-1', operatorOrgId: 'org-op', purchaserOrgId: 'org-bureau' } };
  scenario.execute(streams.serviceReport(`${stationId}-${month}`), serviceReport, {
    type: 'RecordSatisfactionSurvey',
    data: { reportId: `${stationId}-${month}`, stationId, month, respondents, satisfied },
    metadata: on(lastDayOf(month)),
    facts,
  });
}

describe('service output by station and year (the index contract performance reads)', () => {
  const scenario = new Scenario();
  report(scenario, 'st-1', '2025-12');
  report(scenario, 'st-1', '2026-01');
  survey(scenario, 'st-1', '2026-01', 40, 36);
  report(scenario, 'st-1', '2026-01', { casesOpened: 5, reason: '漏报' });
  report(scenario, 'st-1', '2026-02', { contractId: 'c-2' });
  report(scenario, 'st-2', '2026-01');
  const years = scenario.fold(serviceOutputYearProjection);
  const months = scenario.fold(serviceOutputProjection);

  it('keeps one document per station and calendar year, of under 3 KB for a full year', () => {
    expect([...years.keys()].sort()).toEqual([serviceOutputYearId('st-1', 2025), serviceOutputYearId('st-1', 2026), serviceOutputYearId('st-2', 2026)].sort());
    expect(Object.keys(years.get('st-1:2026')!.months)).toEqual(['2026-01', '2026-02']);
    const full = new Scenario();
    for (let m = 1; m <= 12; m++) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      report(full, 'st-0193489f-9430-7e3c-a055-979c2d87ea1f', month, { casesOpened: 12, contractId: '0193b2e3-e4e0-76c1-8d2c-9488031356ad' });
      survey(full, 'st-0193489f-9430-7e3c-a055-979c2d87ea1f', month, 120, 110);
    }
    const [year] = full.fold(serviceOutputYearProjection).values();
    expect(Object.keys(year.months)).toHaveLength(12);
    // The scenario's event ids are short (e-0, e-1, …): sized as if each were a UUID, as in a real log.
    const eventIds = Object.values(year.months).flatMap(({ output, survey }) => [output![1], survey![1]]);
    const asUuids = eventIds.reduce((bytes, id) => bytes + 36 - id.length, 0);
    expect(Buffer.byteLength(JSON.stringify(year)) + asUuids).toBeLessThan(3 * 1024);
  });

  it('holds the output and survey that count now, with the contract and the event each came from', () => {
    const [january] = serviceOutputEntries(years.get('st-1:2026')!);
    expect(january.output).toMatchObject({ casesOpened: 5, contractId: 'c-1' });
    expect(january.survey).toMatchObject({ respondents: 40, satisfied: 36, contractId: 'c-1' });
    // The correction's event, not the first report's.
    expect(january.output!.eventId).toBe(months.get(serviceOutputId('st-1', '2026-01'))!.output!.eventId);
  });

  it('agrees with the month documents on every figure performance counts', () => {
    const fromMonths = [...months.values()]
      .map(({ stationId, month, output, survey }) => ({
        stationId,
        month,
        output: output && { ...counted(output), contractId: output.contractId, eventId: output.eventId },
        survey: survey && { respondents: survey.respondents, satisfied: survey.satisfied, contractId: survey.contractId, eventId: survey.eventId },
      }))
      .sort((a, b) => (a.stationId + a.month).localeCompare(b.stationId + b.month));
    const fromYears = [...years.values()].flatMap(serviceOutputEntries).sort((a, b) => (a.stationId + a.month).localeCompare(b.stationId + b.month));
    expect(fromYears).toEqual(fromMonths);
  });
});

/** The figures performance counts: all but cases closed. */
function counted(output: typeof figures) {
  const { casesOpened, groupSessions, communityActivities, beneficiaries, professionalHours, administrativeHours } = output;
  return { casesOpened, groupSessions, communityActivities, beneficiaries, professionalHours, administrativeHours };
}
