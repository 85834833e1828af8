// Typed configuration from environment variables only; a bad value stops the boot with a clear message.
import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanFromEnv.default(true),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must look like smtp://user:pass@host:port').optional(),
  MAIL_FROM: z.string().min(3).default('政通平台 <noreply@zhengtong.local>'),
  SMS_GATEWAY_URL: z.url().optional(),
  PROVINCIAL_SUPERVISION_URL: z.url().optional(),
  PROVINCIAL_SUPERVISION_TOKEN: z.string().min(8).max(500).optional(),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  WORKERS: booleanFromEnv.default(true),
  TRUST_PROXY: booleanFromEnv.default(false),
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  filesDir: string;
  logLevel: RawConfig['LOG_LEVEL'];
  seedDemo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  smsGatewayUrl: string | undefined;
  /** Where cases and findings are reported to the provincial supervision platform; unset: not reported. */
  provincialSupervision: { url: string; token: string | undefined } | undefined;
  maxUploadBytes: number;
  runWorkers: boolean;
  trustProxy: boolean;
  /** Sign-in attempts (password or code) allowed per client IP per minute. */
  signInRatePerMinute: number;
  secureCookies: boolean;
}

/** Parses the environment into an AppConfig or throws one error that lists every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  const publicUrl = (raw.PUBLIC_URL ?? `http://${raw.HOST === '0.0.0.0' ? '127.0.0.1' : raw.HOST}:${raw.PORT}`).replace(/\/$/, '');
  return {
    port: raw.PORT,
    host: raw.HOST,
    publicUrl,
    dataDir,
    databaseUrl: raw.DATABASE_URL,
    sqlitePath: path.join(dataDir, 'zhengtong.sqlite'),
    filesDir: path.join(dataDir, 'files'),
    logLevel: raw.LOG_LEVEL,
    seedDemo: raw.SEED_DEMO,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    smsGatewayUrl: raw.SMS_GATEWAY_URL,
    provincialSupervision: raw.PROVINCIAL_SUPERVISION_URL ? { url: raw.PROVINCIAL_SUPERVISION_URL, token: raw.PROVINCIAL_SUPERVISION_TOKEN } : undefined,
    maxUploadBytes: Math.round(raw.MAX_UPLOAD_MB * 1024 * 1024),
    runWorkers: raw.WORKERS,
    trustProxy: raw.TRUST_PROXY,
    signInRatePerMinute: raw.SIGN_IN_RATE_PER_MINUTE,
    secureCookies: publicUrl.startsWith('https://'),
  };
}
