import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { CERTIFICATION_LEVELS, CertificationLevel } from '@sws/stations-contracts';
import { IsName } from '../../http/validators';

export class RegisterSocialWorkerDto {
  @ApiProperty({ example: '李秀英' })
  @IsString()
  @IsName()
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
