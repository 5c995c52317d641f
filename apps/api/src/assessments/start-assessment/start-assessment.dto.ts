import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ASSESSOR_KINDS, AssessorKind, PERIOD_KINDS, PeriodKind } from '@sws/assessment';
import { IsCalendarDate, IsId } from '../../http/validators';

export class AssessmentPeriodDto {
  @ApiProperty({ enum: PERIOD_KINDS })
  @IsIn(PERIOD_KINDS)
  kind!: PeriodKind;

  @ApiProperty({ example: '2026-01-01', description: 'Not after today' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Inclusive; may lie in the future; within the contract term' })
  @IsCalendarDate()
  to!: string;
}

/** AssessmentStarted as the SPEC names it; the evaluator organization is the caller's, never the body's. */
export class StartAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  contractId!: string;

  @ApiProperty({ format: 'uuid', description: "One of the contract's stations" })
  @IsId()
  stationId!: string;

  @ApiProperty({ type: AssessmentPeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentPeriodDto)
  period!: AssessmentPeriodDto;

  @ApiProperty({
    enum: ASSESSOR_KINDS,
    description: 'third_party, community or service_users by an evaluator organization; purchaser by procurement of the contract’s purchaser',
  })
  @IsIn(ASSESSOR_KINDS)
  assessorKind!: AssessorKind;

  @ApiProperty({ example: 'jinan-station-operations' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  rubricCode!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  rubricVersion!: number;
}
