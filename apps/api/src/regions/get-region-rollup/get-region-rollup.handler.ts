import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StationScorecard } from '@sws/assessment';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { dateInChina } from '@sws/kernel';
import { regionCodes, regionLevel, regionRollup } from '@sws/reporting';
import { SocialWorkerDetail, StationDetail } from '@sws/stations-contracts';
import { ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetRegionRollupQuery } from './get-region-rollup.query';
import { presentWorkerIds, rollupStation } from './rollup-inputs';

const PAGE = 500;
const SOURCES = ['station-detail', 'station-scorecard', 'social-worker-detail'];

/**
 * Read model 5 at query time: the stations of a county or city with their latest scores,
 * people and staffing, gathered from the station, scorecard and social-worker read models.
 */
@QueryHandler(GetRegionRollupQuery)
export class GetRegionRollupHandler implements IQueryHandler<GetRegionRollupQuery, ReadResponse<unknown>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ code, minPosition }: GetRegionRollupQuery): Promise<ReadResponse<unknown>> {
    const level = regionLevel(code);
    const today = dateInChina(this.clock.now().toISOString());
    const stations = await this.stationsIn(code, level, minPosition);
    const ids = stations.map((s) => s.id);
    const scorecards = await this.readModels.readMany<StationScorecard>('station-scorecard', ids, minPosition);
    const workers = await this.readModels.readMany<SocialWorkerDetail>(
      'social-worker-detail',
      stations.flatMap((s) => presentWorkerIds(s, today)),
      minPosition,
    );
    const inputs = stations.map((s) => rollupStation(s, scorecards.get(s.id) ?? null, workers, today));
    return { data: { ...regionRollup(code, inputs), today }, position: this.reflected() };
  }

  /** The position all three read models have reached: the lowest of theirs. */
  private reflected(): Position | null {
    const positions = SOURCES.map((projection) => this.readModels.positionOf(projection));
    if (positions.some((p) => p === null)) return null;
    return (positions as Position[]).reduce((lowest, p) => (this.events.comparePositions(p, lowest) < 0 ? p : lowest));
  }

  /** The station read model has no index by region: its documents are read page by page and kept when they lie in the region. */
  private async stationsIn(code: string, level: ReturnType<typeof regionLevel>, minPosition: GetRegionRollupQuery['minPosition']) {
    const stations: StationDetail[] = [];
    await this.readModels.readMany('station-detail', [], minPosition); // waits for minPosition, reads nothing
    for (let after: string | undefined; ; ) {
      const { rows } = await this.readModels.list<StationDetail>('station-detail', PAGE, after);
      stations.push(...rows.map((row) => row.document).filter((s) => regionCodes(s.region.code)[level] === code));
      if (rows.length < PAGE) return stations;
      after = rows[rows.length - 1].id;
    }
  }
}
