import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RubricDetail, rubricDocumentId } from '@sws/assessment';
import { found, ReadResponse } from '../../http/read-response';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetRubricQuery } from './get-rubric.query';

/** One published version, whole, with its retirement if any: reference data every role reads. */
@QueryHandler(GetRubricQuery)
export class GetRubricHandler implements IQueryHandler<GetRubricQuery, ReadResponse<RubricDetail>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ code, version, minPosition }: GetRubricQuery): Promise<ReadResponse<RubricDetail>> {
    const id = rubricDocumentId(code, version);
    const { document, position } = await this.readModels.read<RubricDetail>('rubric-detail', id, minPosition);
    return { data: found('Rubric', id, document), position };
  }
}
