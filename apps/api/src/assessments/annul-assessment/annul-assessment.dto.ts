import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../http/validators';

/** The guidance centre voids a finalized assessment, e.g. when its evaluator is found conflicted after finalization. */
export class AnnulAssessmentDto {
  @ApiProperty({ example: '经核查，评估机构与承接机构为同一法定代表人，评估结果作废', description: 'Not blank' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;
}
