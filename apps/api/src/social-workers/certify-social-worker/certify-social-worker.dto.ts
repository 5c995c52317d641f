import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../http/validators';

const LEVELS = ['assistant', 'intermediate', 'senior'] as const;

export class CertifySocialWorkerDto {
  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS)
  level!: (typeof LEVELS)[number];

  @ApiProperty({ example: 'Z2023370112000123' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  certificateNo!: string;

  @ApiProperty({ example: '2025-11-20', description: 'The day the certificate was issued (not after today)' })
  @IsCalendarDate()
  on!: string;
}
