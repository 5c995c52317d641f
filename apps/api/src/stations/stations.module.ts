import { Module, OnModuleInit } from '@nestjs/common';
import { partiesFromReadModel, StreamParties } from '../audit/stream-parties';
import { ContractsModule } from '../contracts/contracts.module';
import { ReadModels } from '../infrastructure/read-models.service';
import { CloseStationHandler } from './close-station/close-station.handler';
import { GetStationHandler } from './get-station/get-station.handler';
import { RegisterStationHandler } from './register-station/register-station.handler';
import { StationsController } from './stations.controller';

@Module({
  imports: [ContractsModule],
  controllers: [StationsController],
  providers: [RegisterStationHandler, CloseStationHandler, GetStationHandler],
})
export class StationsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    this.parties.register('Station', partiesFromReadModel(this.readModels, 'station-detail'));
  }
}
