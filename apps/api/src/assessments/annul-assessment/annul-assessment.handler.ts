import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '../../infrastructure/command-executor';
import { AssessmentWrites, theGuidanceCentre } from '../assessment-writes';
import { AnnulAssessmentCommand } from './annul-assessment.command';

/** Only the guidance centre (admin) annuls: a finalized assessment, once, with its reason. */
@CommandHandler(AnnulAssessmentCommand)
export class AnnulAssessmentHandler implements ICommandHandler<AnnulAssessmentCommand, WriteResult> {
  constructor(private readonly writes: AssessmentWrites) {}

  execute({ assessmentId, body, context }: AnnulAssessmentCommand): Promise<WriteResult> {
    return this.writes.carryOut(assessmentId, context, theGuidanceCentre, (metadata) => ({
      type: 'AnnulAssessment',
      data: { assessmentId, reason: body.reason },
      metadata,
    }));
  }
}
