import { Module, OnModuleInit } from '@nestjs/common';
import { StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { AttestSupervisionSessionHandler } from './attest-supervision-session/attest-supervision-session.handler';
import { CorrectSupervisionSessionHandler } from './correct-supervision-session/correct-supervision-session.handler';
import { GetSupervisionSessionHandler } from './get-supervision-session/get-supervision-session.handler';
import { LogSupervisionSessionHandler } from './log-supervision-session/log-supervision-session.handler';
import { sessionParties } from './supervision-session-parties';
import { SupervisionSessionsController } from './supervision-sessions.controller';
import { SupervisorCalendar } from './supervisor-calendar';
import { VoidSupervisionSessionHandler } from './void-supervision-session/void-supervision-session.handler';

@Module({
  controllers: [SupervisionSessionsController],
  providers: [
    SupervisorCalendar,
    LogSupervisionSessionHandler,
    AttestSupervisionSessionHandler,
    CorrectSupervisionSessionHandler,
    VoidSupervisionSessionHandler,
    GetSupervisionSessionHandler,
  ],
})
export class SupervisionSessionsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    this.parties.register('SupervisionSession', sessionParties(this.readModels));
  }
}
