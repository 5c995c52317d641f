import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '../../http/validators';

export class TerminateContractDto {
  @ApiProperty({ example: '承接机构无法按合同配备驻站社工' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason!: string;

  @ApiProperty({ example: '2026-09-01', description: 'The first day the contract no longer runs; within its term' })
  @IsCalendarDate()
  effectiveOn!: string;
}
