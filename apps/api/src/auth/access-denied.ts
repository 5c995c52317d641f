/** The caller is who they say, but their role or organization may not do this (HTTP 403). */
export class AccessDenied extends Error {
  constructor(
    message: string,
    readonly code: 'ROLE_NOT_ALLOWED' | 'OUTSIDE_ORGANIZATION_SCOPE' = 'OUTSIDE_ORGANIZATION_SCOPE',
  ) {
    super(message);
    this.name = 'AccessDenied';
  }
}

/** No token, or one that does not verify (HTTP 401 with WWW-Authenticate). */
export class Unauthenticated extends Error {
  constructor(
    message: string,
    /** False when no credentials were sent at all: RFC 6750 then names no error. */
    readonly invalidToken: boolean,
  ) {
    super(message);
    this.name = 'Unauthenticated';
  }
}
