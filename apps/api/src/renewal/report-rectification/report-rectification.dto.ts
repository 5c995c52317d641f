import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReportRectificationDto {
  @ApiProperty({ example: '已补充两名持证社工，督导台账见附件，自2027年2月起按月报送。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  evidence!: string;
}
