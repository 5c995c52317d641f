import { BadRequestException, Injectable, PipeTransform, ArgumentMetadata, Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position, UUID_PATTERN } from '@sws/event-store';

function badField(field: string, problem: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: `${field}: ${problem}`,
    errors: [{ field, problems: [problem] }],
  });
}

/** A path id: a UUID, or 400 naming the parameter. */
@Injectable()
export class IdParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!UUID_PATTERN.test(value)) throw badField(metadata.data ?? 'id', 'must be a UUID');
    return value.toLowerCase();
  }
}

/** `?minPosition=`: a position this service issued, or 400. */
@Injectable()
export class MinPositionParam implements PipeTransform<string | undefined, Position | null> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  transform(value: string | undefined): Position | null {
    if (value === undefined || value === '') return null;
    const position = this.events.parsePosition(value);
    if (position === null) throw badField('minPosition', 'must be a position a write of this service returned');
    return position;
  }
}

export { badField };
