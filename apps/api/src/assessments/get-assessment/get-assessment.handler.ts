import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AssessmentDetail, provisionalScore, responseWindow } from '@sws/assessment';
import { dateInChina } from '@sws/kernel';
import { assertMayRead } from '../../auth/read-access';
import { found, ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetAssessmentQuery } from './get-assessment.query';

/** The assessment with where its response window stands today and, for a draft, the score its items make so far. */
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
    const today = dateInChina(this.clock.now().toISOString());
    return {
      data: {
        ...detail,
        today,
        responseWindow: responseWindow(detail, today),
        provisionalScore: detail.status === 'draft' ? provisionalScore(detail) : null,
      },
      position,
    };
  }
}
