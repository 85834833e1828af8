// Starts Zhengtong: `npm start`. Reads the environment, migrates, seeds the demo county on the first start,
// listens, and prints where to go and how to sign in.
import { loadConfig } from './config.ts';
import { createPlatform } from './platform.ts';
import { DEMO_PASSWORD, demoAdmins } from './modules/identity/index.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const platform = await createPlatform(config);
  const address = await platform.listen();
  // PUBLIC_URL names the address people use; without it, the address the server actually bound.
  const base = process.env['PUBLIC_URL'] ? config.publicUrl : address;
  const lines = [
    '',
    '政通 Zhengtong 已启动 / is running',
    `  数据库 Database:  ${platform.database.dialect === 'sqlite' ? config.sqlitePath : 'PostgreSQL'}`,
    `  门户网站 Public site:   ${base}/`,
    `  管理控制台 Console:     ${base}/console/`,
    `  接口文档 API docs:      ${base}/api/docs`,
  ];
  if (platform.seededDemo || config.seedDemo) {
    lines.push(
      '',
      '首次登录 First sign-in (demo county 示范县):',
      ...demoAdmins.map((admin) => `  ${admin.displayName.padEnd(8, '　')} ${admin.username.padEnd(12)} 初始密码 initial password: ${DEMO_PASSWORD}`),
      '  三员账号首次登录须绑定动态口令（TOTP）并修改密码。Admins enrol an authenticator app and change the password at first sign-in.',
      `  部门工作人员 Department staff, e.g. zhang.wei — same demo password.`,
    );
  }
  console.log(lines.join('\n'));
  const shutdown = async (signal: string) => {
    platform.app.log.info({ signal }, 'shutting down');
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
