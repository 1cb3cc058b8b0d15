/**
 * The parts of a record query's SQL: the WHERE filters (soft-deleted rows excluded unless queryAll,
 * semi-joins as sub-selects), the SELECT columns with the plan that shapes them into records, and
 * ORDER BY (Salesforce's defaults: NULLS FIRST ascending, NULLS LAST descending; text case-insensitive).
 */
import { invalidField, invalidType, malformedQuery } from '../errors.js';
import type { ObjectDef } from '../schema/types.js';
import type { Expr, OrderItem, Path, QueryAst, SelectItem, SemiJoin } from './ast.js';
import { compileExpr, type ConditionCompiler } from './conditions.js';
import { isLongText, Scope, type Context } from './resolve.js';
import type { Entry, RecordPlan } from './shape.js';

export const unknownObject = (name: string) =>
  invalidType(
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  );

export function objectNamed(ctx: Context, name: string): ObjectDef {
  const object = ctx.schema.object(name);
  if (!object) throw unknownObject(name);
  return object;
}

/** Compiles conditions over a scope's rows (fields and date functions, semi-joins). */
export function rowConditions(scope: Scope): ConditionCompiler {
  return {
    ctx: scope.ctx,
    operand: (op) => scope.rowOperand(op),
    semiJoin: (sj) => semiJoinSql(scope.ctx, sj),
  };
}

/** The filters of a scope: live rows only (unless queryAll), then the WHERE clause. */
export function filters(scope: Scope, where: Expr | undefined, cc: ConditionCompiler = rowConditions(scope)): string[] {
  const out = scope.ctx.includeDeleted ? [] : [`${scope.col('IsDeleted')} = 0`];
  if (where) out.push(compileExpr(where, cc));
  return out;
}

function semiJoinSql(ctx: Context, sj: SemiJoin): string {
  const scope = new Scope(ctx, objectNamed(ctx, sj.object), ctx.nextAlias());
  const selected = scope.rowOperand(sj.field);
  if (selected.type !== 'id' && selected.type !== 'reference') {
    throw malformedQuery(`a semi-join sub-select must select an Id or reference field, not '${selected.name}'`);
  }
  const where = [`${selected.sql} IS NOT NULL`, ...filters(scope, sj.where)];
  return `SELECT ${selected.sql} FROM ${scope.table} ${scope.joins.join(' ')} WHERE ${where.join(' AND ')}`;
}

/** SELECT columns by position; a statement's rows are read as arrays. */
export class Columns {
  public readonly sql: string[];
  public constructor(leading: string[]) {
    this.sql = [...leading];
  }
  public add(sql: string): number {
    this.sql.push(sql);
    return this.sql.length - 1;
  }
}

function expand(object: ObjectDef, which: 'ALL' | 'STANDARD' | 'CUSTOM'): Path[] {
  return object.fields
    .filter((f) => which === 'ALL' || f.name.endsWith('__c') === (which === 'CUSTOM'))
    .map((f) => [f.name]);
}

/**
 * Plans a record query's SELECT list: every field path becomes a column (joining parents as needed),
 * each child subquery an index handed out by `onChild`.
 */
export function planRecord(
  scope: Scope,
  ast: QueryAst,
  columns: Columns,
  idCol: number,
  onChild: (sub: QueryAst) => number,
): RecordPlan {
  const plan: RecordPlan = { object: scope.object.name, idCol, entries: [] };
  const seen = new Set<string>();
  const parents = new Map<string, Entry & { kind: 'parent' }>();
  const addPath = (path: Path, text: string, fromFields: boolean) => {
    const key = path.join('.').toLowerCase();
    if (seen.has(key)) {
      if (fromFields) return;
      throw malformedQuery(`duplicate field selected: ${text}`);
    }
    seen.add(key);
    const column = scope.column(path);
    let entries = plan.entries;
    for (let i = 1; i < path.length; i++) {
      const rel = scope.relation(path.slice(0, i));
      let parent = parents.get(rel.key);
      if (!parent) {
        const type = rel.polymorphic ? null : rel.objects[0]!.name;
        parent = { kind: 'parent', key: rel.name, idCol: columns.add(rel.idSql), type, entries: [] };
        parents.set(rel.key, parent);
        entries.push(parent);
      }
      entries = parent.entries;
    }
    entries.push({ kind: 'field', key: column.name, col: columns.add(column.sql), type: column.type });
  };
  for (const item of ast.select as SelectItem[]) {
    if (item.kind === 'subquery') {
      const key = item.query.object.toLowerCase();
      if (seen.has(key)) throw malformedQuery(`duplicate field selected: ${item.query.object}`);
      seen.add(key);
      const child = onChild(item.query);
      const name = scope.ctx.schema.childRelationship(scope.object, item.query.object)!.relationshipName;
      plan.entries.push({ kind: 'child', key: name, child });
    } else if (item.kind === 'fields') {
      if (item.which !== 'STANDARD' && (ast.limit === undefined || ast.limit > 200)) {
        throw malformedQuery(`The SOQL FIELDS function must have a LIMIT of at most 200`);
      }
      for (const path of expand(scope.object, item.which)) addPath(path, path.join('.'), true);
    } else {
      if (item.alias) throw malformedQuery('Only aggregate expressions use field aliasing');
      if (item.operand.kind !== 'field') throw new Error('unreachable: functions make an aggregate query');
      addPath(item.operand.path, item.operand.text, false);
    }
  }
  return plan;
}

/** ORDER BY terms for a record query, without the Id tie-breaker. */
export function orderTerms(scope: Scope, orderBy: OrderItem[]): string[] {
  return orderBy.map((o) => {
    if (o.operand.kind !== 'field') {
      throw malformedQuery(`ORDER BY ${o.operand.text}: functions in ORDER BY need an aggregate query`);
    }
    const column = scope.column(o.operand.path);
    if (isLongText(column.field) || column.type === 'multipicklist') {
      throw invalidField(`field '${column.name}' can not be sorted in a query call`);
    }
    return orderTerm(column.sql, column.nocase, o);
  });
}

export const orderTerm = (sql: string, nocase: boolean, o: OrderItem): string =>
  `${sql}${nocase ? ' COLLATE NOCASE' : ''} ${o.desc ? 'DESC' : 'ASC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`;
