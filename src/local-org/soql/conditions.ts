/**
 * WHERE and HAVING conditions as SQL, with Salesforce's semantics rather than SQL's:
 *
 * - Two-valued logic. `Status != 'New'` and `NOT Status = 'New'` include rows where Status is null;
 *   `Status NOT IN (…)` too. NOT is pushed down to the comparisons (De Morgan), and each comparison
 *   says explicitly whether a null operand matches, so SQL's unknown never leaks into a result.
 * - Text and picklists compare case-insensitively (COLLATE NOCASE; LIKE is case-insensitive in SQLite).
 * - `= ''` on text is `= null` (Salesforce stores no empty strings); ids may be 15 or 18 characters.
 * - A date literal (TODAY, LAST_N_DAYS:n …) is a range of days: `= TODAY` is inside it, `> TODAY`
 *   after its end, `< TODAY` before its start; on a datetime field the days are UTC days.
 * - Values are type-checked against the field, as Salesforce does, and bound as parameters.
 */
import { invalidField, malformedQuery } from '../errors.js';
import { normalizeId } from '../ids.js';
import type { Condition, Expr, Literal, Operand, SemiJoin } from './ast.js';
import { boundFor, dateLiteralRange } from './dates.js';
import { escapeLike } from './literals.js';
import { isLongText, isNumeric, type Context, type Typed } from './resolve.js';

export interface ConditionCompiler {
  ctx: Context;
  /** The SQL and type of a condition's left-hand side. */
  operand(op: Operand): Typed;
  /** The SQL of a semi-join sub-select, yielding non-null ids. */
  semiJoin(sj: SemiJoin): string;
}

type Bound = { kind: 'value'; sql: string } | { kind: 'null' } | { kind: 'range'; start: string; end: string };

