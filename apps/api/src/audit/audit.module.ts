import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { RESERVATION_LEDGERS } from '../infrastructure/reservations/ledgers';
import { AuditController } from './audit.controller';
import { StreamParties } from './stream-parties';

@Global()
@Module({
  controllers: [AuditController],
  providers: [StreamParties],
  exports: [StreamParties],
})
export class AuditModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  onModuleInit(): void {
    // The reservation streams of the rules that span records are the service's own: the administrator reads them.
    for (const ledger of RESERVATION_LEDGERS) {
      this.parties.register(ledger.rule.category, async (id) => ((await this.events.readStream(ledger.key(id))).length === 0 ? null : []));
    }
  }
}
