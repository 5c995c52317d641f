import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { projectorConfigFromEnvironment } from '../../api/src/infrastructure/config';
import { ReadModels } from '../../api/src/infrastructure/read-models.service';
import { ProjectorModule } from './projector.module';

/**
 * Runs every projection against the configured stores (EVENT_STORE, READ_STORE, DATA_DIR), with
 * GET /health on PROJECTOR_PORT and nothing else. SIGTERM stops the projections, closes the stores
 * and exits; whatever was folded and not yet committed is folded again on the next start.
 */
async function main(): Promise<void> {
  const config = projectorConfigFromEnvironment();
  const app = await NestFactory.create<NestFastifyApplication>(ProjectorModule.register(config), new FastifyAdapter(), {
    logger: ['error', 'warn', 'log'],
  });
  app.enableShutdownHooks();
  await app.init();
  await app.get(ReadModels).start();
  await app.listen(config.port, '0.0.0.0');
  console.log(`projector running every projection (data in ${config.dataDir}; health at http://localhost:${config.port}/health)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
