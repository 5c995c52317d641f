import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import { regionFiguresProjection, regionLevel, regionPrefix, regionRollup, RollupStation, StationFigures, stationFiguresPrefix } from '@sws/reporting';
import { ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetRegionRollupQuery } from './get-region-rollup.query';
import { rollupStation } from './rollup-inputs';

const PAGE = 500;
const NAME = regionFiguresProjection.name;

/**
 * Read model 5: a county's, city's or province's stations with their latest scores, people and
 * staffing, from the region-figures read model (one document a station, keyed by county, so the
 * region's stations are one list of the range of their ids), never from the stations' own read
 * models. What depends on today (the workers present, staffing so far) is derived at read time
 * from the compact figures.
 */
@QueryHandler(GetRegionRollupQuery)
export class GetRegionRollupHandler implements IQueryHandler<GetRegionRollupQuery, ReadResponse<unknown>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  async execute({ code, minPosition }: GetRegionRollupQuery): Promise<ReadResponse<unknown>> {
    const level = regionLevel(code);
    const today = dateInChina(this.clock.now().toISOString());
    await this.readModels.readMany(NAME, [], minPosition); // waits for minPosition, reads nothing
    const position = this.readModels.positionOf(NAME);
    const inputs: RollupStation[] = [];
    for (const station of await this.stationsIn(stationFiguresPrefix(regionPrefix(code, level)))) inputs.push(rollupStation(station, today));
    // In the order of station ids across counties, as the figures (the name, the sums) are taken.
    inputs.sort((a, b) => (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0));
    return { data: { ...regionRollup(code, inputs), today }, position };
  }

  /** The figures of the region's stations: those whose ids begin with the region's prefix, page by page. */
  private async stationsIn(prefix: string): Promise<StationFigures[]> {
    const stations: StationFigures[] = [];
    for (let after = prefix; ; ) {
      const { rows } = await this.readModels.list<StationFigures>(NAME, PAGE, after, undefined, prefix);
      const inRegion = rows.filter((row) => row.id.startsWith(prefix));
      for (const row of inRegion) stations.push(row.document);
      if (rows.length < PAGE || inRegion.length < rows.length) return stations;
      after = rows[rows.length - 1].id;
    }
  }
}
