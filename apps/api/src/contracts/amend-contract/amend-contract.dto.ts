import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsNotBlank, OptionalField } from '../../http/validators';
import { BudgetDto, RequirementsDto } from '../contract.dto';

export class AmendContractDto {
  @ApiProperty({ example: '区民政局追加预算,延长服务期至次年3月' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'A new last day of the term' })
  @OptionalField()
  @IsCalendarDate()
  termEnd?: string;

  @ApiPropertyOptional({ type: BudgetDto })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => BudgetDto)
  budget?: BudgetDto;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description:
      'The first day the changes hold: inside the term as amended, not after today (a contract not yet started: its first day), ' +
      "not before the previous amendment's; default the day it is recorded (China time)",
  })
  @OptionalField()
  @IsCalendarDate()
  effectiveOn?: string;

  @ApiPropertyOptional({ type: RequirementsDto, description: 'Given fields replace the current ones' })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements?: RequirementsDto;
}
