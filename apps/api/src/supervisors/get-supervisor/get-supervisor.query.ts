import { Position } from '@sws/event-store';

export class GetSupervisorQuery {
  constructor(
    readonly supervisorId: string,
    readonly minPosition: Position | null,
  ) {}
}
