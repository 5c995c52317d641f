import 'reflect-metadata';
import { Logger, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { serveConsole } from './console/serve-console';
import { bodyValidation, useBoundedJsonBodies } from './http/body-pipeline';
import { IdempotentReplays, KeyedRequest } from './http/idempotent-replays';
import { InfrastructureOptions } from './infrastructure/infrastructure.module';
import { ReadModels } from './infrastructure/read-models.service';

const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** helmet's settings for every answer. */
const HELMET_OPTIONS = {
  // The OpenAPI page at /docs and the console at /console/ load only their own scripts; Element
  // Plus and the OpenAPI page set inline styles; charts draw on canvas; no fonts or CDN.
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
      scriptSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      // Many county intranets serve plain HTTP: upgrading the page's requests to HTTPS would break it.
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * The headers helmet sets, worked out once at start (they depend on nothing in a request): the
 * Fastify plugin would build helmet's middleware again for every request.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
})();

export interface CreateAppOptions extends InfrastructureOptions {
  readonly logger?: LoggerService | false;
  /** The built web console to serve under /console/ (see console/serve-console.ts); none when absent. */
  readonly consoleDir?: string;
}

/** Builds the HTTP service on Fastify, with validation, OpenAPI at /docs and the read models running. */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes });
  const fastify = adapter.getInstance();
  // JSON bodies go through one parser that bounds nesting, sizes and prototype keys.
  useBoundedJsonBodies(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    request.headers['x-request-id'] = requestId;
    reply.header('x-request-id', requestId);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    logger: options.logger ?? ['error', 'warn', 'log'],
    // Our JSON parser above is the only one: other content types are refused with 415.
    bodyParser: false,
  });
  // The security headers are the same on every answer: made once, set by one hook.
  const headers = SECURITY_HEADERS;
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  // A keyed POST's answer is remembered as it is sent (see IdempotentReplays). A text answer goes
  // out as its UTF-8 bytes, encoded once: given a string, Fastify measures its length in bytes and
  // the socket encodes it again (for a dossier of 110 KB, 0.2-0.5 ms of its median of 3-4 ms).
  const replays = app.get(IdempotentReplays);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    replays.remember(request as KeyedRequest, reply.statusCode, payload);
    done(null, typeof payload === 'string' ? Buffer.from(payload) : payload);
  });
  if (options.consoleDir !== undefined) await serveConsole(app, options.consoleDir);
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
    });
  }
  if (config.auth.mode === 'dev') {
    new Logger('Auth').warn(
      'AUTH_MODE=dev: accepting development tokens signed with the secret in the data directory (npm run token). Never use this in production.',
    );
  }
  app.useGlobalPipes(bodyValidation());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Social work station supervision and evaluation')
      .setDescription('乡镇(街道)社工站督导与评估: every fact is an event; reads say the log position they reflect.')
      .setVersion('0.1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(ReadModels).start();
  return app;
}
