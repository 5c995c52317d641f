import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isBlank, isCalendarDate, nameProblem } from '@sws/kernel';
import { creditCodeProblem, hasAtMostTwoDecimals } from '@sws/stations-contracts';
import { UUID_PATTERN } from '@sws/event-store';

function rule(name: string, test: (value: unknown) => boolean, message: string | ((value: unknown) => string)) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: test,
        defaultMessage: (args) =>
          `${args?.property} ${typeof message === 'string' ? message : message(args?.value)}`,
      },
    });
}

/** Text that says something: not only white space, control or invisible characters (the kernel's rule). */
export const IsNotBlank = rule(
  'isNotBlank',
  (value) => typeof value === 'string' && !isBlank(value),
  'must not be blank (white space or invisible characters only)',
);

/** A record's name: not blank, and no NUL or other control character anywhere. */
export const IsName = rule(
  'isName',
  (value) => typeof value === 'string' && nameProblem(value) === null,
  (value) => (typeof value === 'string' ? (nameProblem(value) ?? '') : 'must be a string'),
);

export const IsCalendarDate = rule('isCalendarDate', isCalendarDate, 'must be an ISO calendar date such as 2026-03-31');

export const IsCreditCode = rule(
  'isCreditCode',
  (value) => typeof value === 'string' && creditCodeProblem(value) === null,
  (value) => (typeof value === 'string' ? (creditCodeProblem(value) ?? '') : 'must be an 18-character unified social credit code'),
);

export const IsCny = rule(
  'isCny',
  (value) => typeof value === 'number' && value >= 0 && value <= 1e12 && hasAtMostTwoDecimals(value),
  'must be an amount in CNY, at least 0, with at most two decimals',
);

const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const IsMoment = rule(
  'isMoment',
  (value) => typeof value === 'string' && MOMENT.test(value) && !Number.isNaN(Date.parse(value)),
  'must be an ISO timestamp with an offset such as 2026-12-31T18:00:00+08:00',
);

export const IsId = rule('isId', (value) => typeof value === 'string' && UUID_PATTERN.test(value), 'must be a UUID');

export const IsRegionCode = rule(
  'isRegionCode',
  (value) => typeof value === 'string' && /^\d{6}(\d{3})?$/.test(value),
  'must be a 6-digit county or 9-digit township administrative division code',
);

/**
 * An optional field: absent is fine, but a value that is present, null included, is validated.
 * (class-validator's IsOptional lets null through, which would then reach the domain.)
 */
export function OptionalField(options?: ValidationOptions) {
  return ValidateIf((_object, value) => value !== undefined, options);
}
