// Composition of the whole platform: configuration → database → modules → HTTP → background workers.
// main.ts starts it for real; tests start it the same way on their own database and port.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, pingDatabase, refreshPlannerStatistics, type DatabaseHandle } from './core/db/database.ts';
import { migrateToLatest } from './core/db/migrate.ts';
import { coreMigrations } from './core/db/migrations/index.ts';
import { systemActor } from './core/auth/actor.ts';
import { createHttpServer, type App } from './core/http/server.ts';
import { registerConsoleStatic } from './core/http/console-static.ts';
import { AppError } from './core/errors/app-error.ts';
import { registerAuditRoutes } from './core/audit/audit.api.ts';
import { recordAuditAlone } from './core/audit/audit.service.ts';
import { createCalendarService, type CalendarService } from './core/calendar/calendar.service.ts';
import { registerCalendarRoutes } from './core/calendar/calendar.api.ts';
import { todayInChina } from './core/calendar/working-days.ts';
import { createOutboxDispatcher, createRecordingEmailSender, createRecordingSmsGateway, createHttpSmsGateway, createSmtpEmailSender, registerNotifyRoutes, type OutboxDispatcher } from './core/notify/index.ts';
import { createJobWorker, definePeriodicJob, type JobWorker } from './core/jobs/index.ts';
import { createLocalBlobStore, registerFileRoutes } from './core/files/index.ts';
import type { AppConfig } from './config.ts';
import { createSessionResolver, ensureBuiltinRoles, identityMigrations, registerIdentityRoutes, seedDemoCounty } from './modules/identity/index.ts';
import { registerPortal, renderPortalErrorPage, renderPortalNotFound } from './modules/portal/index.ts';
import { defineServicesJobs, defineServicesPeriodicJobs, registerServicesRoutes, seedDemoServices, servicesMigrations } from './modules/services/index.ts';
import { defineSupervisionJobs, defineSupervisionPeriodicJobs, ensureDefaultSupervisionRules, registerSupervisionModule, seedDemoSupervision, supervisionMigrations, supervisionSubscriptions } from './modules/supervision/index.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Platform {
  config: AppConfig;
  database: DatabaseHandle;
  app: App;
  calendar: CalendarService;
  dispatcher: OutboxDispatcher;
  worker: JobWorker;
  /** True when this start loaded the demo county. */
  seededDemo: boolean;
  /** Listens on the configured host and port and starts the background workers; returns the base URL. */
  listen(): Promise<string>;
  /** Stops workers, closes the server and the database. */
  close(): Promise<void>;
}

export interface PlatformOptions {
  now?: () => Date;
}

/** Every module's migrations, in one list. */
export const allMigrations = [coreMigrations, identityMigrations, servicesMigrations, supervisionMigrations];

/** Migrates the database and makes sure built-in data exists; seeds the demo county if asked and empty. */
export async function prepareDatabase(database: DatabaseHandle, options: { seedDemo: boolean }): Promise<{ seededDemo: boolean }> {
  const applied = await migrateToLatest(database.db, allMigrations);
  if (applied.length > 0) await refreshPlannerStatistics(database.db, 'all');
  await database.db.transaction().execute(async (tx) => {
    await ensureBuiltinRoles(tx);
    await ensureDefaultSupervisionRules(tx);
  });
  const seededDemo = options.seedDemo ? await seedDemoCounty(database.db, systemActor('系统初始化')) : false;
  if (seededDemo) await seedDemoSupervision(database.db, new Date());
  return { seededDemo };
}

/** Once a day the planner's statistics follow the tables' growth (see refreshPlannerStatistics). */
function plannerStatisticsJob(db: DatabaseHandle['db']) {
  return definePeriodicJob({ name: 'db.refreshPlannerStatistics', everySeconds: 86_400, run: () => refreshPlannerStatistics(db, 'changed') });
}

