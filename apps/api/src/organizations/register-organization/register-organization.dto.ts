import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ORGANIZATION_KINDS, OrganizationKind } from '@sws/stations-contracts';
import { RegionDto } from '../../http/shared.dto';
import { IsCreditCode, IsName } from '../../http/validators';

export class RegisterOrganizationDto {
  @ApiProperty({ example: '历城区阳光社会工作服务中心' })
  @IsString()
  @IsName()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  @ApiProperty({ example: '52370112MJD6123457', description: '18-character unified social credit code (统一社会信用代码)' })
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ type: RegionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RegionDto)
  region!: RegionDto;
}
