import { Injectable } from '@nestjs/common';
import { firstDayOf, lastDayOf, Month, ServiceReportFacts, StationDetail } from '@sws/stations-contracts';
import { ReadModels } from '../infrastructure/read-models.service';

/**
 * The contract holding a station in a month (the one holding it on the month's last day, else on
 * its first day), read once the station read model reflects the whole log: whose operator
 * reports the month and whose figures they are.
 */
@Injectable()
export class StationMonthContract {
  constructor(private readonly readModels: ReadModels) {}

  async of(stationId: string, month: Month): Promise<ServiceReportFacts['contract']> {
    const station = await this.readModels.current<StationDetail>('station-detail', stationId);
    if (station === null) return null;
    const holding = (day: string) => station.contracts.find((c) => c.term.start <= day && day <= c.lastDay);
    const found = holding(lastDayOf(month)) ?? holding(firstDayOf(month));
    return found ? { contractId: found.contractId, operatorOrgId: found.operatorOrgId, purchaserOrgId: found.purchaserOrgId } : null;
  }
}
