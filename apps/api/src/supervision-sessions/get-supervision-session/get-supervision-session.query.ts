import { Position } from '@sws/event-store';
import { Principal } from '../../auth/principal';

export class GetSupervisionSessionQuery {
  constructor(
    readonly sessionId: string,
    readonly minPosition: Position | null,
    readonly caller: Principal,
  ) {}
}
