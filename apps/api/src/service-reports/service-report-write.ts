import { uuidFromName } from '@sws/event-store';
import { Month, ServiceReportCommand, serviceReport, ServiceReportEvent, ServiceReportFacts, ServiceReportState, streams } from '@sws/stations-contracts';
import { mustActFor } from '../auth/write-access';
import { Write } from '../infrastructure/command-executor';
import { RequestContext } from '../infrastructure/request-context';
import { StationMonthContract } from './station-month-contract';

/** A station's month is one record, its id derived from both: a second report of it is a correction. */
export function serviceReportId(stationId: string, month: Month): string {
  return uuidFromName(`ServiceReport:${stationId}:${month}`);
}

/**
 * The write of an output report or a satisfaction survey: the contract holding the station that
 * month is looked up, and only its operator reports.
 */
export function serviceReportWrite<C extends ServiceReportCommand>(
  target: { readonly stationId: string; readonly month: Month },
  context: RequestContext,
  contracts: StationMonthContract,
  build: (reportId: string, facts: ServiceReportFacts, metadata: C['metadata']) => C,
): Write<ServiceReportState, ServiceReportCommand, ServiceReportEvent> {
  const reportId = serviceReportId(target.stationId, target.month);
  return {
    recordType: 'ServiceReport',
    id: reportId,
    streamId: streams.serviceReport(reportId),
    decider: serviceReport,
    mustExist: false,
    command: async (_state, metadata) => {
      const contract = await contracts.of(target.stationId, target.month);
      if (contract !== null) mustActFor(context.principal, contract.operatorOrgId, `report station ${target.stationId}'s ${target.month}`);
      return build(reportId, { contract }, metadata);
    },
  };
}
