import { Position } from '@sws/event-store';
import { ScorecardMonth, scorecardPrefix, stationScorecardProjection, stationScorecards, StationScorecard } from '@sws/assessment';
import { ReadModels } from '../infrastructure/read-models.service';

const PAGE = 500;

/**
 * The stations' scorecards, each put together from its documents (one per month in which its
 * periods end, listed by the prefix of their ids), after waiting for `minPosition`. A station never
 * assessed has no entry. The position is the read model's when the reading began.
 */
export async function readScorecards(
  readModels: ReadModels,
  stationIds: readonly string[],
  minPosition: Position | null,
): Promise<{ scorecards: Map<string, StationScorecard>; position: Position | null }> {
  const name = stationScorecardProjection.name;
  await readModels.readMany(name, [], minPosition); // waits for minPosition, reads nothing
  const position = readModels.positionOf(name);
  const months: ScorecardMonth[] = [];
  for (const stationId of new Set(stationIds)) {
    const prefix = scorecardPrefix(stationId);
    for (let after = prefix; ; ) {
      const { rows } = await readModels.list<ScorecardMonth>(name, PAGE, after, undefined, prefix);
      const own = rows.filter((row) => row.id.startsWith(prefix));
      months.push(...own.map((row) => row.document));
      if (rows.length < PAGE || own.length < rows.length) break;
      after = rows[rows.length - 1].id;
    }
  }
  return { scorecards: stationScorecards(months), position };
}
