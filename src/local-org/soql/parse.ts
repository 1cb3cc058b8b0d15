/**
 * SOQL text → the engine's syntax tree (ast.ts), using @jetstreamapp/soql-parser-js for the grammar.
 * Everything outside the supported subset is refused here with MALFORMED_QUERY naming the feature,
 * so no clause is ever silently dropped. WITH SECURITY_ENFORCED / USER_MODE / SYSTEM_MODE are accepted
 * and ignored: the local org has no field-level security.
 */
import {
  parseQuery,
  type FieldType as ParsedField,
  type FunctionExp,
  type GroupByClause,
  type OrderByClause,
  type Query,
  type QueryBase,
} from '@jetstreamapp/soql-parser-js';
import { malformedQuery } from '../errors.js';
import {
  isAggregate,
  type Condition,
  type Operand,
  type Operator,
  type OrderItem,
  type QueryAst,
  type SelectItem,
  type SemiJoin,
} from './ast.js';
import { isDateFunction } from './dates.js';
import { toLiteral } from './literals.js';
import { buildTree, type FlatClause } from './where-tree.js';

const OPERATORS = new Set<string>(['=', '!=', '<', '<=', '>', '>=', 'LIKE', 'IN', 'NOT IN', 'INCLUDES', 'EXCLUDES']);
const LIST_OPERATORS = new Set<string>(['IN', 'NOT IN', 'INCLUDES', 'EXCLUDES']);

/** The parser's error, said the way Salesforce says it ("unexpected token: 'FROM'"). */
function parseErrorMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const lexing = /unexpected character: ->(.*?)<-.*\((\d+):(\d+)\)/s.exec(msg);
  if (lexing) return `unexpected character: '${lexing[1]}' at Row:${lexing[2]}:Column:${lexing[3]}`;
  const found = /but found(?::| -->)\s*(.*?)(?:\s*<--)?\s*$/s.exec(msg.split('\n').pop() ?? '');
  if (found) {
    const token = found[1]!.replace(/^'(.*)'$/, '$1');
    return token === '' ? 'unexpected end of query' : `unexpected token: '${token}'`;
  }
  return msg.split('\n')[0] ?? 'unparseable query';
}

type Level = 'query' | 'child' | 'semi';

class Normaliser {
  public constructor(
    private readonly alias: string | undefined,
    private readonly level: Level,
    /** The query text, for the top level (see having()). */
    private readonly soql?: string,
  ) {}

  private path(text: string): Operand {
    const parts = text.split('.');
    if (this.alias && parts.length > 1 && parts[0]!.toLowerCase() === this.alias.toLowerCase()) parts.shift();
    return { kind: 'field', path: parts, text: parts.join('.') };
  }

  private call(fn: FunctionExp): Operand {
    const name = (fn.functionName ?? '').toUpperCase();
    const text = fn.rawValue ?? `${fn.functionName}()`;
    if (!isAggregate(name) && !isDateFunction(name) && name !== 'CONVERTTIMEZONE') {
      throw malformedQuery(`${fn.functionName}() is not supported by the local org`);
    }
    const params = fn.parameters ?? [];
    if (params.length > 1) throw malformedQuery(`${text}: too many arguments`);
    if (params.length === 0 && name !== 'COUNT') throw malformedQuery(`${text}: missing argument`);
    const p = params[0];
    const arg = p === undefined ? null : typeof p === 'string' ? this.path(p) : this.call(p);
    return { kind: 'call', fn: name, arg, text };
  }

