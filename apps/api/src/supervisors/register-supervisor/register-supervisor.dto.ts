import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Affiliation, AFFILIATIONS, SUPERVISOR_TIERS, SupervisorTier } from '@sws/supervision';
import { IsId, IsName, OptionalField } from '../../http/validators';

export class RegisterSupervisorDto {
  @ApiProperty({ example: '陈晓红' })
  @IsString()
  @IsName()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ enum: SUPERVISOR_TIERS, description: 'city 市级, county 区县级, street 街镇级 supervisor pool' })
  @IsIn(SUPERVISOR_TIERS)
  tier!: SupervisorTier;

  @ApiProperty({ enum: AFFILIATIONS })
  @IsIn(AFFILIATIONS)
  affiliation!: Affiliation;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The organization they belong to: required for operator (an operator) and government (a purchaser) affiliations, optional for a university, refused for an independent supervisor',
  })
  @OptionalField()
  @IsId()
  affiliationOrgId?: string;
}
