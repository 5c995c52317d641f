import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsObject, ValidateNested } from 'class-validator';
import { IsId, OptionalField } from '../../http/validators';
import { RequirementsDto, TermAndBudgetDto } from '../contract.dto';

export class AwardContractDto extends TermAndBudgetDto {
  @ApiProperty({ format: 'uuid', description: 'A purchaser organization (民政局 or township government)' })
  @IsId()
  purchaserOrgId!: string;

  @ApiProperty({ format: 'uuid', description: 'An operator organization (承接机构)' })
  @IsId()
  operatorOrgId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsId({ each: true })
  stationIds!: string[];

  @ApiPropertyOptional({ type: RequirementsDto, description: 'Omitted fields take the defaults' })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements?: RequirementsDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'The contract this one renews' })
  @OptionalField()
  @IsId()
  predecessorContractId?: string;
}
