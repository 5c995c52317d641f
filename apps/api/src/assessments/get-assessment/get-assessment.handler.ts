import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AssessmentDetail, provisionalScore, responseWindow, RubricDetail, rubricDocumentId, snapshotOf } from '@sws/assessment';
import { dateInChina } from '@sws/kernel';
import { assertMayRead } from '../../auth/read-access';
import { found, ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetAssessmentQuery } from './get-assessment.query';

/**
 * The assessment with its rubric version (as scored: the items and their maximums, the bands, the
 * response window), where its response window stands today and, for a draft, the score its items
 * make so far. The detail names its rubric version; the version's own read model gives the rest.
 */
@QueryHandler(GetAssessmentQuery)
export class GetAssessmentHandler implements IQueryHandler<GetAssessmentQuery, ReadResponse<unknown>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  async execute({ assessmentId, minPosition, caller }: GetAssessmentQuery): Promise<ReadResponse<unknown>> {
    const { document, position } = await this.readModels.read<AssessmentDetail>('assessment-detail', assessmentId, minPosition);
    const detail = found('Assessment', assessmentId, document);
    assertMayRead(caller, 'assessment', detail);
    // An assessment starts only against a published version, folded in the same commit or earlier.
    const published = await this.readModels.read<RubricDetail>('rubric-detail', rubricDocumentId(detail.rubricCode, detail.rubricVersion), null);
    const rubric = snapshotOf(found('Rubric', rubricDocumentId(detail.rubricCode, detail.rubricVersion), published.document));
    const today = dateInChina(this.clock.now().toISOString());
    return {
      data: {
        ...detail,
        rubric,
        today,
        responseWindow: responseWindow(detail, today),
        provisionalScore: detail.status === 'draft' ? provisionalScore(detail, rubric) : null,
      },
      position,
    };
  }
}
