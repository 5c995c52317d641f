import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RetireRubricDto {
  @ApiProperty({ example: '2027年起启用第2版指标，本版不再用于新的评估' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
