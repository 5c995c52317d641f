import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsNumber, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Grade, GRADES } from '@sws/assessment';
import { IsName, IsNotBlank } from '../http/validators';

/**
 * The parts of a rubric as the admin publishes them. The shapes and sizes are checked here; the
 * rubric's own rules (codes, maxima adding up to the scale, bands) are the domain's, with their 422 codes.
 */
const FINITE = { allowNaN: false, allowInfinity: false } as const;

export class RubricItemDto {
  @ApiProperty({ example: 'OPS.SITE.SPACE', description: 'Unique in the rubric; letters and digits joined by dots, hyphens or underscores' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  code!: string;

  @ApiProperty({ example: '服务场所面积达标，个案室、活动室、办公区分区设置' })
  @IsString()
  @IsName()
  @MaxLength(500)
  name!: string;

  @ApiProperty({ example: 2, description: 'Above 0, to the hundredth at most' })
  @IsNumber(FINITE)
  @Min(-1000)
  @Max(1000)
  maxPoints!: number;

  @ApiProperty({ example: '实地查看，三类功能区齐全得满分，每缺一类扣0.5分。', description: 'How the evaluator gives points' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  guidance!: string;
}

export class RubricIndicatorDto {
  @ApiProperty({ example: 'OPS.SITE' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  code!: string;

  @ApiProperty({ example: '场所与设施' })
  @IsString()
  @IsName()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: [RubricItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RubricItemDto)
  items!: RubricItemDto[];
}

export class RubricDimensionDto {
  @ApiProperty({ example: 'OPS' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  code!: string;

  @ApiProperty({ example: '日常运营' })
  @IsString()
  @IsName()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: [RubricIndicatorDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RubricIndicatorDto)
  indicators!: RubricIndicatorDto[];
}

export class GradeBandDto {
  @ApiProperty({ enum: GRADES })
  @IsIn(GRADES)
  grade!: Grade;

  @ApiProperty({ example: 90, description: "Where the grade starts, on the rubric's own scale" })
  @IsNumber(FINITE)
  @Min(-100000)
  @Max(100000)
  minScore!: number;
}
