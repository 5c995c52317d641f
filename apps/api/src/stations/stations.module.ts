import { Module } from '@nestjs/common';
import { CloseStationHandler } from './close-station/close-station.handler';
import { GetStationHandler } from './get-station/get-station.handler';
import { RegisterStationHandler } from './register-station/register-station.handler';
import { StationsController } from './stations.controller';

@Module({
  controllers: [StationsController],
  providers: [RegisterStationHandler, CloseStationHandler, GetStationHandler],
})
export class StationsModule {}
