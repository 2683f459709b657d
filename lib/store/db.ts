import 'server-only';
/**
 * The store: one SQLite file by default (`./data/guardlink.sqlite`, or DATABASE_URL=file:...).
 * Migrations run when it is first opened. Everything else in lib/store goes through `db()`.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { env } from '../env';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export function sqlitePath(url: string | undefined): string {
  if (!url) return resolve('data', 'guardlink.sqlite');
  if (url.startsWith('file:')) return resolve(url.slice('file:'.length));
  throw new Error(`DATABASE_URL: only SQLite (file:path) is supported in this version; got a ${url.split(':')[0]} URL`);
}

export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  migrate(database);
  return database;
}

export function migrate(database: Db): void {
  database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    database
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => (r as { version: number }).version),
  );
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    database.transaction(() => {
      database.exec(m.sql);
      database.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
    })();
  }
}

let instance: Db | undefined;

export function db(): Db {
  instance ??= openDb(sqlitePath(env().DATABASE_URL));
  return instance;
}

/** Tests open their own database and hand it in. */
export function useDb(database: Db): void {
  instance = database;
}
