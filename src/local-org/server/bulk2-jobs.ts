/**
 * Bulk API 2.0 jobs of a local org, kept in its SQLite file so a restart keeps them: the job info,
 * the uploaded rows of an ingest job and their results, the result rows of a query job. Jobs are
 * processed after the request that starts them has been answered, a chunk per turn of the event loop,
 * each chunk (records, results and progress) in one transaction: a job cut off by a crash resumes where
 * it stopped when it is next looked at, and no record is written twice.
 */
import { ApiError } from '../errors.js';
import { makeId } from '../ids.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { prepareQuery } from '../soql/index.js';
import type { Store } from '../store/store.js';
import { queryColumns, type ColumnMetadata } from './columns.js';
import type { Org } from './context.js';
import { csvLine, DELIMITERS } from './csv.js';

export type JobKind = 'ingest' | 'query';
export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'Aborted' | 'JobComplete' | 'Failed';
export type IngestOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';

/** The job info as the API returns it (the fields jsforce and the sf CLI read). */
export interface JobInfo {
  id: string;
  operation: string;
  object: string;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  state: JobState;
  concurrencyMode: 'Parallel';
  contentType: 'CSV';
  apiVersion: number;
  jobType: 'V2Ingest' | 'V2Query';
  lineEnding: 'LF' | 'CRLF';
  columnDelimiter: string;
  externalIdFieldName?: string;
  contentUrl?: string;
  query?: string;
  numberRecordsProcessed: number;
  numberRecordsFailed?: number;
  retries: number;
  totalProcessingTime: number;
  errorMessage?: string;
  /** Not part of the API's answer: the uploaded header, and how far processing got. */
  columns?: string[];
  cursor?: number;
}

const CHUNK = 2000;

/** Bulk API 2.0 errors that are not record-level: `[{errorCode, message}]`. */
export const bulkError = (status: number, code: string, message: string): ApiError =>
  new ApiError(status, code as never, message);

/** The job info without what only the server keeps. */
export function publicInfo(info: JobInfo): Omit<JobInfo, 'columns' | 'cursor'> {
  const out: Partial<JobInfo> = { ...info };
  delete out.columns;
  delete out.cursor;
  return out as Omit<JobInfo, 'columns' | 'cursor'>;
}

export const invalidJobState = (message: string): ApiError => bulkError(400, 'INVALIDJOBSTATE', message);

export class Jobs {
  private readonly running = new Set<string>();

  public constructor(private readonly org: Org) {
    const { db } = org.store;
    db.exec(
      'CREATE TABLE IF NOT EXISTS "_bulk_jobs" ("id" TEXT PRIMARY KEY, "kind" TEXT NOT NULL, "info" TEXT NOT NULL)',
    );
    db.exec(
      'CREATE TABLE IF NOT EXISTS "_bulk_rows" ("job" TEXT NOT NULL, "seq" INTEGER NOT NULL, "line" TEXT NOT NULL, PRIMARY KEY ("job", "seq"))',
    );
    db.exec(
      'CREATE TABLE IF NOT EXISTS "_bulk_results" ("job" TEXT NOT NULL, "seq" INTEGER NOT NULL, "ok" INTEGER NOT NULL, "id" TEXT, "created" INTEGER, "error" TEXT, PRIMARY KEY ("job", "seq"))',
    );
  }

  private get store(): Store {
    return this.org.store;
  }

  public create(
    kind: JobKind,
    fields: Omit<JobInfo, 'id' | 'createdDate' | 'systemModstamp' | 'createdById'>,
  ): JobInfo {
    return this.store.transaction(() => {
      const id = makeId('750', this.store.next('bulkJob'));
      const now = new Date().toISOString().replace('Z', '+0000');
      const info: JobInfo = { ...fields, id, createdById: this.org.userId, createdDate: now, systemModstamp: now };
      if (kind === 'ingest')
        info.contentUrl = `services/data/v${fields.apiVersion.toFixed(1)}/jobs/ingest/${id}/batches`;
      this.store
        .prepare('INSERT INTO "_bulk_jobs" ("id", "kind", "info") VALUES (?, ?, ?)')
        .run(id, kind, JSON.stringify(info));
      return info;
    });
  }