  private selectItem(f: ParsedField): SelectItem {
    switch (f.type) {
      case 'Field':
        return { kind: 'expr', operand: this.path(f.field), ...(f.alias ? { alias: f.alias } : {}) };
      case 'FieldRelationship': {
        const alias = (f as { alias?: string }).alias;
        const operand: Operand = { kind: 'field', path: [...f.relationships, f.field], text: '' };
        operand.text = operand.path.join('.');
        return { kind: 'expr', operand, ...(alias ? { alias } : {}) };
      }
      case 'FieldFunctionExpression': {
        if (f.functionName.toUpperCase() === 'FIELDS') {
          const which = String(f.parameters[0] ?? '').toUpperCase();
          if (which !== 'ALL' && which !== 'STANDARD' && which !== 'CUSTOM') throw malformedQuery(`${f.rawValue}`);
          return { kind: 'fields', which };
        }
        return { kind: 'expr', operand: this.call(f), ...(f.alias ? { alias: f.alias } : {}) };
      }
      case 'FieldSubquery':
        if (this.level !== 'query') throw malformedQuery('nested child subqueries are not supported by the local org');
        return { kind: 'subquery', query: normalise(f.subquery, f.subquery.relationshipName, undefined, 'child') };
      case 'FieldTypeof':
        throw malformedQuery('TYPEOF is not supported by the local org');
    }
  }

  public condition(raw: Record<string, unknown>): Condition {
    const left = raw.fn ? this.call(raw.fn as FunctionExp) : this.path(String(raw.field));
    const written = String(raw.operator).toUpperCase();
    const op = (written === '<>' ? '!=' : written) as Operator;
    if (!OPERATORS.has(op)) throw malformedQuery(`unsupported operator: ${written}`);
    if (raw.valueQuery) {
      if (this.level === 'semi') throw malformedQuery('Nesting of semi join sub-selects is not supported');
      if (op !== 'IN' && op !== 'NOT IN') throw malformedQuery(`a sub-select needs IN or NOT IN, not ${written}`);
      return { kind: 'cond', left, op, values: [], semiJoin: semiJoin(raw.valueQuery as Query) };
    }
    const list = Array.isArray(raw.value);
    if (list !== LIST_OPERATORS.has(op))
      throw malformedQuery(`${written} needs ${list ? 'one value' : 'a list of values'}`);
    const values = (list ? raw.value : [raw.value]) as string[];
    const at = <T>(v: unknown, i: number): T => (Array.isArray(v) ? v[i] : v) as T;
    const literals = values.map((v, i) =>
      toLiteral(String(v), at<string>(raw.literalType, i), at<number | null>(raw.dateLiteralVariable, i)),
    );
    return { kind: 'cond', left, op, values: literals };
  }

  /**
   * The parser's HAVING visitor loses a NOT and the condition after it ('HAVING NOT a AND b' comes
   * back as '? AND b'); its WHERE visitor is right and the grammar is the same, so HAVING is parsed
   * again as a WHERE clause.
   */
  private having(): FlatClause {
    const text = this.soql === undefined ? undefined : havingText(this.soql);
    if (text === undefined) throw malformedQuery('HAVING is supported only in the outer query');
    let where;
    try {
      where = parseQuery(`SELECT Id FROM X WHERE ${text}`).where;
    } catch (e) {
      throw malformedQuery(parseErrorMessage(e));
    }
    if (!where) throw malformedQuery('empty HAVING clause');
    return where as unknown as FlatClause;
  }

  public query(q: QueryBase, object: string): QueryAst {
    if (q.usingScope) throw malformedQuery('USING SCOPE is not supported by the local org');
    if (q.withDataCategory) throw malformedQuery('WITH DATA CATEGORY is not supported by the local org');
    if (q.for) throw malformedQuery(`FOR ${q.for} is not supported by the local org`);
    if (q.update) throw malformedQuery(`UPDATE ${q.update} is not supported by the local org`);
    const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const leaf = (raw: Record<string, unknown>) => this.condition(raw);
    const ast: QueryAst = {
      object,
      select: (q.fields ?? []).map((f) => this.selectItem(f)),
      groupBy: list<GroupByClause>(q.groupBy).map((g) => {
        if ('field' in g) return this.path(g.field);
        const fn = (g.fn.functionName ?? '').toUpperCase();
        if (fn === 'ROLLUP' || fn === 'CUBE') throw malformedQuery(`GROUP BY ${fn} is not supported by the local org`);
        return this.call(g.fn);
      }),
      orderBy: list<OrderByClause>(q.orderBy).map((o): OrderItem => {
        const desc = o.order?.toUpperCase() === 'DESC';
        const nullsFirst = o.nulls ? o.nulls.toUpperCase() === 'FIRST' : !desc;
        return { operand: 'fn' in o ? this.call(o.fn) : this.path(o.field), desc, nullsFirst };
      }),
    };
    if (q.where) ast.where = buildTree(q.where as unknown as FlatClause, leaf);
    if (q.having) ast.having = buildTree(this.having(), leaf);
    if (q.limit !== undefined) ast.limit = q.limit;
    if (q.offset !== undefined) ast.offset = q.offset;
    if (ast.select.length === 0) throw malformedQuery('SELECT needs at least one field');
    return ast;
  }
}

