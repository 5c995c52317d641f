import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from './principal';

export const ROLES_KEY = 'sws:roles';
export const PUBLIC_KEY = 'sws:public';

/**
 * The roles that may call an endpoint at all (403 for the others, before the body is read).
 * Which records of their organization they may touch is checked where the records are read.
 * An endpoint with neither @Roles nor @Public refuses everyone.
 */
export function Roles(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No token, or a bad, expired or not-yet-valid one' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}; and only for their own organization's records` }),
  );
}

/** An endpoint anyone may call without a token (health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
