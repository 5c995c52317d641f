import 'reflect-metadata';
import { LoggerService, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { BadInput, fieldProblems } from './http/errors';
import { InfrastructureOptions } from './infrastructure/infrastructure.module';
import { ReadModels } from './infrastructure/read-models.service';

const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

export interface CreateAppOptions extends InfrastructureOptions {
  readonly logger?: LoggerService | false;
}

/** Builds the HTTP service on Fastify, with validation, OpenAPI at /docs and the read models running. */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 1_048_576 });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    request.headers['x-request-id'] = requestId;
    reply.header('x-request-id', requestId);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadInput(fieldProblems(errors)),
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Social work station supervision and evaluation')
      .setDescription('乡镇(街道)社工站督导与评估: every fact is an event; reads say the log position they reflect.')
      .setVersion('0.1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(ReadModels).start();
  return app;
}
