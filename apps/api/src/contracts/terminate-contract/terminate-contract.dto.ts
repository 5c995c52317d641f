import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../http/validators';

export class TerminateContractDto {
  @ApiProperty({ example: '承接机构无法按合同配备驻站社工' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @ApiProperty({ example: '2026-09-01', description: 'The first day the contract no longer runs; within its term' })
  @IsCalendarDate()
  effectiveOn!: string;
}
