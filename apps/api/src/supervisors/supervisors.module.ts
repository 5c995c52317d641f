import { Module, OnModuleInit } from '@nestjs/common';
import { partiesFromReadModel, StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { GetSupervisorWorkloadHandler } from './get-supervisor-workload/get-supervisor-workload.handler';
import { GetSupervisorHandler } from './get-supervisor/get-supervisor.handler';
import { RegisterSupervisorHandler } from './register-supervisor/register-supervisor.handler';
import { SupervisorsController } from './supervisors.controller';

@Module({
  controllers: [SupervisorsController],
  providers: [RegisterSupervisorHandler, GetSupervisorHandler, GetSupervisorWorkloadHandler],
})
export class SupervisorsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    this.parties.register('Supervisor', partiesFromReadModel(this.readModels, 'supervisor-detail'));
  }
}
