import { Principal } from '../../auth/principal';
import { Position } from '@sws/event-store';

export class GetOrganizationQuery {
  constructor(
    readonly organizationId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