/** Builds the platform on the configured database; nothing listens until listen(). */
export async function createPlatform(config: AppConfig, options: PlatformOptions = {}): Promise<Platform> {
  const now = options.now ?? (() => new Date());
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, walCheckpoints: { onError: (message) => process.emitWarning(`SQLite checkpoint failed: ${message}`, { code: 'ZT_SQLITE_CHECKPOINT' }) } });
  const { db } = database;
  const { seededDemo } = await prepareDatabase(database, { seedDemo: config.seedDemo });

  const calendar = await createCalendarService({ db, now });
  const store = createLocalBlobStore(config.filesDir);
  // The demo catalogue and its cases go through the case engine, which needs the calendar and the file store.
  if (seededDemo) await seedDemoServices(db, { actor: systemActor('系统初始化'), calendar: () => calendar.getCalendar(), now, store });
  const resolve = createSessionResolver({ db, now });
  const app = await createHttpServer({
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    maxUploadBytes: config.maxUploadBytes,
    publicUrl: config.publicUrl,
    resolveSession: (request) => resolve(request),
    renderNotFound: (request) => renderPortalNotFound(db, request),
    renderErrorPage: (request, error) => renderPortalErrorPage(db, request, error),
    recordDenial: (request, code) =>
      recordAuditAlone(db, request.actor, { action: 'http.denied', outcome: 'denied', subjectType: 'route', subjectId: `${request.method} ${request.routeOptions.url ?? request.url}`.slice(0, 200), detail: code }),
  });

  const emailSender = config.smtpUrl ? createSmtpEmailSender({ smtpUrl: config.smtpUrl, from: config.mailFrom }) : createRecordingEmailSender();
  const smsGateway = config.smsGatewayUrl ? createHttpSmsGateway({ url: config.smsGatewayUrl }) : createRecordingSmsGateway();
  const servicesDeps = { db, calendar: () => calendar.getCalendar(), now, store };
  const supervisionDeps = { db, calendar: () => calendar.getCalendar(), now, reporting: config.provincialSupervision };
  const dispatcher = createOutboxDispatcher({ db, emailSender, smsGateway, subscribers: supervisionSubscriptions(supervisionDeps), clock: now, logger: app.log });
  const worker = createJobWorker({
    db,
    jobs: [...defineServicesJobs(servicesDeps), ...defineSupervisionJobs(supervisionDeps)],
    periodicJobs: [plannerStatisticsJob(db), ...defineServicesPeriodicJobs(servicesDeps), ...defineSupervisionPeriodicJobs(supervisionDeps)],
    workerId: `node-${process.pid}`,
    clock: now,
    logger: app.log,
  });

  registerIdentityRoutes(app, { db, now, secureCookies: config.secureCookies, signInRatePerMinute: config.signInRatePerMinute, resolve });
  registerCalendarRoutes(app, { calendarService: calendar });
  registerAuditRoutes(app, { db });
  registerNotifyRoutes(app, { db, dispatcher });
  registerFileRoutes(app, { db, store, maxUploadBytes: config.maxUploadBytes });
  registerServicesRoutes(app, servicesDeps);
  registerSupervisionModule(app, supervisionDeps);
  registerPortal(app, { db, describeToday: () => calendar.describeDay(todayInChina(now())) });
  await registerConsoleStatic(app, path.join(PROJECT_ROOT, 'dist', 'console'));
  app.get('/readyz', { schema: { hide: true } }, async () => {
    try {
      await pingDatabase(db);
    } catch {
      throw new AppError('UNAVAILABLE');
    }
    return { status: 'ready', database: database.dialect };
  });

  return {
    config,
    database,
    app,
    calendar,
    dispatcher,
    worker,
    seededDemo,
    async listen() {
      const address = await app.listen({ host: config.host, port: config.port });
      if (config.runWorkers) {
        dispatcher.start(1000);
        worker.start(1000);
      }
      return address;
    },
    async close() {
      await dispatcher.stop();
      await worker.stop();
      await app.close();
      await database.close();
    },
  };
}
