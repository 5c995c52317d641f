import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import { TRAINING_KINDS, TrainingKind } from '@sws/training';
import { IsCalendarDate, IsId, IsName, OptionalField } from '../../http/validators';

export class RecordTrainingDto {
  @ApiProperty({ example: '个案管理实务培训' })
  @IsString()
  @IsName()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: TRAINING_KINDS, description: 'pre_service 岗前, in_service 在岗, continuing_education 继续教育, skills_competition 技能竞赛, study_visit 参访学习' })
  @IsIn(TRAINING_KINDS)
  kind!: TrainingKind;

  @ApiProperty({ example: '山东大学社会工作系' })
  @IsString()
  @IsName()
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ example: '2026-03-20', description: 'Not after today' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiProperty({ example: 6, description: 'Positive, in whole minutes (3.5 is three and a half hours)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  hours!: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The contract an operator's training is given under (required for operators); the administrator leaves it out for a county-organized course",
  })
  @OptionalField()
  @IsId()
  contractId?: string;
}
