import { configFromEnvironment } from './infrastructure/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = configFromEnvironment();
  const app = await createApp({ config });
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  console.log(`listening on http://localhost:${config.port} (data in ${config.dataDir}; API docs at /docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
