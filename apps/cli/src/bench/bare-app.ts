import 'reflect-metadata';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { bodyValidation, useBoundedJsonBodies } from '../../../api/src/http/body-pipeline';
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
  useBoundedJsonBodies(fastify);
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, adapter, { logger: ['error'], bodyParser: false });
  app.useGlobalPipes(bodyValidation());
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
