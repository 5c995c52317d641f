import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { IsNotBlank, OptionalField } from '../../http/validators';

/** The operator's one response within the window: agreement, or disagreement with its reasons. */
export class RespondToAssessmentDto {
  @ApiProperty({ description: 'Whether the operator accepts the submitted scores' })
  @IsBoolean()
  agrees!: boolean;

  @ApiPropertyOptional({ example: '第三季度服务对象回访记录已补充归档', description: 'Required (not blank) when the operator disagrees' })
  @OptionalField()
  @IsString()
  @IsNotBlank()
  @MaxLength(5000)
  comment?: string;
}
