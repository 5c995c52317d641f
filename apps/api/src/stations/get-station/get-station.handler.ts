import { assertMayRead } from '../../auth/read-access';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import { headcountHistory, headcountOn, SocialWorkerDetail, StationDetail } from '@sws/stations-contracts';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { found, ReadResponse } from '../../http/read-response';
import { GetStationQuery } from './get-station.query';

/** The station as a person checking its staffing wants it: who works there today, and how that changed. */
@QueryHandler(GetStationQuery)
export class GetStationHandler implements IQueryHandler<GetStationQuery, ReadResponse<unknown>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  async execute({ stationId, minPosition, caller }: GetStationQuery): Promise<ReadResponse<unknown>> {
    const { document, position } = await this.readModels.read<StationDetail>('station-detail', stationId, minPosition);
    const station = found('Station', stationId, document);
    assertMayRead(caller, 'station', station);
    const today = dateInChina(this.clock.now().toISOString());
    const currentContract = station.contracts.find((c) => c.term.start <= today && today <= c.lastDay) ?? null;
    const present = station.assignments.filter((a) => a.from <= today && (a.until === null || today < a.until));
    const workers = await this.readModels.readMany<SocialWorkerDetail>(
      'social-worker-detail',
      present.map((a) => a.socialWorkerId),
      minPosition,
    );
    const headcountToday = headcountOn(station.assignments, stationId, today);
    return {
      data: {
        ...station,
        today,
        currentContract,
        staffing: {
          headcountToday,
          minimum: currentContract?.minWorkersPerStation ?? null,
          meetsMinimum: currentContract ? headcountToday >= currentContract.minWorkersPerStation : null,
          workers: present.map((a) => ({
            socialWorkerId: a.socialWorkerId,
            name: workers.get(a.socialWorkerId)?.name ?? null,
            certification: workers.get(a.socialWorkerId)?.certification ?? null,
            post: a.post,
            contractId: a.contractId,
            from: a.from,
          })),
          history: headcountHistory(station.assignments, stationId),
        },
      },
      position,
    };
  }
}
