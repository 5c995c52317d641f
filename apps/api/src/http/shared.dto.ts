import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsRegionCode, OptionalField } from './validators';

export class RegionDto {
  @ApiProperty({ example: '370112', description: 'Administrative division code: 6 digits (county) or 9 (township/street)' })
  @IsRegionCode()
  code!: string;

  @ApiProperty({ example: '山东省' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  province!: string;

  @ApiProperty({ example: '济南市' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  city!: string;

  @ApiProperty({ example: '历城区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  county!: string;

  @ApiPropertyOptional({ example: '王舍人街道' })
  @OptionalField()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  township?: string;
}
