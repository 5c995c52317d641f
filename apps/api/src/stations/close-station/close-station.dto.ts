import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '../../http/validators';

export class CloseStationDto {
  @ApiProperty({ example: '2026-06-30', description: 'The day the station closed (not after today)' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: '乡镇区划调整,与相邻街道社工站合并' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  reason!: string;
}
