/**
 * Bulk API 2.0 on a local org (`/services/data/vNN.N/jobs/ingest` and `jobs/query`), as jsforce's
 * bulk2 client and the sf CLI call it: create a job, upload CSV, close it, poll its state, read the
 * results as CSV with `Sforce-Locator` paging, abort or delete it. Records go through the same store
 * as the REST API, so the same validation and error codes apply. Answers CSV where Salesforce does,
 * which is why this resource handles its own request rather than going through the JSON route table.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../errors.js';
import { prepareQuery } from '../soql/index.js';
import { resourceNotFound, type Org } from './context.js';
import { DELIMITERS, parseCsv } from './csv.js';
import { bulkError, invalidJobState, Jobs, publicInfo, type JobInfo, type JobKind } from './bulk2-jobs.js';
import { DAILY_API_REQUESTS, MAX_VERSION, MIN_VERSION } from './identity.js';
import { countApiCall, readBody } from './request.js';

const MAX_UPLOAD = 150 * 1024 * 1024;
const DEFAULT_MAX_RECORDS = 50_000;
const OPERATIONS: Record<JobKind, string[]> = {
  ingest: ['insert', 'update', 'upsert', 'delete', 'hardDelete'],
  query: ['query', 'queryAll'],
};

const jobsOf = new WeakMap<Org, Jobs>();
function jobs(org: Org): Jobs {
  let j = jobsOf.get(org);
  if (!j) {
    j = new Jobs(org);
    jobsOf.set(org, j);
  }
  return j;
}

interface Answer {
  status: number;
  json?: unknown;
  csv?: string;
  headers?: Record<string, string>;
}

/** True for `services/data/vNN.N/jobs/…`: the requests `bulk2Request` answers. */
export const isBulk2 = (segments: string[]): boolean =>
  segments[0] === 'services' && segments[1] === 'data' && segments[3] === 'jobs';

/** Answers one Bulk API 2.0 request whose session has been checked. */
export async function bulk2Request(
  org: Org,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
): Promise<void> {
  let answer: Answer;
  try {
    const body = await readBody(req, MAX_UPLOAD, () =>
      bulkError(413, 'INVALIDBATCH', 'InvalidBatch : The upload is larger than 150 MB'),
    );
    answer = route(org, req, segments, body);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    answer = { status: e.status, json: e.toBody() };
  }
  countApiCall(org);
  const headers: Record<string, string> = {
    ...answer.headers,
    'Sforce-Limit-Info': `api-usage=${org.usage.used}/${DAILY_API_REQUESTS}`,
  };
  if (answer.csv !== undefined) {
    res.writeHead(answer.status, { ...headers, 'Content-Type': 'text/csv' }).end(answer.csv);
  } else if (answer.json === undefined) {
    res.writeHead(answer.status, headers).end();
  } else {
    res
      .writeHead(answer.status, { ...headers, 'Content-Type': 'application/json;charset=UTF-8' })
      .end(JSON.stringify(answer.json));
  }
}

function route(org: Org, req: IncomingMessage, segments: string[], body: string): Answer {
  if (segments[1] !== 'data') throw resourceNotFound();
  const m = /^v(\d+)\.0$/.exec(segments[2] ?? '');
  const v = m ? Number(m[1]) : NaN;
  if (!(v >= MIN_VERSION && v <= MAX_VERSION)) throw resourceNotFound();
  const [, , , , kind, id, sub, ...rest] = segments;
  if ((kind !== 'ingest' && kind !== 'query') || rest.length > 0) throw resourceNotFound();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
  const j = jobs(org);
  if (id === undefined) {
    if (method === 'POST') return { status: 200, json: publicInfo(createJob(org, j, kind, v, body)) };
    if (method === 'GET')
      return { status: 200, json: { done: true, records: j.list(kind).map(publicInfo), nextRecordsUrl: null } };
    throw methodNotAllowed(method, ['GET', 'POST']);
  }
  const info = j.get(kind, id);
  if (sub === undefined) {
    switch (method) {
      case 'GET':
        return { status: 200, json: publicInfo(info) };
      case 'PATCH':
        return { status: 200, json: publicInfo(changeState(j, kind, info, body)) };
      case 'DELETE':
        if (info.state === 'UploadComplete' || info.state === 'InProgress') {
          throw invalidJobState('A job can be deleted once it is complete, aborted or failed');
        }
        j.delete(info.id);
        return { status: 204 };
    }
    throw methodNotAllowed(method, ['GET', 'PATCH', 'DELETE']);
  }
  if (kind === 'ingest' && sub === 'batches') {
    if (method !== 'PUT') throw methodNotAllowed(method, ['PUT']);
    upload(org, j, info, body);
    return { status: 201 };
  }
  if (method !== 'GET') throw methodNotAllowed(method, ['GET']);
  if (kind === 'query' && sub === 'results') return queryResults(j, info, url.searchParams);
  if (kind === 'ingest' && sub === 'successfulResults') return ingestResults(j, info, 'successful');
  if (kind === 'ingest' && sub === 'failedResults') return ingestResults(j, info, 'failed');
  if (kind === 'ingest' && sub === 'unprocessedrecords') return ingestResults(j, info, 'unprocessed');
  throw resourceNotFound();
}

