import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SessionFormat, SupervisionFunction } from '@sws/supervision';
import { SessionFieldOf } from '../session-fields';
import { IsNotBlank } from '../../http/validators';

/** The fields a correction changes; those left out stay as they are. */
export class SessionChangesDto {
  @SessionFieldOf('contractId', true) contractId?: string;
  @SessionFieldOf('stationId', true) stationId?: string;
  @SessionFieldOf('superviseeIds', true) superviseeIds?: string[];
  @SessionFieldOf('heldOn', true) heldOn?: string;
  @SessionFieldOf('startTime', true) startTime?: string;
  @SessionFieldOf('durationMinutes', true) durationMinutes?: number;
  @SessionFieldOf('format', true) format?: SessionFormat;
  @SessionFieldOf('functions', true) functions?: SupervisionFunction[];
  @SessionFieldOf('topics', true) topics?: string[];
  @SessionFieldOf('summary', true) summary?: string;
  @SessionFieldOf('followUps', true) followUps?: string[];
}

export class CorrectSupervisionSessionDto {
  @ApiProperty({ example: '督导时长登记有误,实际为90分钟' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason!: string;

  @ApiProperty({
    type: SessionChangesDto,
    description: 'A change of date, start time or duration clears every attestation; removing a supervisee clears theirs',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => SessionChangesDto)
  changes!: SessionChangesDto;
}
