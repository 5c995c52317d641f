import 'reflect-metadata';
import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { BadInput, fieldProblems } from '../../../api/src/http/errors';
import { parseJsonBody } from '../../../api/src/http/json-body';
import { RegisterStationDto } from '../../../api/src/stations/register-station/register-station.dto';

/**
 * The commands benchmark's baseline: a bare NestJS 11 Fastify application with one POST whose
 * body is validated as the service validates POST /stations (the same DTO, the same JSON parser,
 * the same ValidationPipe settings), answering 201 without storing anything. Run as its own
 * process, like the service: `node dist/apps/cli/src/bench/bare-app.js` with PORT set.
 */
@Controller()
class BareController {
  @Post('stations')
  register(@Body() body: RegisterStationDto) {
    return { id: randomUUID(), revision: 0, position: String(body.villageCount) };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

export async function startBareApp(port: number): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter();
  const fastify = adapter.getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(['application/json'], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, adapter, { logger: ['error'], bodyParser: false });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadInput(fieldProblems(errors)),
    }),
  );
  await app.listen(port, '127.0.0.1');
  return app;
}

if (require.main === module) {
  startBareApp(Number(process.env.PORT ?? 3999)).then(
    () => console.log('listening'),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