  /** The job, or 404 NOT_FOUND as Salesforce answers for an unknown or deleted job. */
  public get(kind: JobKind, id: string): JobInfo {
    const row = this.store.prepare('SELECT "info" FROM "_bulk_jobs" WHERE "id" = ? AND "kind" = ?').get(id, kind) as
      { info: string } | undefined;
    if (!row) throw bulkError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const info = JSON.parse(row.info) as JobInfo;
    // A job cut off by a restart carries on when it is next looked at.
    if ((info.state === 'UploadComplete' || info.state === 'InProgress') && !this.running.has(id))
      this.schedule(kind, id);
    return info;
  }

  public list(kind: JobKind): JobInfo[] {
    const rows = this.store
      .prepare('SELECT "info" FROM "_bulk_jobs" WHERE "kind" = ? ORDER BY "id"')
      .all(kind) as Array<{
      info: string;
    }>;
    return rows.map((r) => JSON.parse(r.info) as JobInfo);
  }

  public save(info: JobInfo): void {
    info.systemModstamp = new Date().toISOString().replace('Z', '+0000');
    this.store.prepare('UPDATE "_bulk_jobs" SET "info" = ? WHERE "id" = ?').run(JSON.stringify(info), info.id);
  }

  public delete(id: string): void {
    this.store.transaction(() => {
      for (const table of ['_bulk_jobs', '_bulk_rows', '_bulk_results']) {
        this.store.prepare(`DELETE FROM "${table}" WHERE "${table === '_bulk_jobs' ? 'id' : 'job'}" = ?`).run(id);
      }
    });
  }

  /** Appends uploaded data rows (already split into fields) to an open ingest job. */
  public addRows(info: JobInfo, header: string[], rows: string[][]): void {
    this.store.transaction(() => {
      if (info.columns && info.columns.join('\u0000') !== header.join('\u0000')) {
        throw bulkError(400, 'INVALIDBATCH', 'Every upload of a job must have the same header row');
      }
      info.columns = header;
      let seq =
        (
          this.store.prepare('SELECT MAX("seq") AS n FROM "_bulk_rows" WHERE "job" = ?').get(info.id) as {
            n: number | null;
          }
        ).n ?? 0;
      const insert = this.store.prepare('INSERT INTO "_bulk_rows" ("job", "seq", "line") VALUES (?, ?, ?)');
      for (const row of rows) insert.run(info.id, ++seq, JSON.stringify(row));
      this.save(info);
    });
  }

  public rowCount(id: string): number {
    return (this.store.prepare('SELECT COUNT(*) AS n FROM "_bulk_rows" WHERE "job" = ?').get(id) as { n: number }).n;
  }

  /** Uploaded rows with seq in (after, upTo], in order. */
  public rows(id: string, after: number, limit: number): Array<{ seq: number; fields: string[] }> {
    const rows = this.store
      .prepare('SELECT "seq", "line" FROM "_bulk_rows" WHERE "job" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?')
      .all(id, after, limit) as Array<{ seq: number; line: string }>;
    return rows.map((r) => ({ seq: r.seq, fields: JSON.parse(r.line) as string[] }));
  }

  public results(
    id: string,
    ok: boolean,
  ): Array<{ seq: number; id: string | null; created: number | null; error: string | null }> {
    return this.store
      .prepare(
        'SELECT "seq", "id", "created", "error" FROM "_bulk_results" WHERE "job" = ? AND "ok" = ? ORDER BY "seq"',
      )
      .all(id, ok ? 1 : 0) as Array<{ seq: number; id: string | null; created: number | null; error: string | null }>;
  }

