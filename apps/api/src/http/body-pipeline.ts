import { ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import type { FastifyInstance } from 'fastify';
import { BadInput, fieldProblems } from './errors';
import { parseJsonBody } from './json-body';
import { rememberValidationRules } from './validation-rules';
import { ValidityCheck } from './validity-check';

/** Makes JSON bodies go through one parser that bounds nesting, sizes and prototype keys (parseJsonBody). */
export function useBoundedJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(['application/json'], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * NestJS's pipe, asking class-validator only about bodies that ValidityCheck does not find valid,
 * so that every problem reported is class-validator's own.
 */
class CheckedValidationPipe extends ValidationPipe {
  private readonly check = new ValidityCheck();

  protected override validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    return this.check.isValid(object, options) ? [] : super.validate(object, options);
  }
}

/** How every request body is validated: unknown fields refused, and 400 naming each bad field. */
export const BODY_VALIDATION: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => new BadInput(fieldProblems(errors)),
};

/** The pipe every request body goes through (BODY_VALIDATION). */
export function bodyValidation(): ValidationPipe {
  rememberValidationRules();
  return new CheckedValidationPipe(BODY_VALIDATION);
}
