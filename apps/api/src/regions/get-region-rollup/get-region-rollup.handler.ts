import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { dateInChina } from '@sws/kernel';
import { regionLevel, regionPrefix, regionRollup, RegionStations, regionStationsProjection } from '@sws/reporting';
import { SocialWorkerDetail, StationDetail } from '@sws/stations-contracts';
import { ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { readScorecards } from '../../assessments/read-scorecards';
import { GetRegionRollupQuery } from './get-region-rollup.query';
import { presentWorkerIds, rollupStation } from './rollup-inputs';

const PAGE = 500;
const SOURCES = [regionStationsProjection.name, 'station-detail', 'station-scorecard', 'social-worker-detail'];

/**
 * Read model 5 at query time: the stations of a county, city or province (found through the
 * region-stations index) with their latest scores, people and staffing, gathered from the
 * station, scorecard and social-worker read models. What depends on today (the workers present,
 * staffing so far) is derived at read time.
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
    const { scorecards } = await readScorecards(this.readModels, ids, minPosition);
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

  /** The stations of the region: the counties' lists whose codes begin with the region's prefix, then their details. */
  private async stationsIn(code: string, level: ReturnType<typeof regionLevel>, minPosition: GetRegionRollupQuery['minPosition']) {
    const prefix = regionPrefix(code, level);
    await this.readModels.readMany(regionStationsProjection.name, [], minPosition); // waits for minPosition, reads nothing
    const ids: string[] = [];
    if (level === 'county') {
      const county = await this.readModels.read<RegionStations>(regionStationsProjection.name, code, null);
      ids.push(...(county.document?.stationIds ?? []));
    }
    // A city's or province's prefix is shorter than a county's code: every county under it sorts after it.
    for (let after = prefix; level !== 'county'; ) {
      const { rows } = await this.readModels.list<RegionStations>(regionStationsProjection.name, PAGE, after, undefined, prefix);
      const inRegion = rows.filter((row) => row.id.startsWith(prefix));
      ids.push(...inRegion.flatMap((row) => row.document.stationIds));
      if (rows.length < PAGE || inRegion.length < rows.length) break;
      after = rows[rows.length - 1].id;
    }
    ids.sort();
    const details = await this.readModels.readMany<StationDetail>('station-detail', ids, minPosition);
    return ids.flatMap((id) => details.get(id) ?? []);
  }
}
