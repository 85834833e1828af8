// A fresh database for one benchmark run on the server BENCH_PG_URL points at, dropped afterwards, so runs never mix.
import pg from 'pg';

/** Creates a database named after `prefix` and the process, runs `work` with its URL, then drops it. */
export async function withFreshPostgres(serverUrl: string, prefix: string, work: (url: string) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `${prefix}_${process.pid}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}
