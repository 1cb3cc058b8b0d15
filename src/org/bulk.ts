/**
 * Reading and writing many records, the transport chosen by volume: REST queries and sObject
 * Collections (200 records a call) for small runs, Bulk API 2.0 (a query job to read, ingest jobs to
 * write) above a threshold, so a large triage takes a few dozen API calls instead of one per record.
 * Bulk jobs are polled with a growing interval, so a long job costs a handful of status checks.
 */
import type { OrgSession } from './session.js';

/** Above this many records Bulk API 2.0 is used (WHOOWNS_BULK_THRESHOLD overrides it). */
export const DEFAULT_BULK_THRESHOLD = 2000;
const COLLECTION = 200;
const POLL_TIMEOUT = 30 * 60_000;

export function bulkThreshold(): number {
  const n = Number(process.env['WHOOWNS_BULK_THRESHOLD']);
  return Number.isInteger(n) && n >= 0 && process.env['WHOOWNS_BULK_THRESHOLD'] !== '' ? n : DEFAULT_BULK_THRESHOLD;
}

export type Row = Record<string, unknown>;

/** Every record of a query through the REST API, page after page. */
export async function queryRest(session: OrgSession, soql: string): Promise<Row[]> {
  let page = await session.conn.query<Row>(soql);
  const rows = [...page.records];
  while (!page.done && page.nextRecordsUrl) {
    page = await session.conn.queryMore<Row>(page.nextRecordsUrl);
    rows.push(...page.records);
  }
  return rows;
}

/** Every record of a query through a Bulk API 2.0 query job: flat rows ('Account.Name'), '' for null. */
export async function queryBulk(session: OrgSession, soql: string): Promise<Row[]> {
  const stream = await session.conn.bulk2.query(soql, { pollInterval: 250, pollTimeout: POLL_TIMEOUT });
  const rows: Row[] = [];
  for await (const r of stream as AsyncIterable<Row>) rows.push(r);
  return rows;
}

/** A query's records, by Bulk API 2.0 when more than `threshold` match (one COUNT() call decides). */
export async function readAll(session: OrgSession, soql: string, threshold: number): Promise<Row[]> {
  const counting = soql
    .replace(/^SELECT\s+[\s\S]+?\s+FROM\s/i, 'SELECT COUNT() FROM ')
    .replace(/\s+(ORDER BY|LIMIT)\s[\s\S]*$/i, '');
  const n = (await session.conn.query(counting)).totalSize;
  return n > threshold ? queryBulk(session, soql) : queryRest(session, soql);
}

export interface SaveFailure {
  errorCode: string;
  message: string;
}

/** What happened to the records of one save: failures by the value of the key field of each record. */
export interface SaveOutcome {
  ok: number;
  failed: Map<string, SaveFailure>;
}

/**
 * Inserts or updates records (all of one object), by sObject Collections or a Bulk API 2.0 ingest job.
 * `key` names a field every record carries a unique value in (Id for updates), to report failures by.
 */
export async function saveRecords(
  session: OrgSession,
  object: string,
  operation: 'insert' | 'update',
  records: Row[],
  key: string,
  bulk: boolean,
): Promise<SaveOutcome> {
  if (records.length === 0) return { ok: 0, failed: new Map() };
  return bulk
    ? saveBulk(session, object, operation, records, key)
    : saveCollections(session, object, operation, records, key);
}

interface CollectionResult {
  success: boolean;
  errors?: Array<{ statusCode?: string; errorCode?: string; message?: string }>;
}

async function saveCollections(
  session: OrgSession,
  object: string,
  operation: 'insert' | 'update',
  records: Row[],
  key: string,
): Promise<SaveOutcome> {
  const failed = new Map<string, SaveFailure>();
  let ok = 0;
  for (let i = 0; i < records.length; i += COLLECTION) {
    const chunk = records.slice(i, i + COLLECTION);
    const sobject = session.conn.sobject(object);
    const results = (operation === 'insert'
      ? await sobject.create(chunk, { allOrNone: false })
      : await sobject.update(chunk as Array<Row & { Id: string }>, {
          allOrNone: false,
        })) as unknown as CollectionResult[];
    results.forEach((r, j) => {
      if (r.success) return void ok++;
      const e = r.errors?.[0];
      failed.set(String(chunk[j]![key]), {
        errorCode: e?.statusCode ?? e?.errorCode ?? 'UNKNOWN_EXCEPTION',
        message: e?.message ?? '',
      });
    });
  }
  return { ok, failed };
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function saveBulk(
  session: OrgSession,
  object: string,
  operation: 'insert' | 'update',
  records: Row[],
  key: string,
): Promise<SaveOutcome> {
  const job = session.conn.bulk2.createJob({ object, operation });
  await job.open();
  await job.uploadData(records);
  await job.close();
  const started = Date.now();
  for (let wait = 100; ; wait = Math.min(wait * 2, 5000)) {
    const info = await job.check();
    if (info.state === 'JobComplete') break;
    if (info.state === 'Failed' || info.state === 'Aborted') {
      throw new Error(`Bulk API job ${job.id} for ${object} ${info.state}: ${info.errorMessage ?? ''}`.trim());
    }
    if (Date.now() - started > POLL_TIMEOUT) throw new Error(`Bulk API job ${job.id} did not finish in time`);
    await delay(wait);
  }
  const failures = (await job.getFailedResults()) as unknown as Row[];
  const failed = new Map<string, SaveFailure>();
  for (const f of failures) {
    const error = String(f['sf__Error'] ?? '');
    const colon = error.indexOf(':');
    failed.set(String(f[key] ?? ''), {
      errorCode: colon > 0 ? error.slice(0, colon) : 'UNKNOWN_EXCEPTION',
      message: colon > 0 ? error.slice(colon + 1).replace(/:[^:]*--$/, '') : error,
    });
  }
  return { ok: records.length - failed.size, failed };
}
