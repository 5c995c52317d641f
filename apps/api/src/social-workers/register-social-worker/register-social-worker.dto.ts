import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CERTIFICATION_LEVELS, CertificationLevel } from '@sws/stations-contracts';

export class RegisterSocialWorkerDto {
  @ApiProperty({ example: '李秀英' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({
    enum: CERTIFICATION_LEVELS,
    description: 'none; assistant 助理社会工作师; intermediate 社会工作师; senior 高级社会工作师',
  })
  @IsIn(CERTIFICATION_LEVELS)
  certification!: CertificationLevel;

  @ApiProperty({ description: 'Holds a degree in social work' })
  @IsBoolean()
  socialWorkDegree!: boolean;
}
