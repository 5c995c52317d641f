import { Actor } from '@sws/kernel';

/** The roles of SPEC "Who uses it". */
export const ROLES = ['evaluator', 'supervisor', 'social_worker', 'operator', 'procurement', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The person behind a request, as their token says: one role for one organization, and the
 * social worker or supervisor record they are, where they are one.
 */
export interface Principal {
  readonly userId: string;
  readonly role: Role;
  readonly orgId: string;
  readonly socialWorkerId?: string;
  readonly supervisorId?: string;
}

/** The actor recorded in event metadata: always from the token, never from the request body. */
export function actorOfPrincipal(principal: Principal): Actor {
  return {
    userId: principal.userId,
    role: principal.role,
    orgId: principal.orgId,
    ...(principal.socialWorkerId ? { socialWorkerId: principal.socialWorkerId } : {}),
    ...(principal.supervisorId ? { supervisorId: principal.supervisorId } : {}),
  };
}
