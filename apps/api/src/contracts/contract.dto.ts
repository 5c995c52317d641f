import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { FUNDING_KINDS } from '@sws/stations-contracts';
import { IsCalendarDate, IsCny, OptionalField } from '../http/validators';

export class TermDto {
  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  start!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Inclusive; after start; may lie in the future' })
  @IsCalendarDate()
  end!: string;
}

export class FundingSourceDto {
  @ApiProperty({ enum: FUNDING_KINDS })
  @IsIn(FUNDING_KINDS)
  kind!: (typeof FUNDING_KINDS)[number];

  @ApiProperty({ example: 300000 })
  @IsCny()
  amountCny!: number;
}

export class BudgetDto {
  @ApiProperty({ example: 360000, description: 'CNY, at most two decimals; the sources must add up to it' })
  @IsCny()
  totalCny!: number;

  @ApiProperty({ type: [FundingSourceDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FundingSourceDto)
  sources!: FundingSourceDto[];
}

export class ServiceTargetsDto {
  @ApiPropertyOptional({ example: 20, description: 'Cases per station and year' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(100000)
  cases?: number;

  @ApiPropertyOptional({ example: 6, description: 'Group work sessions per station and year' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(100000)
  groups?: number;

  @ApiPropertyOptional({ example: 12, description: 'Community activities per station and year' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(100000)
  communityActivities?: number;
}

export class RequirementsDto {
  @ApiPropertyOptional({ example: 2, description: 'Default 2' })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(100)
  minWorkersPerStation?: number;

  @ApiPropertyOptional({ example: 0.5, description: 'Share of workers holding a certificate, 0-1; default 0.5' })
  @OptionalField()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minCertifiedShare?: number;

  @ApiPropertyOptional({ example: 24, description: 'Attested supervision hours per worker and calendar year; default 24' })
  @OptionalField()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(2000)
  supervisionHoursPerWorkerYear?: number;

  @ApiPropertyOptional({ example: 40, description: 'Training hours per worker and calendar year; default 40' })
  @OptionalField()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(2000)
  trainingHoursPerWorkerYear?: number;

  @ApiPropertyOptional({ type: ServiceTargetsDto })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => ServiceTargetsDto)
  serviceTargets?: ServiceTargetsDto;
}

/** A contract's term and budget: what an award states, and what a renewal gives its successor. */
export class TermAndBudgetDto {
  @ApiProperty({ type: TermDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TermDto)
  term!: TermDto;

  @ApiProperty({ type: BudgetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BudgetDto)
  budget!: BudgetDto;
}
