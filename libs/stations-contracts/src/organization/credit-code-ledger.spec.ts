import { DomainEvent } from '@sws/kernel';
import { deciderSpecification, intentOn, opened, reserve, reserved } from '../../../kernel/src/testing';
import { creditCodeLedger } from './credit-code-ledger';

const spec = deciderSpecification(creditCodeLedger);
const CODE = '914403001922038216';
const registration = (organizationId: string) => intentOn(creditCodeLedger, CODE, { recordStreamId: `Organization-${organizationId}`, value: { organizationId } });

describe('a credit code (CreditCode-<code>)', () => {
  it('goes to the first organization registered with it', () => {
    spec.given([]).when(reserve(creditCodeLedger, CODE, registration('org-1'))).then([reserved(creditCodeLedger, CODE, registration('org-1'))]);
  });

  it('is refused to a second organization, whether the first is written or still being written', () => {
    spec.given([reserved(creditCodeLedger, CODE, registration('org-1'))]).when(reserve(creditCodeLedger, CODE, registration('org-2'))).thenFails('CREDIT_CODE_TAKEN');
    const older = { recordStreamId: 'Organization-org-0', value: { organizationId: 'org-0' } };
    spec.given([opened(creditCodeLedger, [older])]).when(reserve(creditCodeLedger, CODE, registration('org-2'))).thenFails('CREDIT_CODE_TAKEN');
  });

  it('is held by the organization its registration names', () => {
    const registered = (creditCode: string): DomainEvent => ({ type: 'OrganizationRegistered', data: { organizationId: 'org-1', creditCode } });
    expect(creditCodeLedger.rule.valueOf(CODE, 'Organization-org-1', [registered(CODE)])).toEqual({ organizationId: 'org-1' });
    expect(creditCodeLedger.rule.valueOf(CODE, 'Organization-org-1', [registered('52370112MJD6123457')])).toBeNull();
    expect(creditCodeLedger.rule.valueOf(CODE, 'Organization-org-1', [])).toBeNull();
  });
});
