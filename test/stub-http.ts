// For tests of one core service's routes without the identity module: the platform's HTTP server whose
// "session" is whichever test actor a request header names.
import type { Actor } from '../src/core/auth/actor.ts';
import { createHttpServer, type App } from '../src/core/http/server.ts';

/** A staff actor holding the given permissions with scope `all`. */
export function stubStaff(userId: string, permissions: string[], overrides: Partial<Actor> = {}): Actor {
  return {
    kind: 'staff',
    userId,
    name: userId,
    unitId: 'unit-1',
    unitPath: '/county/unit-1/',
    adminRole: null,
    grants: permissions.map((permission) => ({ permission, scope: 'all' as const })),
    sessionId: `session-${userId}`,
    ip: null,
    userAgent: null,
    ...overrides,
  };
}

export interface StubServerOptions {
  /** Actors by the value of the header that picks them; no header or an unknown value means no session. */
  actors: Record<string, Actor>;
  header?: string;
  csrfToken?: string;
  maxUploadBytes?: number;
  register(app: App): void;
}

/** Builds the server, registers the routes under test and listens on 127.0.0.1; returns the app and its base URL. */
export async function startStubServer(options: StubServerOptions): Promise<{ app: App; base: string }> {
  const header = options.header ?? 'x-test-actor';
  const app = await createHttpServer({
    logLevel: 'silent',
    trustProxy: false,
    maxUploadBytes: options.maxUploadBytes ?? 1024 * 1024,
    publicUrl: 'http://127.0.0.1',
    renderNotFound: () => 'not found',
    resolveSession: async (request) => {
      const actor = options.actors[String(request.headers[header] ?? '')];
      return actor ? { actor: { ...actor, ip: request.ip }, csrfToken: options.csrfToken ?? 't' } : null;
    },
  });
  options.register(app);
  const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('[::1]', '127.0.0.1');
  return { app, base };
}