  /** Processes the job after the current request has been answered. */
  public schedule(kind: JobKind, id: string): void {
    if (this.running.has(id)) return;
    this.running.add(id);
    const step = () => {
      try {
        if (!this.store.db.isOpen) return this.running.delete(id);
        const more = kind === 'ingest' ? this.ingestChunk(id) : this.runQuery(id);
        if (more) return setImmediate(step);
      } catch (e) {
        this.fail(id, e);
      }
      this.running.delete(id);
    };
    setImmediate(step);
  }

  private fail(id: string, e: unknown): void {
    if (!this.store.db.isOpen) return;
    const row = this.store.prepare('SELECT "info" FROM "_bulk_jobs" WHERE "id" = ?').get(id) as
      { info: string } | undefined;
    if (!row) return;
    const info = JSON.parse(row.info) as JobInfo;
    info.state = 'Failed';
    info.errorMessage = e instanceof Error ? e.message : String(e);
    this.save(info);
  }

  private current(id: string): JobInfo | undefined {
    const row = this.store.prepare('SELECT "info" FROM "_bulk_jobs" WHERE "id" = ?').get(id) as
      { info: string } | undefined;
    return row ? (JSON.parse(row.info) as JobInfo) : undefined;
  }

  /** One chunk of an ingest job; true while rows remain. */
  private ingestChunk(id: string): boolean {
    const info = this.current(id);
    if (!info || (info.state !== 'UploadComplete' && info.state !== 'InProgress')) return false;
    const started = Date.now();
    const object = this.store.object(info.object);
    const columns = (info.columns ?? []).map((name) => columnOf(this.store, object, name, info));
    const rows = this.rows(id, info.cursor ?? 0, CHUNK);
    this.store.transaction(() => {
      const result = this.store.prepare(
        'INSERT OR REPLACE INTO "_bulk_results" ("job", "seq", "ok", "id", "created", "error") VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const row of rows) {
        try {
          const { recordId, created } = this.store.transaction(() =>
            applyRow(this.org, info, object, columns, row.fields),
          );
          result.run(id, row.seq, 1, recordId, created ? 1 : 0, null);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          const given = columns.findIndex((c) => c?.name === 'Id');
          const recordId = given >= 0 ? (row.fields[given] ?? '') : '';
          result.run(id, row.seq, 0, recordId, null, `${e.errorCode}:${e.message}:${e.fields.join(',')} --`);
          info.numberRecordsFailed = (info.numberRecordsFailed ?? 0) + 1;
        }
        info.numberRecordsProcessed++;
        info.cursor = row.seq;
      }
      info.state = rows.length < CHUNK ? 'JobComplete' : 'InProgress';
      info.totalProcessingTime += Date.now() - started;
      this.save(info);
    });
    return info.state === 'InProgress';
  }

  /** Runs a query job to completion, writing its result rows as CSV lines, in one transaction. */
  private runQuery(id: string): boolean {
    const info = this.current(id);
    if (!info || (info.state !== 'UploadComplete' && info.state !== 'InProgress')) return false;
    const started = Date.now();
    const { store } = this;
    const delimiter = DELIMITERS[info.columnDelimiter] ?? ',';
    store.transaction(() => {
      store.prepare('DELETE FROM "_bulk_rows" WHERE "job" = ?').run(id);
      const prepared = prepareQuery(store.db, store.schema, info.query ?? '', {
        apiVersion: info.apiVersion.toFixed(1),
        includeDeleted: info.operation === 'queryAll',
      });
      const paths = flatColumns(queryColumns(store.schema, info.query ?? ''));
      const insert = store.prepare('INSERT INTO "_bulk_rows" ("job", "seq", "line") VALUES (?, ?, ?)');
      insert.run(
        id,
        0,
        csvLine(
          paths.map((p) => p.join('.')),
          delimiter,
        ),
      );
      let seq = 0;
      for (let offset = 0; offset < prepared.totalSize;) {
        const records = prepared.page(offset, CHUNK);
        if (records.length === 0) break;
        for (const record of records)
          insert.run(
            id,
            ++seq,
            csvLine(
              paths.map((p) => csvValue(record, p)),
              delimiter,
            ),
          );
        offset += records.length;
      }
      info.numberRecordsProcessed = seq;
      info.state = 'JobComplete';
      info.totalProcessingTime = Date.now() - started;
      this.save(info);
    });
    return false;
  }

