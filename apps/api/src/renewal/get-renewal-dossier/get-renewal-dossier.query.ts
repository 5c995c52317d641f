import { Principal } from '../../auth/principal';

export class GetRenewalDossierQuery {
  constructor(
    readonly contractId: string,
    readonly caller: Principal,
  ) {}
}
