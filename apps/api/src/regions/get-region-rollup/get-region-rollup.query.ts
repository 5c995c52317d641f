import { Position } from '@sws/event-store';

export class GetRegionRollupQuery {
  constructor(
    readonly code: string,
    readonly minPosition: Position | null,
  ) {}
}
