/**
 * Aggregate queries — COUNT(field), COUNT_DISTINCT, SUM, AVG, MIN, MAX, GROUP BY, HAVING — compiled to
 * one SQL GROUP BY statement, so SQLite does the work. Results are AggregateResult records whose
 * fields are named by alias, by field name for grouped fields, and expr0, expr1 … otherwise, as
 * Salesforce names them. Like Salesforce, more than 2,000 groups is an error (no queryMore).
 */
import { invalidField, malformedQuery } from '../errors.js';
import type { FieldType } from '../schema/types.js';
import { isAggregate, type Operand, type QueryAst } from './ast.js';
import { compileExpr, type ConditionCompiler } from './conditions.js';
import { isLongText, isNumeric, type Scope, type Typed } from './resolve.js';
import { filters, orderTerm, rowConditions } from './select.js';
import { restValue, type SObjectRecord } from './shape.js';

export const MAX_AGGREGATE_ROWS = 2000;

export interface AggregatePlan {
  sql: string;
  /** Output field name, column position and type, in SELECT order. */
  fields: Array<{ key: string; type: FieldType }>;
}

function aggregate(op: Operand & { kind: 'call' }, scope: Scope): Typed {
  if (op.arg === null) throw malformedQuery('COUNT() must be the only element in the SELECT list');
  if (op.arg.kind === 'call' && isAggregate(op.arg.fn)) throw malformedQuery(`${op.text}: aggregates do not nest`);
  const arg = scope.rowOperand(op.arg);
  const refuse = () => invalidField(`field ${arg.name} does not support aggregate operator ${op.fn}`);
  if (isLongText(arg.field)) throw refuse();
  switch (op.fn) {
    case 'COUNT':
      return { sql: `COUNT(${arg.sql})`, type: 'int', name: op.text, nocase: false };
    case 'COUNT_DISTINCT':
      return {
        sql: `COUNT(DISTINCT ${arg.sql}${arg.nocase ? ' COLLATE NOCASE' : ''})`,
        type: 'int',
        name: op.text,
        nocase: false,
      };
    case 'SUM':
    case 'AVG':
      if (!isNumeric(arg.type)) throw refuse();
      return { sql: `${op.fn}(${arg.sql})`, type: op.fn === 'AVG' ? 'double' : arg.type, name: op.text, nocase: false };
    default:
      if (arg.type === 'boolean' || arg.type === 'multipicklist') throw refuse();
      return {
        sql: `${op.fn}(${arg.sql}${arg.nocase ? ' COLLATE NOCASE' : ''})`,
        type: arg.type,
        name: op.text,
        nocase: false,
      };
  }
}

const groupable = (t: Typed): boolean =>
  !isLongText(t.field) && !['datetime', 'double', 'currency', 'percent', 'multipicklist'].includes(t.type);

export function planAggregate(scope: Scope, ast: QueryAst): AggregatePlan {
  const where = filters(scope, ast.where);
  const groups = ast.groupBy.map((op) => {
    const t = scope.rowOperand(op);
    if (!groupable(t)) throw invalidField(`field '${t.name}' can not be grouped in a query call`);
    return t;
  });
  const grouped = (op: Operand, what: string): Typed => {
    if (op.kind === 'call' && isAggregate(op.fn)) return aggregate(op, scope);
    const t = scope.rowOperand(op);
    const g = groups.find((x) => x.sql === t.sql);
    if (!g) throw malformedQuery(`${what} must be grouped or aggregated: ${op.text}`);
    return g;
  };
  const columns: string[] = [];
  const fields: AggregatePlan['fields'] = [];
  let expr = 0;
  for (const item of ast.select) {
    if (item.kind !== 'expr') {
      throw malformedQuery(
        `${item.kind === 'fields' ? 'FIELDS()' : 'a child subquery'} cannot be used in an aggregate query`,
      );
    }
    const t = grouped(item.operand, 'Field');
    const key = item.alias ?? (item.operand.kind === 'field' ? t.name : `expr${expr++}`);
    if (fields.some((f) => f.key.toLowerCase() === key.toLowerCase())) throw malformedQuery(`duplicate alias: ${key}`);
    columns.push(t.sql);
    fields.push({ key, type: t.type });
  }
  const cc: ConditionCompiler = { ...rowConditions(scope), operand: (op) => grouped(op, 'Field') };
  const having = ast.having ? ` HAVING ${compileExpr(ast.having, cc)}` : '';
  const order = ast.orderBy.map((o) => {
    const t = grouped(o.operand, 'Ordered field');
    return orderTerm(t.sql, t.nocase, o);
  });
  const groupBy = groups.length
    ? ` GROUP BY ${groups.map((g) => g.sql + (g.nocase ? ' COLLATE NOCASE' : '')).join(', ')}`
    : '';
  const limit = Math.min(ast.limit ?? MAX_AGGREGATE_ROWS + 1, MAX_AGGREGATE_ROWS + 1);
  const sql =
    `SELECT ${columns.join(', ')} FROM ${scope.table} ${scope.joins.join(' ')}` +
    `${where.length ? ` WHERE ${where.join(' AND ')}` : ''}${groupBy}${having}` +
    `${order.length ? ` ORDER BY ${order.join(', ')}` : ''}` +
    ` LIMIT ${scope.ctx.params.add(limit)} OFFSET ${scope.ctx.params.add(ast.offset ?? 0)}`;
  return { sql, fields };
}

export function shapeAggregates(rows: unknown[][], plan: AggregatePlan): SObjectRecord[] {
  if (rows.length > MAX_AGGREGATE_ROWS) {
    throw malformedQuery(
      'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
    );
  }
  return rows.map((row) => {
    const rec: SObjectRecord = { attributes: { type: 'AggregateResult' } };
    plan.fields.forEach((f, i) => (rec[f.key] = restValue(row[i], f.type)));
    return rec;
  });
}
