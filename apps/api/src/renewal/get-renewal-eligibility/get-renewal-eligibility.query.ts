import { Principal } from '../../auth/principal';
import { RenewalEligibilityQueryDto } from './renewal-eligibility-query.dto';

export class GetRenewalEligibilityQuery {
  constructor(
    readonly contractId: string,
    readonly when: RenewalEligibilityQueryDto,
    readonly caller: Principal,
  ) {}
}
