/**
 * The SQLite file behind a local org: opened in WAL mode with synchronous=FULL, so a write the API has
 * acknowledged survives a kill -9 or a power cut; tables created or widened from the schema; a small
 * key-value table for the org's own settings and the counters behind ids and auto-numbers.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Schema } from '../schema/types.js';
import { createTables, quoteIdent, sqlType } from './ddl.js';

export class Database {
  public readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private depth = 0;

  public constructor(file: string, schema: Schema) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = FULL');
    this.db.exec('PRAGMA busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS "_meta" ("key" TEXT PRIMARY KEY, "value" TEXT)');
    this.db.exec('CREATE TABLE IF NOT EXISTS "_counters" ("name" TEXT PRIMARY KEY, "value" INTEGER NOT NULL)');
    createTables(this.db, schema);
    this.addMissingColumns(schema);
  }

  /** A field added to the metadata after the file was made becomes a new, empty column. */
  private addMissingColumns(schema: Schema): void {
    for (const object of schema.objects) {
      const rows = this.db.prepare(`PRAGMA table_info(${quoteIdent(object.name)})`).all() as Array<{ name: string }>;
      const have = new Set(rows.map((r) => r.name.toLowerCase()));
      for (const f of object.fields) {
        if (have.has(f.name.toLowerCase())) continue;
        this.db.exec(`ALTER TABLE ${quoteIdent(object.name)} ADD COLUMN ${quoteIdent(f.name)} ${sqlType(f)}`);
      }
    }
  }

  /** A cached prepared statement. SQL text here only ever comes from the schema, never a request. */
  public prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Runs `fn` atomically: the outermost call is one write transaction (BEGIN IMMEDIATE … COMMIT),
   * nested calls are savepoints, so a failing record of a collection can be undone alone.
   */
  public transaction<T>(fn: () => T): T {
    const level = this.depth;
    this.db.exec(level === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT sp${level}`);
    this.depth++;
    try {
      const result = fn();
      this.depth--;
      this.db.exec(level === 0 ? 'COMMIT' : `RELEASE sp${level}`);
      return result;
    } catch (e) {
      this.depth--;
      if (level === 0) this.db.exec('ROLLBACK');
      else this.db.exec(`ROLLBACK TO sp${level}; RELEASE sp${level}`);
      throw e;
    }
  }

  public getMeta(key: string): string | undefined {
    const row = this.prepare('SELECT "value" FROM "_meta" WHERE "key" = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  public setMeta(key: string, value: string): void {
    this.prepare(
      'INSERT INTO "_meta" ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = ?',
    ).run(key, value, value);
  }

  /** The next value of a named counter, starting at `start`; rolls back with the transaction it is in. */
  public next(name: string, start = 1): number {
    const row = this.prepare(
      'INSERT INTO "_counters" ("name", "value") VALUES (?, ?) ON CONFLICT ("name") DO UPDATE SET "value" = "value" + 1 RETURNING "value"',
    ).get(name, start) as { value: number };
    return row.value;
  }

  public close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
