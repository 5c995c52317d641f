import { reservationLedger } from '@sws/kernel';
import { OrganizationRegistered, refuseTakenCreditCode } from './organization';

/** The organization holding a credit code. */
export interface CreditCodeHolder {
  readonly organizationId: string;
}

/** `CreditCode-<code>`: a unified social credit code belongs to one organization. Registration claims it; nothing frees it. */
export const creditCodeLedger = reservationLedger<CreditCodeHolder>({
  category: 'CreditCode',
  types: { opened: 'CreditCodeLedgerOpened', reserved: 'CreditCodeReserved', settled: 'CreditCodesSettled' },
  refusals: ['CREDIT_CODE_TAKEN'],
  check(_claim, others) {
    if (others.length > 0) refuseTakenCreditCode(others[0].value.organizationId);
  },
  valueOf(creditCode, _recordStreamId, events) {
    const registered = events.find((e): e is OrganizationRegistered => e.type === 'OrganizationRegistered');
    return registered && registered.data.creditCode === creditCode ? { organizationId: registered.data.organizationId } : null;
  },
});
