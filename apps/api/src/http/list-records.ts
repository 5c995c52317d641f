import { Position } from '@sws/event-store';
import { ReadModels } from '../infrastructure/read-models.service';
import { ListQueryDto } from './list-query.dto';

export interface ListResponse<T> {
  readonly data: T[];
  /** Pass as `after` for the next page; null on the last page. */
  readonly next: string | null;
  readonly position: Position | null;
}

/** One page of a read model's documents, in id order, narrowed to the caller's scope when given. */
export async function listRecords<D>(
  readModels: ReadModels,
  projection: string,
  query: ListQueryDto,
  where: { readonly field: string; readonly value: string } | null = null,
): Promise<ListResponse<D>> {
  const limit = query.limit ?? 50;
  const { rows, position } = await readModels.list<D>(projection, limit + 1, query.after, where ?? undefined);
  const page = rows.slice(0, limit);
  return { data: page.map((row) => row.document), next: rows.length > limit ? page[page.length - 1].id : null, position };
}
