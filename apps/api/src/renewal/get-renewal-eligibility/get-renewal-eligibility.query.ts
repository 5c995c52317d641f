import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';
import { RenewalEligibilityQueryDto } from './renewal-eligibility-query.dto';

export class GetRenewalEligibilityQuery {
  constructor(
    readonly contractId: string,
    readonly when: Pick<RenewalEligibilityQueryDto, 'asOf' | 'knownAt'>,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