function createJob(org: Org, j: Jobs, kind: JobKind, version: number, body: string): JobInfo {
  const spec = jsonObject(body);
  const operation = String(spec['operation'] ?? '');
  if (!OPERATIONS[kind].includes(operation)) {
    throw bulkError(
      400,
      'INVALIDJOB',
      `InvalidJob : Invalid operation: ${operation || '(none)'}; expected one of ${OPERATIONS[kind].join(', ')}`,
    );
  }
  const columnDelimiter = String(spec['columnDelimiter'] ?? 'COMMA');
  if (!(columnDelimiter in DELIMITERS))
    throw bulkError(400, 'INVALIDJOB', `InvalidJob : Invalid column delimiter: ${columnDelimiter}`);
  const lineEnding: 'LF' | 'CRLF' = spec['lineEnding'] === 'CRLF' ? 'CRLF' : 'LF';
  if (spec['contentType'] !== undefined && spec['contentType'] !== 'CSV') {
    throw bulkError(400, 'INVALIDJOB', 'InvalidJob : Only CSV content is supported');
  }
  const common = {
    operation,
    concurrencyMode: 'Parallel' as const,
    contentType: 'CSV' as const,
    apiVersion: version,
    lineEnding,
    columnDelimiter,
    numberRecordsProcessed: 0,
    retries: 0,
    totalProcessingTime: 0,
  };
  if (kind === 'query') {
    const query = String(spec['query'] ?? '');
    if (query.trim() === '') throw bulkError(400, 'INVALIDJOB', 'InvalidJob : A query must be given');
    // Refused at once, as Salesforce does, with the REST API's own error codes.
    prepareQuery(org.store.db, org.store.schema, query, {
      apiVersion: `${version}.0`,
      includeDeleted: operation === 'queryAll',
    });
    if (/\bGROUP\s+BY\b|\bCOUNT\s*\(/i.test(query)) {
      throw bulkError(400, 'API_ERROR', 'Aggregate queries are not supported by Bulk API 2.0');
    }
    const object = /\bFROM\s+(\w+)/i.exec(query)?.[1] ?? '';
    const info = j.create('query', {
      ...common,
      object: org.store.object(object).name,
      jobType: 'V2Query',
      query,
      state: 'UploadComplete',
    });
    j.schedule('query', info.id);
    return info;
  }
  const objectName = String(spec['object'] ?? '');
  const object = org.store.schema.object(objectName);
  if (!object) throw bulkError(400, 'INVALIDJOB', `InvalidJob : Unable to find object: ${objectName}`);
  const externalIdFieldName = spec['externalIdFieldName'];
  if (operation === 'upsert' && typeof externalIdFieldName !== 'string') {
    throw bulkError(400, 'INVALIDJOB', 'InvalidJob : External ID field is required for upsert');
  }
  return j.create('ingest', {
    ...common,
    object: object.name,
    jobType: 'V2Ingest',
    state: 'Open',
    numberRecordsFailed: 0,
    ...(typeof externalIdFieldName === 'string' ? { externalIdFieldName } : {}),
  });
}

function changeState(j: Jobs, kind: JobKind, info: JobInfo, body: string): JobInfo {
  const state = jsonObject(body)['state'];
  if (state === 'UploadComplete') {
    if (kind !== 'ingest' || info.state !== 'Open')
      throw invalidJobState(`Job state ${info.state} cannot move to UploadComplete`);
    info.state = 'UploadComplete';
    j.save(info);
    j.schedule(kind, info.id);
    return info;
  }
  if (state === 'Aborted') {
    if (info.state === 'JobComplete' || info.state === 'Failed' || info.state === 'Aborted') {
      throw invalidJobState(`Job state ${info.state} cannot be aborted`);
    }
    info.state = 'Aborted';
    j.save(info);
    return info;
  }
  throw bulkError(400, 'INVALIDJOBSTATE', `Invalid state: ${String(state)}; expected UploadComplete or Aborted`);
}

function upload(org: Org, j: Jobs, info: JobInfo, body: string): void {
  if (info.state !== 'Open')
    throw invalidJobState(`Data can be uploaded only while the job is Open (it is ${info.state})`);
  let rows: string[][];
  try {
    rows = parseCsv(body, DELIMITERS[info.columnDelimiter] ?? ',');
  } catch (e) {
    throw bulkError(400, 'INVALIDBATCH', `InvalidBatch : ${(e as Error).message}`);
  }
  const [header, ...data] = rows;
  if (!header || header.every((h) => h === ''))
    throw bulkError(400, 'INVALIDBATCH', 'InvalidBatch : The upload has no header row');
  const object = org.store.object(info.object);
  const bad = header.find((h) => !org.store.schema.field(object, h));
  if (bad !== undefined) throw bulkError(400, 'INVALIDBATCH', `InvalidBatch : Field name not found : ${bad}`);
  j.addRows(
    info,
    header,
    data.filter((r) => !(r.length === 1 && r[0] === '')),
  );
}

function queryResults(j: Jobs, info: JobInfo, params: URLSearchParams): Answer {
  if (info.state !== 'JobComplete')
    throw invalidJobState(`Results are available once the job is complete (it is ${info.state})`);
  const locator = params.get('locator');
  let from = 1;
  if (locator !== null && locator !== '') {
    from = Number(Buffer.from(locator, 'base64').toString('utf8'));
    if (!Number.isInteger(from) || from < 1) throw bulkError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
  }
  const maxParam = params.get('maxRecords');
  const max = maxParam === null ? DEFAULT_MAX_RECORDS : Number(maxParam);
  if (!Number.isInteger(max) || max < 1)
    throw bulkError(400, 'INVALIDPARAMETER', 'maxRecords must be a positive integer');
  const [header] = j.resultLines(info.id, 0, 1);
  const lines = j.resultLines(info.id, from, max);
  const end = from + lines.length;
  const next = end <= info.numberRecordsProcessed ? Buffer.from(String(end)).toString('base64') : 'null';
  const eol = info.lineEnding === 'CRLF' ? '\r\n' : '\n';
  return {
    status: 200,
    csv: [header ?? '', ...lines].join(eol) + eol,
    headers: { 'Sforce-Locator': next, 'Sforce-NumberOfRecords': String(lines.length) },
  };
}

function ingestResults(j: Jobs, info: JobInfo, which: 'successful' | 'failed' | 'unprocessed'): Answer {
  const delimiter = DELIMITERS[info.columnDelimiter] ?? ',';
  const eol = info.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const columns = info.columns ?? [];
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const line = (fields: string[]) => fields.map(quote).join(delimiter);
  const out: string[] = [];
  if (which === 'unprocessed') {
    out.push(line(columns));
    // What processing never reached: the rest of an aborted or failed job.
    const after = info.state === 'JobComplete' ? Number.MAX_SAFE_INTEGER : (info.cursor ?? 0);
    for (const row of j.rows(info.id, after, Number.MAX_SAFE_INTEGER)) out.push(line(row.fields));
  } else {
    const ok = which === 'successful';
    out.push(line(['sf__Id', ok ? 'sf__Created' : 'sf__Error', ...columns]));
    const results = j.results(info.id, ok);
    const byRow = new Map(j.rows(info.id, 0, Number.MAX_SAFE_INTEGER).map((r) => [r.seq, r.fields]));
    for (const r of results) {
      const second = ok ? String(r.created === 1) : (r.error ?? '');
      out.push(line([r.id ?? '', second, ...(byRow.get(r.seq) ?? [])]));
    }
  }
  return { status: 200, csv: out.join(eol) + eol };
}

function jsonObject(body: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = body.trim() === '' ? undefined : JSON.parse(body);
  } catch (e) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', `The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

const methodNotAllowed = (method: string, allowed: string[]): ApiError =>
  new ApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`);
