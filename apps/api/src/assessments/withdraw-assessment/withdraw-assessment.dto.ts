import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../http/validators';

/** A draft or submitted assessment may be withdrawn, with the reason stated. */
export class WithdrawAssessmentDto {
  @ApiProperty({ example: '评估周期调整，重新组织年度评估', description: 'Not blank' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;
}