  /** Lines [from, from + max) of a query job's results (line 0 is the header). */
  public resultLines(id: string, from: number, max: number): string[] {
    const rows = this.store
      .prepare('SELECT "line" FROM "_bulk_rows" WHERE "job" = ? AND "seq" >= ? ORDER BY "seq" LIMIT ?')
      .all(id, from, max) as Array<{ line: string }>;
    return rows.map((r) => r.line);
  }
}

function flatColumns(columns: ColumnMetadata[], prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const c of columns) {
    if (c.aggregate)
      throw bulkError(400, 'API_ERROR', 'Aggregate functions and subqueries are not supported in a Bulk API 2.0 query');
    if (c.joinColumns.length > 0) out.push(...flatColumns(c.joinColumns, [...prefix, c.columnName]));
    else out.push([...prefix, c.columnName]);
  }
  return out;
}

function csvValue(record: unknown, path: string[]): string {
  let v: unknown = record;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function columnOf(store: Store, object: ObjectDef, name: string, info: JobInfo): FieldDef | undefined {
  const field = store.schema.field(object, name);
  if (!field && !(info.operation === 'insert' && name === '')) {
    throw new Error(`No such column '${name}' on entity '${object.name}'`);
  }
  return field;
}

const NUMERIC = new Set(['int', 'double', 'currency', 'percent']);

/** A CSV value as the JSON value the store checks: '#N/A' is null, empty is "leave as is". */
function jsonValue(field: FieldDef, raw: string): unknown {
  if (raw === '#N/A') return null;
  if (field.type === 'boolean') {
    const lower = raw.toLowerCase();
    return lower === 'true' || lower === '1' ? true : lower === 'false' || lower === '0' ? false : raw;
  }
  if (NUMERIC.has(field.type)) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  }
  return raw;
}

function applyRow(
  org: Org,
  info: JobInfo,
  object: ObjectDef,
  columns: Array<FieldDef | undefined>,
  fields: string[],
): { recordId: string; created: boolean } {
  const record: Record<string, unknown> = {};
  let id: string | undefined;
  columns.forEach((field, i) => {
    const raw = fields[i] ?? '';
    if (!field || raw === '') return;
    if (field.name === 'Id') id = raw;
    else record[field.name] = jsonValue(field, raw);
  });
  const ctx = { userId: org.userId };
  const needId = () => {
    if (id === undefined) throw new ApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
    return id;
  };
  switch (info.operation as IngestOperation) {
    case 'insert':
      return { recordId: org.store.create(object.name, record, ctx), created: true };
    case 'update':
      return { recordId: org.store.update(object.name, needId(), record, ctx), created: false };
    case 'upsert': {
      const key = info.externalIdFieldName ?? 'Id';
      if (key.toLowerCase() === 'id') {
        return id === undefined
          ? { recordId: org.store.create(object.name, record, ctx), created: true }
          : { recordId: org.store.update(object.name, id, record, ctx), created: false };
      }
      const value = record[Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key];
      if (typeof value !== 'string' || value === '') {
        throw new ApiError(400, 'MISSING_ARGUMENT', `${key} not specified`, [key]);
      }
      const r = org.store.upsert(object.name, key, value, record, ctx);
      return { recordId: r.id, created: r.created };
    }
    case 'delete':
    case 'hardDelete':
      return { recordId: org.store.delete(object.name, needId(), ctx), created: false };
  }
  throw bulkError(400, 'INVALIDJOB', `Unknown operation ${info.operation}`);
}
