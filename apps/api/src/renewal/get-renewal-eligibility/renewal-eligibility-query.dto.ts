import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsMoment, OptionalField } from '../../http/validators';

export class RenewalEligibilityQueryDto {
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Judge the facts that took effect by this business date (today when left out)' })
  @OptionalField()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({
    example: '2027-01-15T09:30:00+08:00',
    description: 'Use only what had been recorded by this moment: reproduces what a reviewer saw then (now when left out)',
  })
  @OptionalField()
  @IsMoment()
  knownAt?: string;

  @ApiPropertyOptional({ description: 'Wait (bounded) until the read models reflect this position: read your own write' })
  @OptionalField()
  @IsString()
  @MaxLength(64)
  minPosition?: string;
}
