import { Module } from '@nestjs/common';
import { GetRegionRollupHandler } from './get-region-rollup/get-region-rollup.handler';
import { RegionsController } from './regions.controller';

@Module({
  controllers: [RegionsController],
  providers: [GetRegionRollupHandler],
})
export class RegionsModule {}
