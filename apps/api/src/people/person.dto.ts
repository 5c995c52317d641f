import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, Role } from '../auth/principal';

/** Someone the console can act as: a role for an organization, and the worker or supervisor record they are. */
export class PersonDto {
  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ description: 'The organization the person acts for' })
  orgId!: string;

  @ApiProperty({ nullable: true, type: String, description: "The organization's name; null for one not registered (a guidance centre)" })
  organizationName!: string | null;

  @ApiProperty({ nullable: true, type: String, description: "The person's name where a record names them (social workers, supervisors)" })
  name!: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  socialWorkerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  supervisorId?: string;
}

export class MeDto extends PersonDto {
  @ApiProperty({ description: 'The user id the token names (sub)' })
  userId!: string;

  @ApiProperty({ example: '2026-11-24', description: "Today's date in China, as the service's clock says" })
  today!: string;
}

export class MeResponseDto {
  @ApiProperty({ type: MeDto })
  data!: MeDto;
}
