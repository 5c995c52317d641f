import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import { CountyFigures, countyFiguresId, countyFiguresPrefix, regionFiguresProjection, regionLevel, regionPrefix, regionRollup, RollupStation } from '@sws/reporting';
import { ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetRegionRollupQuery } from './get-region-rollup.query';
import { rollupStation } from './rollup-inputs';

const PAGE = 500;
const NAME = regionFiguresProjection.name;

/**
 * Read model 5: a county's, city's or province's stations with their latest scores, people and
 * staffing, from the region-figures read model keyed by county (a city's or a province's counties
 * listed by the range of their ids), never from the stations' own read models. What depends on
 * today (the workers present, staffing so far) is derived at read time from the compact figures.
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
    const counties = await this.countiesIn(code, level);
    const inputs: RollupStation[] = [];
    for (const county of counties) {
      const certified = new Set(county.certified);
      for (const station of county.stations) inputs.push(rollupStation(station, certified, today));
    }
    // In the order of station ids across counties, as the figures (the name, the sums) are taken.
    inputs.sort((a, b) => (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0));
    return { data: { ...regionRollup(code, inputs), today }, position };
  }

  /** The county documents of the region: a county's own, or those whose codes begin with the city's or province's prefix. */
  private async countiesIn(code: string, level: ReturnType<typeof regionLevel>): Promise<CountyFigures[]> {
    if (level === 'county') {
      const county = await this.readModels.read<CountyFigures>(NAME, countyFiguresId(code), null);
      return county.document === null ? [] : [county.document];
    }
    const prefix = countyFiguresPrefix(regionPrefix(code, level));
    const counties: CountyFigures[] = [];
    for (let after = prefix; ; ) {
      const { rows } = await this.readModels.list<CountyFigures>(NAME, PAGE, after, undefined, prefix);
      const inRegion = rows.filter((row) => row.id.startsWith(prefix));
      counties.push(...inRegion.map((row) => row.document));
      if (rows.length < PAGE || inRegion.length < rows.length) return counties;
      after = rows[rows.length - 1].id;
    }
  }
}
