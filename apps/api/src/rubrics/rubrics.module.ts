import { Module, OnModuleInit } from '@nestjs/common';
import { StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { GetRubricHandler } from './get-rubric/get-rubric.handler';
import { PublishRubricHandler } from './publish-rubric/publish-rubric.handler';
import { RetireRubricHandler } from './retire-rubric/retire-rubric.handler';
import { RubricsController } from './rubrics.controller';
import { RubricVersions } from './rubric-versions';

@Module({
  controllers: [RubricsController],
  providers: [RubricVersions, PublishRubricHandler, RetireRubricHandler, GetRubricHandler],
})
export class RubricsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    // A rubric is the guidance centre's reference data, party to no organization: its history is the administrator's to read.
    this.parties.register('Rubric', async (id) => ((await this.readModels.current('rubric-detail', id)) === null ? null : []));
  }
}
