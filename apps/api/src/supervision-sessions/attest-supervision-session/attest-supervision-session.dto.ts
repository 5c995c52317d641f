import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../http/validators';

/**
 * What the supervisee co-signs: the session's date, start and length as they read them. If the
 * supervisor corrected the session in between, the attestation is refused (ATTESTATION_MISMATCH)
 * rather than given to figures the supervisee never saw.
 */
export class AttestSupervisionSessionDto {
  @ApiProperty({ example: '2026-03-12' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiProperty({ example: '14:00' })
  @IsString()
  @MaxLength(5)
  startTime!: string;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  durationMinutes!: number;
}
