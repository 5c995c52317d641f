import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { RubricScale } from '@sws/assessment';
import { IsName, OptionalField } from '../../http/validators';
import { RUBRIC_CODE_MAX_LENGTH } from '../rubric-params';
import { GradeBandDto, RubricDimensionDto } from '../rubric.dto';

/** A rubric version, whole: RubricPublished as the SPEC names it. */
export class PublishRubricDto {
  @ApiProperty({ example: 'jinan-station-operations', description: 'Lower-case letters and digits joined by hyphens; the same for every version' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(RUBRIC_CODE_MAX_LENGTH)
  code!: string;

  @ApiProperty({ example: 1, description: 'The next version of the code: 1 for a new code' })
  @IsInt()
  @Min(1)
  @Max(100000)
  version!: number;

  @ApiProperty({ example: '乡镇（街道）社工站运营评估指标' })
  @IsString()
  @IsName()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: Number, enum: [100, 1000], description: 'The points the items add up to' })
  @IsInt()
  @Min(0)
  @Max(100000)
  scale!: RubricScale;

  @ApiPropertyOptional({ example: 14, description: 'Days the operator may respond after submission; default 14' })
  @OptionalField()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  responseWindowDays?: number;

  @ApiProperty({ type: [RubricDimensionDto], description: 'Dimensions (一级指标) of indicators (二级指标) of scored items' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RubricDimensionDto)
  dimensions!: RubricDimensionDto[];

  @ApiProperty({ type: [GradeBandDto], description: 'excellent, good, pass, fail: descending, fail starting at 0' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GradeBandDto)
  gradeBands!: GradeBandDto[];
}
