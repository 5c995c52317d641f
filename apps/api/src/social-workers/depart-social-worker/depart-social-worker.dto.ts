import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsId, IsNotBlank } from '../../http/validators';

export class DepartSocialWorkerDto {
  @ApiProperty({ format: 'uuid', description: 'The station the worker leaves' })
  @IsId()
  stationId!: string;

  @ApiProperty({ example: '2026-07-01', description: 'The first day the worker is no longer there (not after today)' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: '考取事业编制离职' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  reason!: string;
}
