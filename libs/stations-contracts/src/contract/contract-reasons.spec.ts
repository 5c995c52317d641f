import { deciderSpecification } from '../../../kernel/src/testing';
import { CommandMetadata } from '@sws/kernel';
import { contract, ContractAwarded, DEFAULT_REQUIREMENTS } from './contract';

const spec = deciderSpecification(contract);

const metadata: CommandMetadata = { now: '2026-06-15T10:00:00+08:00', actor: { userId: 'u-proc', role: 'procurement', orgId: 'org-bureau' } };

const awarded: ContractAwarded = {
  type: 'ContractAwarded',
  data: {
    contractId: 'c-1',
    purchaserOrgId: 'org-bureau',
    operatorOrgId: 'org-operator',
    stationIds: ['st-1'],
    term: { start: '2026-01-01', end: '2026-12-31' },
    budget: { totalCny: 300000, sources: [{ kind: 'fiscal', amountCny: 300000 }] },
    requirements: DEFAULT_REQUIREMENTS,
  },
};

/** Issue 10, part 6: a contract amendment or termination names its reason, and invisible characters name nothing. */
describe('a contract change names its reason', () => {
  it.each(['', ' \u3000', '\u200b\u200b', '\u2060\ufeff'])('refuses an amendment whose reason is %j', (reason) => {
    spec
      .given([awarded])
      .when({ type: 'AmendContract', data: { contractId: 'c-1', reason, termEnd: '2027-03-31' }, metadata, facts: { commitments: [] } })
      .thenFails('REASON_REQUIRED');
  });

  it.each(['', '\u200b\u200b'])('refuses a termination whose reason is %j', (reason) => {
    spec.given([awarded]).when({ type: 'TerminateContract', data: { contractId: 'c-1', reason, effectiveOn: '2026-07-01' }, metadata }).thenFails('REASON_REQUIRED');
  });

  it('takes a reason with invisible characters around visible ones', () => {
    spec
      .given([awarded])
      .when({ type: 'TerminateContract', data: { contractId: 'c-1', reason: '\u200b承接机构无法履约', effectiveOn: '2026-07-01' }, metadata })
      .thenProduces(([event]) => expect(event.type).toBe('ContractTerminated'));
  });
});
