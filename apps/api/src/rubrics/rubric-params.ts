import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { badField } from '../http/params';
import { OptionalField } from '../http/validators';

/** As the rubric domain spells codes: lower-case letters and digits joined by hyphens. */
export const RUBRIC_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const RUBRIC_CODE_MAX_LENGTH = 60;

/** A rubric code in a path: 400 naming the parameter when it cannot be one. */
@Injectable()
export class RubricCodeParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (value.length > RUBRIC_CODE_MAX_LENGTH || !RUBRIC_CODE.test(value)) {
      throw badField(metadata.data ?? 'code', `must be a rubric code: lower-case letters and digits joined by hyphens, at most ${RUBRIC_CODE_MAX_LENGTH} characters`);
    }
    return value;
  }
}

/** A rubric version in a path: a whole number from 1. */
@Injectable()
export class RubricVersionParam implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) throw badField(metadata.data ?? 'version', 'must be a version number, 1 or more');
    return Number(value);
  }
}

/** Keyset paging over the rubric codes: `?limit=50&after=<last code of the previous page>`. */
export class RubricListQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'The last code of the previous page' })
  @OptionalField()
  @IsString()
  @MaxLength(RUBRIC_CODE_MAX_LENGTH)
  @Matches(RUBRIC_CODE)
  after?: string;

  @ApiPropertyOptional({ description: 'Wait (bounded) until the list reflects this position' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  minPosition?: string;
}
