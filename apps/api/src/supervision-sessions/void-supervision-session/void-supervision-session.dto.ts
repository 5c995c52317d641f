import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../http/validators';

export class VoidSupervisionSessionDto {
  @ApiProperty({ example: '与3月12日的督导重复登记' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason!: string;
}
