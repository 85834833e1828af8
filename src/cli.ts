// The operator's command line: `npm run cli -- <command>`. Same configuration (environment) as the server.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type AppConfig } from './config.ts';
import { openDatabase } from './core/db/database.ts';
import { systemActor } from './core/auth/actor.ts';
import { generatePassword } from './core/auth/password.ts';
import { verifyAuditChain } from './core/audit/audit.service.ts';
import { prepareDatabase, allMigrations } from './platform.ts';
import { migrateToLatest } from './core/db/migrate.ts';
import { backupEmbedded, restoreEmbedded } from './core/db/backup.ts';
import { createAdminAccount, findUnitByReference, seedDemoCounty } from './modules/identity/index.ts';
import { seedDemoServices } from './modules/services/index.ts';
import { createCalendarService } from './core/calendar/calendar.service.ts';
import { createLocalBlobStore } from './core/files/index.ts';
import { isAppError } from './core/errors/app-error.ts';
import { describeError } from './core/errors/error-codes.ts';

const USAGE = `用法 Usage: npm run cli -- <command> [options]

  migrate                          应用数据库迁移 Apply pending migrations
  seed-demo                        载入示范县及办事大厅演示数据（仅空库）Load the demo county and its service hall (empty database only)
  create-admin --role system|security|audit --username NAME --name 姓名 --unit <单位ID或统一社会信用代码>
                                   创建三员账号并打印初始密码 Create an admin account, prints its initial password
  backup [--out DIR]               备份嵌入式数据库与附件 Back up the embedded database and files
  restore --from DIR [--force]     从备份恢复（须先停止服务）Restore a backup (stop the server first)
  verify-audit                     校验审计链 Verify the audit hash chain
`;

async function withDatabase<T>(config: AppConfig, work: (database: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const { values } = parseArgs({
    args: rest,
    options: { role: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' } },
    allowPositionals: false,
  });
  switch (command) {
    case 'migrate':
      return withDatabase(config, async ({ db }) => {
        const applied = await migrateToLatest(db, allMigrations);
        console.log(applied.length ? `已应用 Applied: ${applied.join(', ')}` : '数据库已是最新 Database is up to date');
        return 0;
      });
    case 'seed-demo':
      return withDatabase(config, async (database) => {
        await prepareDatabase(database, { seedDemo: false });
        const seeded = await seedDemoCounty(database.db, systemActor('命令行工具'));
        if (seeded) {
          const calendar = await createCalendarService({ db: database.db });
          await seedDemoServices(database.db, { actor: systemActor('命令行工具'), calendar: () => calendar.getCalendar(), now: () => new Date(), store: createLocalBlobStore(config.filesDir) });
        }
        console.log(seeded ? '已载入示范县及其办事大厅 Demo county and its service hall loaded' : '数据库中已有单位，未载入 The database already has units; nothing loaded');
        return 0;
      });
    case 'create-admin': {
      const role = values.role;
      if (role !== 'system' && role !== 'security' && role !== 'audit') throw new Error('--role must be system, security or audit');
      if (!values.username || !values.name || !values.unit) throw new Error('--username, --name and --unit are required');
      return withDatabase(config, async (database) => {
        await prepareDatabase(database, { seedDemo: false });
        const unit = await findUnitByReference(database.db, values.unit!);
        if (!unit) throw new Error(`Unit not found: ${values.unit}`);
        const password = generatePassword();
        await createAdminAccount(database.db, systemActor('命令行工具'), { username: values.username!, displayName: values.name!, adminRole: role, unitId: unit.id, password });
        console.log(`已创建 Created ${values.username} (${role}). 初始密码 Initial password: ${password}\n首次登录须绑定动态口令并修改密码。TOTP enrolment and a new password are required at first sign-in.`);
        return 0;
      });
    }
    case 'backup': {
      if (config.databaseUrl) throw new Error('PostgreSQL is backed up with its own tools (pg_dump or base backups + WAL archiving); this command backs up the embedded database.');
      const out = path.resolve(values.out ?? path.join(config.dataDir, '..', 'backups', `zhengtong-${new Date().toISOString().replace(/[:.]/g, '-')}`));
      const manifest = await backupEmbedded({ sqlitePath: config.sqlitePath, filesDir: config.filesDir, outDir: out });
      console.log(`备份完成 Backup written to ${out}\n  ${manifest.databaseBytes} bytes database, ${manifest.fileCount} files`);
      return 0;
    }
    case 'restore': {
      if (!values.from) throw new Error('--from DIR is required');
      await restoreEmbedded({ fromDir: path.resolve(values.from), sqlitePath: config.sqlitePath, filesDir: config.filesDir, force: values.force === true });
      console.log('恢复完成 Restore complete. 请启动服务 Start the server now.');
      return 0;
    }
    case 'verify-audit':
      return withDatabase(config, async ({ db }) => {
        const result = await verifyAuditChain(db);
        if (result.ok) console.log(`审计链完整 Audit chain intact: ${result.checked} records checked`);
        else console.log(`审计链断裂 Audit chain BROKEN at record ${result.firstBroken!.seq} (${result.firstBroken!.reason}); ${result.checked} records before it are intact`);
        return result.ok ? 0 : 1;
      });
    default:
      console.log(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = isAppError(error) ? describeError(error.code, 'zh', error.params).message : error instanceof Error ? error.message : String(error);
    console.error(`错误 Error: ${message}`);
    process.exit(1);
  });

