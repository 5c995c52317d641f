import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../http/validators';

export class ReportRectificationDto {
  @ApiProperty({ example: '已补充两名持证社工，督导台账见附件，自2027年2月起按月报送。' })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  evidence!: string;
}
