/**
 * `query` and `queryAll`: the first page of up to 2,000 records (fewer with
 * `Sforce-Query-Options: batchSize=N`), and `nextRecordsUrl` for the rest, read with
 * `query/<locator>` where the locator is `<cursor id>-<offset>` as Salesforce writes it.
 */
import { randomInt } from 'node:crypto';
import { ApiError, malformedQuery } from '../errors.js';
import { makeId } from '../ids.js';
import { allow, ok, type Ctx, type Reply } from './context.js';
import { queryColumns } from './columns.js';
import { prepareQuery, type PreparedQuery } from './engine.js';

interface Cursor {
  prepared: PreparedQuery;
  batch: number;
  version: string;
  resource: 'query' | 'queryAll';
  usedAt: number;
}

/** Open query cursors, oldest first; the oldest is dropped past `max`, any unused for `ttlMs` expires. */
export class Cursors {
  private readonly open = new Map<string, Cursor>();
  private counter = randomInt(1, 2 ** 40);

  public constructor(
    private readonly max = 100,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  public add(cursor: Omit<Cursor, 'usedAt'>): string {
    const id = makeId('01g', this.counter++).slice(0, 15);
    this.open.set(id, { ...cursor, usedAt: Date.now() });
    while (this.open.size > this.max) this.open.delete(this.open.keys().next().value!);
    return id;
  }

  public get(id: string): Cursor | undefined {
    const cursor = this.open.get(id);
    if (!cursor) return undefined;
    if (Date.now() - cursor.usedAt > this.ttlMs) {
      this.open.delete(id);
      return undefined;
    }
    cursor.usedAt = Date.now();
    this.open.delete(id);
    this.open.set(id, cursor);
    return cursor;
  }

  public clear(): void {
    this.open.clear();
  }
}

const MAX_BATCH = 2000;

function batchSize(ctx: Ctx): number {
  const header = ctx.headers['sforce-query-options'];
  const m = /batchSize\s*=\s*(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  if (!m) return MAX_BATCH;
  return Math.min(MAX_BATCH, Math.max(200, Number(m[1])));
}

/** GET query?q=, queryAll?q=, query/<locator>, queryAll/<locator>. */
export function queryResource(ctx: Ctx): Reply {
  allow(ctx, 'GET');
  const resource = ctx.segments[0] === 'queryAll' ? 'queryAll' : 'query';
  if (ctx.segments.length === 2) return nextPage(ctx, ctx.segments[1]!);
  if (ctx.segments.length > 2) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const soql = ctx.query.get('q');
  if (soql === null || soql.trim() === '') throw malformedQuery('A query string has to be specified');
  const prepared = prepareQuery(ctx.org.store.db, ctx.org.store.schema, soql, {
    apiVersion: ctx.version,
    includeDeleted: resource === 'queryAll',
  });
  if (ctx.query.get('columns') === 'true') return ok(columnsOf(ctx, soql));
  const cursor = { prepared, batch: batchSize(ctx), version: ctx.version, resource } as const;
  return ok(pageOf(cursor, 0, () => ctx.org.cursors.add(cursor)));
}

function columnsOf(ctx: Ctx, soql: string): Record<string, unknown> {
  const { schema } = ctx.org.store;
  const columnMetadata = queryColumns(schema, soql);
  const from = /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? '';
  const object = schema.object(from);
  return {
    columnMetadata,
    entityName: object?.name ?? from,
    groupBy: /\bGROUP\s+BY\b/i.test(soql),
    idSelected: columnMetadata.some((c) => c.columnName === 'Id'),
    keyPrefix: object?.keyPrefix ?? null,
  };
}

function nextPage(ctx: Ctx, locator: string): Reply {
  const m = /^(01g[0-9A-Za-z]{12})-(\d+)$/.exec(locator);
  const cursor = m ? ctx.org.cursors.get(m[1]!) : undefined;
  if (!m || !cursor) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
  return ok(pageOf(cursor, Number(m[2]), () => m[1]!));
}

function pageOf(cursor: Omit<Cursor, 'usedAt'>, offset: number, cursorId: () => string) {
  const { prepared, batch } = cursor;
  const records = offset < prepared.totalSize || offset === 0 ? prepared.page(offset, batch) : [];
  const end = offset + records.length;
  // A COUNT() query has a size and no records: done as soon as a page comes back short.
  const done = records.length < batch || end >= prepared.totalSize;
  const body: Record<string, unknown> = { totalSize: prepared.totalSize, done };
  if (!done) body['nextRecordsUrl'] = `/services/data/v${cursor.version}/${cursor.resource}/${cursorId()}-${end}`;
  body['records'] = records;
  return body;
}
