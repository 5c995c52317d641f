import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../http/validators';

/** Every item must be scored before submission; the operator's response window opens with it. */
export class SubmitAssessmentDto {
  @ApiProperty({ example: '台账规范，个案服务扎实；小组工作场次不足', description: 'Not blank' })
  @IsString()
  @IsNotBlank()
  @MaxLength(10000)
  findings!: string;

  @ApiProperty({ example: '增加小组工作频次，加强驻站社工督导', description: 'Not blank' })
  @IsString()
  @IsNotBlank()
  @MaxLength(10000)
  recommendations!: string;

  @ApiProperty({ description: 'Whether the evaluator would recommend the operator for renewal' })
  @IsBoolean()
  wouldRecommend!: boolean;
}
