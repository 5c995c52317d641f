import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Decision, DECISIONS } from '@sws/renewal';
import { TermAndBudgetDto } from '../../contracts/contract.dto';
import { IsCalendarDate, IsNotBlank, OptionalField } from '../../http/validators';

export class ConditionsDto {
  @ApiProperty({ type: [String], example: ['补足驻站社工至每站2人', '建立督导台账并按月报送'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotBlank({ each: true })
  @MaxLength(500, { each: true })
  items!: string[];

  @ApiProperty({ example: '2027-03-31', description: 'After today' })
  @IsCalendarDate()
  deadline!: string;
}

export class RecordRenewalDecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: Decision;

  @ApiProperty({ example: '年度评估良好，人员配备与督导达标，同意续签。' })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  justification!: string;

  @ApiPropertyOptional({ description: 'Required, and only allowed, when the decision goes against the computed eligibility' })
  @OptionalField()
  @IsBoolean()
  overridesEligibility?: boolean;

  @ApiPropertyOptional({ type: ConditionsDto, description: 'Required for renew_with_conditions' })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => ConditionsDto)
  conditions?: ConditionsDto;

  @ApiPropertyOptional({ type: TermAndBudgetDto, description: "The successor contract's term and budget, for renew and renew_with_conditions" })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => TermAndBudgetDto)
  successor?: TermAndBudgetDto;
}
