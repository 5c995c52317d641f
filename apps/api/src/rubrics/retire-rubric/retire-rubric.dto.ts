import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../http/validators';

export class RetireRubricDto {
  @ApiProperty({ example: '2027年起启用第2版指标，本版不再用于新的评估' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason!: string;
}
