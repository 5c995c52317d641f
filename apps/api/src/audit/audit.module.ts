import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { StreamParties } from './stream-parties';

@Global()
@Module({
  controllers: [AuditController],
  providers: [StreamParties],
  exports: [StreamParties],
})
export class AuditModule {}
