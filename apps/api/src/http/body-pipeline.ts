import { ValidationPipe } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { BadInput, fieldProblems } from './errors';
import { parseJsonBody } from './json-body';
import { rememberValidationRules } from './validation-rules';

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

/** How every request body is validated: unknown fields refused, and 400 naming each bad field. */
export function bodyValidation(): ValidationPipe {
  rememberValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadInput(fieldProblems(errors)),
  });
}
