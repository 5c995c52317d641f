import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../http/list-query.dto';
import { OptionalField } from '../http/validators';

/** A page of assessments; `minPosition` waits (bounded) until the list reflects the caller's own write. */
export class AssessmentListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Wait (bounded) until the list reflects this position' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  minPosition?: string;
}
