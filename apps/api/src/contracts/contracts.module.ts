import { Module, OnModuleInit } from '@nestjs/common';
import { partiesFromReadModel, StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { AmendContractHandler } from './amend-contract/amend-contract.handler';
import { AwardContractHandler } from './award-contract/award-contract.handler';
import { ContractsController } from './contracts.controller';
import { GetContractHandler } from './get-contract/get-contract.handler';
import { GetContractPerformanceHandler } from './get-contract-performance/get-contract-performance.handler';
import { AwardFacts } from './award-facts';
import { StationCommitments } from './station-commitments';
import { TerminateContractHandler } from './terminate-contract/terminate-contract.handler';

@Module({
  controllers: [ContractsController],
  exports: [StationCommitments, AwardFacts],
  providers: [StationCommitments, AwardFacts, AwardContractHandler, AmendContractHandler, TerminateContractHandler, GetContractHandler, GetContractPerformanceHandler],
})
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    this.parties.register('Contract', partiesFromReadModel(this.readModels, 'contract-detail'));
  }
}
