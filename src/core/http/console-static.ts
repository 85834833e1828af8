// Serves the built staff console (dist/console) at /console/, with index.html for the SPA's own paths.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './server.ts';

/** Registers /console/ from a built folder; explains how to build it when the folder is missing. */
export async function registerConsoleStatic(app: App, consoleDir: string): Promise<void> {
  const indexFile = path.join(consoleDir, 'index.html');
  app.get('/console', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/', 301));
  if (!fs.existsSync(indexFile)) {
    app.get('/console/*', { schema: { hide: true } }, async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('管理控制台尚未构建，请运行 npm run build。The console is not built yet: run npm run build.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: consoleDir, prefix: '/console/', decorateReply: false, wildcard: false, index: ['index.html'], cacheControl: true, maxAge: '1h' });
  app.get('/console/*', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    return fs.promises.readFile(indexFile, 'utf8');
  });
}
