import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsNumber, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsNotBlank } from '../http/validators';

/** Points for one item of the assessment's rubric, with the evidence behind them. */
export class ItemScoreDto {
  @ApiProperty({ example: 'OPS.SITE.SPACE', description: "An item code of the assessment's rubric version" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  itemCode!: string;

  @ApiProperty({ example: 1.5, description: "From 0 to the item's maxPoints, to the hundredth at most (400 otherwise)" })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  points!: number;

  @ApiProperty({ example: '现场查看：个案室与活动室分设，办公区与服务区未分开', description: 'What the points rest on; not blank' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  evidence!: string;
}

/** `scores` as scoring and amendments send them; the domain refuses an item named twice. */
export const ScoresProperty = () =>
  applyDecorators(
    ApiProperty({ type: [ItemScoreDto] }),
    IsArray(),
    ArrayMaxSize(1000),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => ItemScoreDto),
  );
