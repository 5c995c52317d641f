import { Injectable, OnModuleInit } from '@nestjs/common';
import { creditCodeLedger, streams } from '@sws/stations-contracts';
import { LegacyRecords } from '../infrastructure/reservations/legacy-records';
import { KeyReads, Reservation } from '../infrastructure/reservations/reservations';

/** A credit code belongs to one organization: the rule of the `CreditCode-<code>` reservation streams, which a registration claims. */
@Injectable()
export class CreditCodes implements OnModuleInit {
  constructor(private readonly legacy: LegacyRecords) {}

  onModuleInit(): void {
    // A code registered before its key existed: its holder, from the credit code index.
    this.legacy.register(creditCodeLedger, async (code, document) => {
      const holder = await document<{ organizationId: string }>('credit-code-index', code);
      return holder === null ? [] : [{ recordStreamId: streams.organization(holder.organizationId), value: { organizationId: holder.organizationId } }];
    });
  }

  /** Another organization holding the code, from its key. */
  async holderOf(code: string, keys: KeyReads): Promise<string | null> {
    return (await keys.entries(creditCodeLedger, code))[0]?.value.organizationId ?? null;
  }

  claim(code: string, organizationId: string): Reservation {
    return { claims: [{ ledger: creditCodeLedger, id: code, value: { organizationId } }] };
  }
}