/** The query with the contents of its string literals blanked out (same length), so keywords in them are not seen. */
function maskStrings(soql: string): string {
  let out = '';
  for (let i = 0; i < soql.length; i++) {
    if (soql[i] !== "'") {
      out += soql[i];
      continue;
    }
    let j = i + 1;
    while (j < soql.length && soql[j] !== "'") j += soql[j] === '\\' ? 2 : 1;
    out += "'" + ' '.repeat(Math.max(0, Math.min(j, soql.length) - i - 1)) + (j < soql.length ? "'" : '');
    i = j;
  }
  return out;
}

/**
 * The text of the top-level HAVING clause: from HAVING to the ORDER BY, LIMIT, OFFSET, FOR or UPDATE
 * after it, outside string literals and parentheses.
 */
export function havingText(soql: string): string | undefined {
  let depth = 0;
  const masked = [...maskStrings(soql)]
    .map((c) => {
      if (c === '(') depth++;
      if (c === ')') depth--;
      return depth === 0 && c !== ')' ? c : ' ';
    })
    .join('');
  const start = /\bHAVING\b/i.exec(masked);
  if (!start) return undefined;
  const from = start.index + start[0].length;
  const end = /\b(?:ORDER\s+BY|LIMIT|OFFSET|FOR|UPDATE)\b/i.exec(masked.slice(from));
  return soql.slice(from, end ? from + end.index : soql.length);
}

function normalise(q: QueryBase, object: string, alias: string | undefined, level: Level, soql?: string): QueryAst {
  const ast = new Normaliser(alias, level, soql).query(q, object);
  if (level === 'child') {
    if (ast.groupBy.length || ast.having) throw malformedQuery('aggregate child subqueries are not supported');
    if (ast.offset !== undefined) throw malformedQuery('OFFSET in a child subquery is not supported by the local org');
  }
  return ast;
}

function semiJoin(q: Query): SemiJoin {
  const extra = q.groupBy ?? q.having ?? q.orderBy ?? q.limit ?? q.offset;
  if (extra !== undefined) throw malformedQuery('a semi-join sub-select takes only SELECT, FROM and WHERE');
  const f = q.fields?.[0];
  if (!q.sObject || q.fields?.length !== 1 || f?.type !== 'Field') {
    throw malformedQuery('a semi-join sub-select selects exactly one Id or reference field');
  }
  const ast = normalise(q, q.sObject, q.sObjectAlias, 'semi');
  const item = ast.select[0]!;
  if (item.kind !== 'expr') throw malformedQuery('a semi-join sub-select selects exactly one Id or reference field');
  return { object: q.sObject, field: item.operand, ...(ast.where ? { where: ast.where } : {}) };
}

/** Parses a SOQL query. Throws MALFORMED_QUERY for syntax errors and unsupported features. */
export function parseSoql(soql: string): QueryAst {
  // The parser keeps only two of three or more NOTs in a row ('NOT NOT NOT a', 'NOT (NOT (NOT a))').
  if (/\bNOT\b[\s(]*\bNOT\b[\s(]*\bNOT\b/i.test(maskStrings(soql))) {
    throw malformedQuery('three or more NOTs in a row are not supported by the local org');
  }
  let q: Query;
  try {
    q = parseQuery(soql);
  } catch (e) {
    throw malformedQuery(parseErrorMessage(e));
  }
  if (!q.sObject) throw malformedQuery('missing FROM');
  return normalise(q, q.sObject, q.sObjectAlias, 'query', soql);
}
