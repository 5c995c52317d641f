import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the console is served: everything under it is the console's, nothing else is. */
export const CONSOLE_PREFIX = '/console/';

/**
 * Serves the built web console (apps/console, built into `directory`) under /console/: its files
 * as they are (hashed assets cached for a year), and index.html for any other path under the
 * prefix so the console's own router can resolve it. No other path is touched, so an unknown API
 * path still gets the API's 404. `/` sends a browser to the console.
 */
export async function serveConsole(app: NestFastifyApplication, directory: string): Promise<boolean> {
  const indexFile = join(directory, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('Console').warn(`no console build in ${directory} (npm run build makes it); serving the API only`);
    return false;
  }
  const index = readFileSync(indexFile);
  await app.register(fastifyStatic, {
    root: directory,
    prefix: CONSOLE_PREFIX,
    wildcard: false,
    index: false,
    decorateReply: false,
    setHeaders: (response, path) => {
      response.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const sendIndex = (_request: unknown, reply: { header(name: string, value: string): typeof reply; type(t: string): typeof reply; send(body: Buffer): void }) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  fastify.get('/', (_request, reply) => reply.redirect(CONSOLE_PREFIX));
  fastify.get('/console', (_request, reply) => reply.redirect(CONSOLE_PREFIX));
  fastify.get(CONSOLE_PREFIX, sendIndex);
  fastify.get(`${CONSOLE_PREFIX}*`, (request, reply) => {
    // A missing asset is a 404, not the page: a stale tab must not run HTML as a script.
    if (request.url.startsWith(`${CONSOLE_PREFIX}assets/`)) return reply.code(404).type('text/plain').send('not found');
    return sendIndex(request, reply);
  });
  return true;
}
