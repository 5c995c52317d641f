import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class VoidSupervisionSessionDto {
  @ApiProperty({ example: '与3月12日的督导重复登记' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
