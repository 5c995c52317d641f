import { DomainEvent } from '@sws/kernel';
import { deciderSpecification, intentOn, opened, reserve, reserved } from '../../../kernel/src/testing';
import { rubricVersionsLedger } from './rubric-versions-ledger';

const spec = deciderSpecification(rubricVersionsLedger);
const version = (n: number) => ({ recordStreamId: `Rubric-jinan.v${n}`, value: { version: n } });
const publishing = (n: number) => intentOn(rubricVersionsLedger, 'jinan', version(n));

describe('a rubric’s versions (RubricVersions-<code>)', () => {
  it('takes version 1 of a new code, and then the version after the highest', () => {
    spec.given([]).when(reserve(rubricVersionsLedger, 'jinan', publishing(1))).then([reserved(rubricVersionsLedger, 'jinan', publishing(1))]);
    spec.given([opened(rubricVersionsLedger, [version(1), version(2)])]).when(reserve(rubricVersionsLedger, 'jinan', publishing(3))).then([
      reserved(rubricVersionsLedger, 'jinan', publishing(3)),
    ]);
  });

  it('refuses a version that skips one, the versions still being published included', () => {
    spec.given([opened(rubricVersionsLedger, [version(1)])]).when(reserve(rubricVersionsLedger, 'jinan', publishing(3))).thenFails('VERSION_NOT_NEXT');
    spec.given([reserved(rubricVersionsLedger, 'jinan', publishing(1))]).when(reserve(rubricVersionsLedger, 'jinan', publishing(3))).thenFails('VERSION_NOT_NEXT');
  });

  it('leaves a second publication of the same version to that version’s own stream (ALREADY_PUBLISHED there)', () => {
    const again = intentOn(rubricVersionsLedger, 'jinan', version(2), { intentId: 'again' });
    spec.given([opened(rubricVersionsLedger, [version(1)]), reserved(rubricVersionsLedger, 'jinan', publishing(2))]).when(reserve(rubricVersionsLedger, 'jinan', again)).then([
      reserved(rubricVersionsLedger, 'jinan', again),
    ]);
  });

  it('is held by every published version, retired or not', () => {
    const published: DomainEvent = { type: 'RubricPublished', data: { code: 'jinan', version: 2 } };
    const retired: DomainEvent = { type: 'RubricRetired', data: { code: 'jinan', version: 2, reason: '已修订' } };
    expect(rubricVersionsLedger.rule.valueOf('jinan', 'Rubric-jinan.v2', [published, retired])).toEqual({ version: 2 });
    expect(rubricVersionsLedger.rule.valueOf('jinan', 'Rubric-jinan.v2', [])).toBeNull();
  });
});
