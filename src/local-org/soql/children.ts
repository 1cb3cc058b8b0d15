/**
 * Child subqueries — `(SELECT Id, Subject FROM Cases WHERE … ORDER BY … LIMIT n)` — run once per page
 * of parents: one statement selects the children of every parent on the page, numbered per parent
 * with ROW_NUMBER() so each parent's LIMIT holds, and the rows are shaped and grouped by parent.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { invalidType } from '../errors.js';
import type { QueryAst } from './ast.js';
import { Scope, type Context } from './resolve.js';
import { Columns, filters, objectNamed, orderTerms, planRecord } from './select.js';
import type { ChildResult, RecordPlan, Shaper } from './shape.js';

export interface ChildPlan {
  sql: string;
  plan: RecordPlan;
}

const unknownChild = (name: string) =>
  invalidType(
    `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
  );

export function planChild(ctx: Context, parent: Scope, sub: QueryAst): ChildPlan {
  const rel = ctx.schema.childRelationship(parent.object, sub.object);
  if (!rel) throw unknownChild(sub.object);
  const object = objectNamed(ctx, rel.childSObject);
  const scope = new Scope(ctx, object, ctx.nextAlias());
  const fk = scope.col(rel.field);
  const where = [`${fk} IN (SELECT value FROM json_each(:parents))`, ...filters(scope, sub.where)];
  // Columns: 0 the parent id, 1 the child's Id, then the plan's; ROW_NUMBER() comes last.
  const columns = new Columns([fk, scope.col('Id')]);
  const plan = planRecord(scope, sub, columns, 1, () => {
    throw new Error('unreachable: nested subqueries are refused by the parser');
  });
  const order = [...orderTerms(scope, sub.orderBy), `${scope.alias}.rowid ASC`].join(', ');
  const numbered =
    `SELECT ${columns.sql.join(', ')}, ROW_NUMBER() OVER (PARTITION BY ${fk} ORDER BY ${order}) AS rn ` +
    `FROM ${scope.table} ${scope.joins.join(' ')} WHERE ${where.join(' AND ')}`;
  const limit = sub.limit === undefined ? '' : ` WHERE rn <= ${ctx.params.add(sub.limit)}`;
  return { sql: `SELECT * FROM (${numbered})${limit} ORDER BY rn`, plan };
}

/** Runs a child subquery for a page of parents: parent Id → its nested query result. */
export class ChildRunner {
  private stmt: StatementSync | undefined;

  public constructor(
    private readonly db: DatabaseSync,
    private readonly child: ChildPlan,
    private readonly params: Record<string, string | number | null>,
  ) {}

  public run(parentIds: string[], shaper: Shaper): Map<string, ChildResult> {
    if (!this.stmt) {
      this.stmt = this.db.prepare(this.child.sql);
      this.stmt.setReturnArrays(true);
      this.stmt.setAllowUnknownNamedParameters(true);
    }
    const rows = this.stmt.all({ ...this.params, parents: JSON.stringify(parentIds) }) as unknown as unknown[][];
    const out = new Map<string, ChildResult>();
    for (const row of rows) {
      const parentId = String(row[0]);
      let result = out.get(parentId);
      if (!result) out.set(parentId, (result = { totalSize: 0, done: true, records: [] }));
      result.records.push(shaper.record(row, this.child.plan, () => null));
      result.totalSize++;
    }
    return out;
  }
}
