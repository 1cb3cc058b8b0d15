/**
 * The local org's SOQL engine: parse (a real SOQL parser), resolve against the schema, compile to one
 * parameterised SQLite statement per query (plus one per child subquery and page), and shape the rows
 * as the REST API does. See parse.ts for what is refused, conditions.ts for Salesforce's semantics.
 *
 * Paging is cheap at any depth: without ORDER BY, pages follow rowid, i.e. insertion (and Id) order,
 * by keyset (`rowid > last`); with ORDER BY, the first page is a plain LIMIT and later pages read from
 * a snapshot of the result's rowids (8 bytes a row), taken once, so a million-row result pages in
 * linear time. Ties in ORDER BY are broken by rowid too.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { malformedQuery } from '../errors.js';
import type { Schema } from '../schema/types.js';
import type { QueryAst } from './ast.js';
import { planAggregate, shapeAggregates } from './aggregate.js';
import { ChildRunner, planChild, type ChildPlan } from './children.js';
import { parseSoql } from './parse.js';
import { Params, Scope, type Context } from './resolve.js';
import { Columns, filters, objectNamed, orderTerms, planRecord } from './select.js';
import { Shaper, type ChildResult, type RecordPlan, type SObjectRecord } from './shape.js';

export type { SObjectRecord, ChildResult } from './shape.js';

export interface QueryOptions {
  /** '62.0': used in the records' attributes.url. */
  apiVersion: string;
  /** queryAll: include soft-deleted rows. */
  includeDeleted: boolean;
  /** The moment TODAY, LAST_N_DAYS:n … are relative to; default now. */
  now?: Date;
}

export interface PreparedQuery {
  /** As Salesforce reports it: matching rows within LIMIT/OFFSET; for COUNT() the count. */
  totalSize: number;
  /** Records [offset, offset + limit) of the result, Salesforce-shaped (none for COUNT()). */
  page(offset: number, limit: number): SObjectRecord[];
}

/** Salesforce refuses OFFSET above 2,000 (NUMBER_OUTSIDE_VALID_RANGE). */
export const MAX_OFFSET = 2000;

type Row = unknown[];

function statement(db: DatabaseSync, sql: string): StatementSync {
  const stmt = db.prepare(sql);
  stmt.setReturnArrays(true);
  stmt.setAllowUnknownNamedParameters(true);
  return stmt;
}

const rowsOf = (stmt: StatementSync, params: Record<string, unknown>): Row[] =>
  stmt.all(params as Record<string, string | number | null>) as unknown as Row[];

function context(schema: Schema, options: QueryOptions): Context {
  let n = 0;
  return {
    schema,
    params: new Params(),
    now: options.now ?? new Date(),
    includeDeleted: options.includeDeleted,
    apiVersion: options.apiVersion,
    nextAlias: () => `t${n++}`,
  };
}

function isCountOnly(ast: QueryAst): boolean {
  const countAll = (i: QueryAst['select'][number]) =>
    i.kind === 'expr' && i.operand.kind === 'call' && i.operand.fn === 'COUNT' && i.operand.arg === null;
  if (!ast.select.some(countAll)) return false;
  if (ast.select.length > 1) throw malformedQuery('COUNT() must be the only element in the SELECT list');
  if (ast.groupBy.length || ast.having) throw malformedQuery('COUNT() with GROUP BY is not supported by the local org');
  return true;
}

const isAggregateQuery = (ast: QueryAst): boolean =>
  ast.groupBy.length > 0 ||
  ast.having !== undefined ||
  ast.select.some((i) => i.kind === 'expr' && i.operand.kind === 'call');

