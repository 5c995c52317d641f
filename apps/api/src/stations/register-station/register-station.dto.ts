import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OPERATING_MODELS, STATION_KINDS, StationRegistered } from '@sws/stations-contracts';
import { RegionDto } from '../../http/shared.dto';
import { IsName } from '../../http/validators';

type Data = StationRegistered['data'];

export class RegisterStationDto {
  @ApiProperty({ example: '王舍人街道社工站' })
  @IsString()
  @IsName()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: STATION_KINDS })
  @IsIn(STATION_KINDS)
  kind!: Data['kind'];

  @ApiProperty({ type: RegionDto, description: 'Where the station is; code is the 9-digit township/street code' })
  @IsObject()
  @ValidateNested()
  @Type(() => RegionDto)
  region!: RegionDto;

  @ApiProperty({
    enum: OPERATING_MODELS,
    description: 'government_led 政府主导内生型, outsourced 组织为本外嵌型, composite 政社共育复合型, community_based 回归村社区',
  })
  @IsIn(OPERATING_MODELS)
  operatingModel!: Data['operatingModel'];

  @ApiProperty({ example: 12, description: 'Villages or communities the station serves' })
  @IsInt()
  @Min(0)
  @Max(1000)
  villageCount!: number;
}
