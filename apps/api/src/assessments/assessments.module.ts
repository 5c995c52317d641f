import { Module, OnModuleInit } from '@nestjs/common';
import { partiesFromReadModel, StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { AmendAssessmentHandler } from './amend-assessment/amend-assessment.handler';
import { AnnulAssessmentHandler } from './annul-assessment/annul-assessment.handler';
import { AssessmentWrites } from './assessment-writes';
import { AssessmentsController } from './assessments.controller';
import { EvaluatorsController } from './evaluators.controller';
import { FinalizeAssessmentHandler } from './finalize-assessment/finalize-assessment.handler';
import { GetAssessmentHandler } from './get-assessment/get-assessment.handler';
import { GetEvaluatorConsistencyHandler } from './get-evaluator-consistency/get-evaluator-consistency.handler';
import { GetStationScorecardHandler } from './get-station-scorecard/get-station-scorecard.handler';
import { OpenAssessments } from './open-assessments';
import { RespondToAssessmentHandler } from './respond-to-assessment/respond-to-assessment.handler';
import { ScorecardsController } from './scorecards.controller';
import { ScoreAssessmentItemsHandler } from './score-assessment-items/score-assessment-items.handler';
import { StartAssessmentHandler } from './start-assessment/start-assessment.handler';
import { SubmitAssessmentHandler } from './submit-assessment/submit-assessment.handler';
import { WithdrawAssessmentHandler } from './withdraw-assessment/withdraw-assessment.handler';

@Module({
  controllers: [AssessmentsController, ScorecardsController, EvaluatorsController],
  providers: [
    OpenAssessments,
    AssessmentWrites,
    StartAssessmentHandler,
    ScoreAssessmentItemsHandler,
    SubmitAssessmentHandler,
    RespondToAssessmentHandler,
    FinalizeAssessmentHandler,
    AmendAssessmentHandler,
    WithdrawAssessmentHandler,
    AnnulAssessmentHandler,
    GetAssessmentHandler,
    GetStationScorecardHandler,
    GetEvaluatorConsistencyHandler,
  ],
})
export class AssessmentsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    // The evaluator organization and the contract's operator and purchaser.
    this.parties.register('Assessment', partiesFromReadModel(this.readModels, 'assessment-detail'));
  }
}
