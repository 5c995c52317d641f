import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../http/validators';
import { BudgetDto, RequirementsDto } from '../contract.dto';

export class AmendContractDto {
  @ApiProperty({ example: '区民政局追加预算,延长服务期至次年3月' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'A new last day of the term' })
  @IsOptional()
  @IsCalendarDate()
  termEnd?: string;

  @ApiPropertyOptional({ type: BudgetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BudgetDto)
  budget?: BudgetDto;

  @ApiPropertyOptional({ type: RequirementsDto, description: 'Given fields replace the current ones' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements?: RequirementsDto;
}
