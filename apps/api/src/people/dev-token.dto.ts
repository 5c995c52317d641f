import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { ROLES, Role } from '../auth/principal';
import { IsId, OptionalField } from '../http/validators';
import { PersonDto } from './person.dto';

/** Whom a development token is for: one of the people `GET /dev/people` lists. */
export class MintDevTokenDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ description: 'The organization the person acts for' })
  @IsString()
  @Matches(/^[^\u0000-\u001f]{1,200}$/, { message: 'orgId must be 1 to 200 printable characters' })
  orgId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for the social_worker role' })
  @OptionalField()
  @IsId()
  socialWorkerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for the supervisor role' })
  @OptionalField()
  @IsId()
  supervisorId?: string;
}

export class DevTokenDto {
  @ApiProperty({ description: 'A bearer token the service accepts in AUTH_MODE=dev' })
  token!: string;

  @ApiProperty({ description: 'When it expires (ISO timestamp)' })
  expiresAt!: string;
}

export class DevPeopleResponseDto {
  @ApiProperty({ type: [PersonDto] })
  data!: PersonDto[];
}
