import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import {
  CountyNames,
  countyNamesId,
  countyNamesPrefix,
  regionFiguresProjection,
  regionLevel,
  regionPrefix,
  regionRollup,
  RollupStation,
  StationFigures,
  stationFiguresPrefix,
  stationOfFigures,
} from '@sws/reporting';
import { ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetRegionRollupQuery } from './get-region-rollup.query';
import { countyOfFigures, rollupStation } from './rollup-inputs';

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
    const prefix = regionPrefix(code, level);
    const [stations, names] = await Promise.all([this.listed<StationFigures>(stationFiguresPrefix(prefix)), this.listed<CountyNames>(countyNamesPrefix(prefix))]);
    const namesById = new Map(names.map(({ id, document }) => [id, document]));
    const inputs: RollupStation[] = [];
    for (const { id, document } of stations) {
      inputs.push(rollupStation(stationOfFigures(id), document, namesById.get(countyNamesId(countyOfFigures(document))) ?? null, today));
    }
    // In the order of station ids across counties, as the figures (the name, the sums) are taken.
    inputs.sort((a, b) => (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0));
    return { data: { ...regionRollup(code, inputs), today }, position };
  }

  /** The documents whose ids begin with the prefix (the region's stations' figures, or its counties' names), page by page. */
  private async listed<D>(prefix: string): Promise<Array<{ id: string; document: D }>> {
    const found: Array<{ id: string; document: D }> = [];
    // From the prefix itself: a county's names have exactly its prefix as their id.
    for (let after: string | undefined = undefined; ; ) {
      const { rows }: { rows: Array<{ id: string; document: D }> } = await this.readModels.list<D>(NAME, PAGE, after, undefined, prefix);
      const inRegion = rows.filter((row) => row.id.startsWith(prefix));
      found.push(...inRegion);
      if (rows.length < PAGE || inRegion.length < rows.length) return found;
      after = rows[rows.length - 1].id;
    }
  }
}
