import { Position } from '@sws/event-store';

export class GetRubricQuery {
  constructor(
    readonly code: string,
    readonly version: number,
    readonly minPosition: Position | null,
  ) {}
}
