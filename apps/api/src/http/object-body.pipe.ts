import { Injectable, PipeTransform } from '@nestjs/common';
import { BadInput } from './errors';

/**
 * For a body whose class has no fields: the validation pipe lets a primitive or an array
 * through when nothing is required, so this refuses what is not a JSON object (no body is `{}`).
 */
@Injectable()
export class ObjectBody implements PipeTransform<unknown, unknown> {
  transform(value: unknown): unknown {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new BadInput([{ field: 'body', problems: ['must be a JSON object'] }]);
    }
    return value;
  }
}
