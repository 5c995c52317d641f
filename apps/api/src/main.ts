import { resolve } from 'node:path';
import { configFromEnvironment } from './infrastructure/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = configFromEnvironment();
  // The console's build sits beside the API's in dist/ (npm run build makes both).
  const app = await createApp({ config, consoleDir: resolve(process.env.CONSOLE_DIR ?? 'dist/console') });
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  console.log(`listening on http://localhost:${config.port} (data in ${config.dataDir}; console at /console/, API docs at /docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
