import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RECTIFICATION_OUTCOMES, RectificationOutcome } from '@sws/renewal';
import { OptionalField } from '../../http/validators';

export class CloseRectificationDto {
  @ApiProperty({ enum: RECTIFICATION_OUTCOMES })
  @IsIn(RECTIFICATION_OUTCOMES)
  outcome!: RectificationOutcome;

  @ApiPropertyOptional({ example: '经现场核查，整改到位。' })
  @OptionalField()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  comment?: string;
}