/** Parses, checks and compiles a SOQL query. Throws ApiError (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE). */
export function prepareQuery(db: DatabaseSync, schema: Schema, soql: string, options: QueryOptions): PreparedQuery {
  const ast = parseSoql(soql);
  const ctx = context(schema, options);
  const scope = new Scope(ctx, objectNamed(ctx, ast.object), ctx.nextAlias());
  if ((ast.offset ?? 0) > MAX_OFFSET) throw malformedQuery(`Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  if (isCountOnly(ast)) {
    const where = filters(scope, ast.where);
    const sql =
      `SELECT COUNT(*) FROM (SELECT 1 FROM ${scope.table} ${scope.joins.join(' ')}` +
      `${where.length ? ` WHERE ${where.join(' AND ')}` : ''} LIMIT :lim OFFSET :off)`;
    const [count] = rowsOf(statement(db, sql), {
      ...ctx.params.values,
      lim: ast.limit ?? -1,
      off: ast.offset ?? 0,
    })[0]!;
    return { totalSize: Number(count), page: () => [] };
  }
  if (isAggregateQuery(ast)) {
    const plan = planAggregate(scope, ast);
    const records = shapeAggregates(rowsOf(statement(db, plan.sql), ctx.params.values), plan);
    const page = (offset: number, limit: number) => records.slice(Math.max(0, offset), Math.max(0, offset + limit));
    return { totalSize: records.length, page };
  }
  return new RecordQuery(db, ctx, scope, ast);
}

class RecordQuery implements PreparedQuery {
  public readonly totalSize: number;
  private readonly sorted: boolean;
  private readonly sql: { page: string; keyset: string; snapshot: string; byRowid: string };
  private readonly stmts = new Map<string, StatementSync>();
  private readonly children: ChildRunner[] = [];
  private readonly plan: RecordPlan;
  private readonly shaper: Shaper;
  private readonly params: Record<string, string | number | null>;
  /** Where the last unsorted page ended, to continue by keyset. */
  private cursor: { end: number; lastRowid: number } | undefined;
  private snapshot: Float64Array | undefined;

  public constructor(
    private readonly db: DatabaseSync,
    ctx: Context,
    scope: Scope,
    private readonly ast: QueryAst,
  ) {
    const where = filters(scope, ast.where);
    const whereJoins = scope.joins.length;
    // Columns: 0 rowid, 1 Id, then the plan's.
    const columns = new Columns([`${scope.alias}.rowid`, scope.col('Id')]);
    const childPlans: ChildPlan[] = [];
    this.plan = planRecord(scope, ast, columns, 1, (sub) => childPlans.push(planChild(ctx, scope, sub)) - 1);
    const order = orderTerms(scope, ast.orderBy);
    this.sorted = order.length > 0;
    // Ties (and queries without ORDER BY) go by rowid: insertion order, which is Id order.
    const rowid = `${scope.alias}.rowid`;
    const orderBy = [...order, `${rowid} ASC`].join(', ');
    const whereSql = where.length ? where.join(' AND ') : '1';
    const from = `${scope.table} ${scope.joins.join(' ')}`;
    const cols = columns.sql.join(', ');
    this.sql = {
      page: `SELECT ${cols} FROM ${from} WHERE ${whereSql} ORDER BY ${orderBy} LIMIT :lim OFFSET :off`,
      keyset: `SELECT ${cols} FROM ${from} WHERE ${whereSql} AND ${rowid} > :after ORDER BY ${rowid} ASC LIMIT :lim`,
      snapshot: `SELECT ${rowid} FROM ${from} WHERE ${whereSql} ORDER BY ${orderBy} LIMIT :lim OFFSET :off`,
      byRowid: `SELECT ${cols} FROM ${from} WHERE ${rowid} IN (SELECT value FROM json_each(:rowids))`,
    };
    this.params = ctx.params.values;
    this.shaper = new Shaper(ctx);
    for (const child of childPlans) this.children.push(new ChildRunner(db, child, this.params));
    const counted =
      `SELECT COUNT(*) FROM (SELECT 1 FROM ${scope.table} ${scope.joins.slice(0, whereJoins).join(' ')} ` +
      `WHERE ${whereSql} LIMIT :lim OFFSET :off)`;
    this.totalSize = Number(this.run(counted, { lim: ast.limit ?? -1, off: ast.offset ?? 0 })[0]![0]);
  }

  private run(sql: string, extra: Record<string, unknown>): Row[] {
    let stmt = this.stmts.get(sql);
    if (!stmt) this.stmts.set(sql, (stmt = statement(this.db, sql)));
    return rowsOf(stmt, { ...this.params, ...extra });
  }

  private takeSnapshot(): Float64Array {
    const ids = new Float64Array(this.totalSize);
    let n = 0;
    const stmt = statement(this.db, this.sql.snapshot);
    const params = { ...this.params, lim: this.ast.limit ?? -1, off: this.ast.offset ?? 0 };
    for (const row of stmt.iterate(params) as Iterable<Row>) {
      if (n >= ids.length) break;
      ids[n++] = Number(row[0]);
    }
    return ids.subarray(0, n);
  }

  private rows(start: number, end: number): Row[] {
    const offset = this.ast.offset ?? 0;
    if (!this.sorted) {
      const rows =
        this.cursor?.end === start
          ? this.run(this.sql.keyset, { after: this.cursor.lastRowid, lim: end - start })
          : this.run(this.sql.page, { lim: end - start, off: offset + start });
      if (rows.length) this.cursor = { end: start + rows.length, lastRowid: Number(rows[rows.length - 1]![0]) };
      return rows;
    }
    if (start === 0 && !this.snapshot) return this.run(this.sql.page, { lim: end, off: offset });
    this.snapshot ??= this.takeSnapshot();
    const wanted = Array.from(this.snapshot.subarray(start, end));
    const byRowid = new Map(
      this.run(this.sql.byRowid, { rowids: JSON.stringify(wanted) }).map((r) => [Number(r[0]), r]),
    );
    return wanted.map((id) => byRowid.get(id)).filter((r): r is Row => r !== undefined);
  }

  public page(offset: number, limit: number): SObjectRecord[] {
    const start = Math.max(0, Math.floor(offset));
    const end = Math.min(this.totalSize, start + Math.max(0, Math.floor(limit)));
    if (end <= start) return [];
    const rows = this.rows(start, end);
    const ids = rows.map((r) => String(r[1]));
    const children = this.children.map((c) => c.run(ids, this.shaper));
    return rows.map((row, i) =>
      this.shaper.record(row, this.plan, (child): ChildResult | null => children[child]!.get(ids[i]!) ?? null),
    );
  }
}