const wrongType = (name: string, type: string, quoted: boolean) =>
  invalidField(
    `value of filter criterion for field '${name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
  );

/** A literal checked against the operand's type and bound as a parameter ('' on text and ids binds as null). */
function bind(l: Typed, lit: Literal, ctx: Context): Bound {
  if (lit.kind === 'null') return { kind: 'null' };
  const value = (v: string | number): Bound => ({ kind: 'value', sql: ctx.params.add(v) });
  const range = (): Bound => {
    if (lit.kind !== 'dateLiteral') throw new Error('unreachable');
    const r = dateLiteralRange(lit.name, lit.n, ctx.now);
    return {
      kind: 'range',
      start: ctx.params.add(boundFor(l.type, r.start)),
      end: ctx.params.add(boundFor(l.type, r.end)),
    };
  };
  switch (l.type) {
    case 'id':
    case 'reference': {
      if (lit.kind !== 'string') throw wrongType(l.name, 'id', true);
      if (lit.value === '') return { kind: 'null' };
      const id = normalizeId(lit.value);
      if (!id) throw malformedQuery(`invalid ID field: ${lit.value}`);
      return value(id);
    }
    case 'boolean':
      if (lit.kind !== 'boolean') throw wrongType(l.name, 'boolean', false);
      return value(lit.value ? 1 : 0);
    case 'date':
      if (lit.kind === 'date') return value(lit.value);
      if (lit.kind === 'dateLiteral') return range();
      throw wrongType(l.name, 'date', false);
    case 'datetime':
      if (lit.kind === 'datetime') return value(lit.value);
      if (lit.kind === 'dateLiteral') return range();
      throw wrongType(l.name, 'dateTime', false);
    default:
      if (isNumeric(l.type)) {
        if (lit.kind !== 'number') throw wrongType(l.name, l.type === 'int' ? 'integer' : 'double', false);
        return value(lit.value);
      }
      if (lit.kind !== 'string') throw wrongType(l.name, 'string', true);
      return lit.value === '' ? { kind: 'null' } : value(lit.value);
  }
}

const RANGE_SIDE: Record<string, (r: { start: string; end: string }) => [string, string]> = {
  '<': (r) => ['<', r.start],
  '<=': (r) => ['<', r.end],
  '>': (r) => ['>=', r.end],
  '>=': (r) => ['>=', r.start],
};

/**
 * The condition without negation, as `basic` (NULL exactly when the operand is null) and whether a
 * null operand satisfies it (`= null`, `IN (…, null)`).
 */
function positive(c: Condition, op: string, l: Typed, cc: ConditionCompiler): { basic: string; nullMatches: boolean } {
  const { ctx } = cc;
  const x = l.sql;
  const coll = l.nocase ? ' COLLATE NOCASE' : '';
  const inRange = (r: { start: string; end: string }) => `(${x} >= ${r.start} AND ${x} < ${r.end})`;
  const badOp = (what: string) => malformedQuery(`invalid operator ${what} on field '${l.name}' of type ${l.type}`);
  if (l.type === 'multipicklist' && op !== '=' && op !== 'INCLUDES') throw badOp(c.op);
  switch (op) {
    case '=': {
      const v = bind(l, c.values[0]!, ctx);
      if (v.kind === 'null') return { basic: '0', nullMatches: true };
      if (v.kind === 'range') return { basic: inRange(v), nullMatches: false };
      return { basic: `(${x} = ${v.sql}${coll})`, nullMatches: false };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (l.type === 'boolean') throw badOp(op);
      const v = bind(l, c.values[0]!, ctx);
      if (v.kind === 'null') throw malformedQuery(`the operator ${op} cannot compare '${l.name}' with null`);
      if (v.kind === 'range') {
        const [cmp, bound] = RANGE_SIDE[op]!(v);
        return { basic: `(${x} ${cmp} ${bound})`, nullMatches: false };
      }
      return { basic: `(${x} ${op} ${v.sql}${coll})`, nullMatches: false };
    }
    case 'LIKE': {
      const lit = c.values[0]!;
      if (!l.nocase) throw badOp('LIKE');
      if (lit.kind !== 'string') throw wrongType(l.name, 'string', true);
      return { basic: `(${x} LIKE ${ctx.params.add(lit.like)} ESCAPE '\\')`, nullMatches: false };
    }
    case 'IN': {
      if (c.semiJoin) {
        if (l.type !== 'id' && l.type !== 'reference') {
          throw malformedQuery(`a semi-join needs an Id or reference field on the left, not '${l.name}'`);
        }
        return { basic: `(${x} IN (${cc.semiJoin(c.semiJoin)}))`, nullMatches: false };
      }
      let nullMatches = false;
      const plain: string[] = [];
      const parts: string[] = [];
      for (const lit of c.values) {
        const v = bind(l, lit, ctx);
        if (v.kind === 'null') nullMatches = true;
        else if (v.kind === 'range') parts.push(inRange(v));
        else plain.push(v.sql);
      }
      if (plain.length) parts.unshift(`${x}${coll} IN (${plain.join(', ')})`);
      return { basic: parts.length ? `(${parts.join(' OR ')})` : '0', nullMatches };
    }
    case 'INCLUDES': {
      if (l.type !== 'multipicklist')
        throw malformedQuery('INCLUDES and EXCLUDES apply only to multi-select picklists');
      const any = c.values.map((lit) => {
        if (lit.kind !== 'string') throw wrongType(l.name, 'string', true);
        const all = lit.value
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((v) => `((';' || ${x} || ';') LIKE ${ctx.params.add(`%;${escapeLike(v)};%`)} ESCAPE '\\')`);
        return all.length ? `(${all.join(' AND ')})` : '0';
      });
      return { basic: `(${any.join(' OR ')})`, nullMatches: false };
    }
    default:
      throw malformedQuery(`unsupported operator: ${c.op}`);
  }
}

const NEGATIONS: Record<string, string> = { '!=': '=', 'NOT IN': 'IN', EXCLUDES: 'INCLUDES' };

function condition(c: Condition, cc: ConditionCompiler, negated: boolean): string {
  const l = cc.operand(c.left);
  if (isLongText(l.field)) throw invalidField(`field '${l.name}' can not be filtered in a query call`);
  const flip = c.op in NEGATIONS;
  const { basic, nullMatches } = positive(c, NEGATIONS[c.op] ?? c.op, l, cc);
  const x = l.sql;
  if (negated === flip) {
    if (!nullMatches) return basic;
    return basic === '0' ? `(${x} IS NULL)` : `(${x} IS NULL OR ${basic})`;
  }
  if (nullMatches) return basic === '0' ? `(${x} IS NOT NULL)` : `(${x} IS NOT NULL AND NOT ${basic})`;
  return basic === '0' ? '1' : `(${x} IS NULL OR NOT ${basic})`;
}

/** An expression as SQL that is true exactly where Salesforce's two-valued logic says so. */
export function compileExpr(e: Expr, cc: ConditionCompiler, negated = false): string {
  switch (e.kind) {
    case 'not':
      return compileExpr(e.item, cc, !negated);
    case 'and':
    case 'or': {
      const joiner = (e.kind === 'and') !== negated ? ' AND ' : ' OR ';
      return `(${e.items.map((item) => compileExpr(item, cc, negated)).join(joiner)})`;
    }
    case 'cond':
      return condition(e, cc, negated);
  }
}
