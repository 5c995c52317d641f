import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ItemScoreDto, ScoresProperty } from '../item-score.dto';
import { IsNotBlank } from '../../http/validators';

/** Changes a finalized assessment's item scores: a new revision, with the reason stated. */
export class AmendAssessmentDto {
  @ScoresProperty()
  scores!: ItemScoreDto[];

  @ApiProperty({ example: '复核发现满意度调查样本漏计，更正计分', description: 'Not blank' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;
}
