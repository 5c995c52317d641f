import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AFFILIATION_NATURES, AffiliationNature } from '@sws/stations-contracts';
import { IsId, OptionalField } from '../../http/validators';

export class DeclareAffiliationDto {
  @ApiProperty({ format: 'uuid', description: 'The organization this one is affiliated with' })
  @IsId()
  otherOrgId!: string;

  @ApiProperty({ enum: AFFILIATION_NATURES })
  @IsIn(AFFILIATION_NATURES)
  nature!: AffiliationNature;

  @ApiPropertyOptional({ example: '两机构法定代表人为同一人' })
  @OptionalField()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description?: string;
}
