import { Module, OnModuleInit } from '@nestjs/common';
import { partiesFromReadModel, StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { AssignSocialWorkerHandler } from './assign-social-worker/assign-social-worker.handler';
import { CertifySocialWorkerHandler } from './certify-social-worker/certify-social-worker.handler';
import { DepartSocialWorkerHandler } from './depart-social-worker/depart-social-worker.handler';
import { GetSocialWorkerHandler } from './get-social-worker/get-social-worker.handler';
import { GetWorkerLedgerHandler } from './get-worker-ledger/get-worker-ledger.handler';
import { RegisterSocialWorkerHandler } from './register-social-worker/register-social-worker.handler';
import { SocialWorkersController } from './social-workers.controller';

@Module({
  controllers: [SocialWorkersController],
  providers: [
    RegisterSocialWorkerHandler,
    CertifySocialWorkerHandler,
    AssignSocialWorkerHandler,
    DepartSocialWorkerHandler,
    GetSocialWorkerHandler,
    GetWorkerLedgerHandler,
  ],
})
export class SocialWorkersModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    this.parties.register('SocialWorker', partiesFromReadModel(this.readModels, 'social-worker-detail'));
  }
}
