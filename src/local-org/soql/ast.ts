/**
 * The SOQL engine's own syntax tree: what parse.ts makes of @jetstreamapp/soql-parser-js's output.
 * Names are as written in the query (resolved against the schema, case-insensitively, by compile);
 * literals are already decoded and validated (strings unescaped, datetimes in UTC).
 */

/** A dotted field path as written, without the FROM alias: ['Case__r', 'Account', 'Name']. */
export type Path = string[];

export type Operand =
  | { kind: 'field'; path: Path; text: string }
  /** A function call, name upper-cased: COUNT(Id), CALENDAR_YEAR(CreatedDate); COUNT() has no argument. */
  | { kind: 'call'; fn: string; arg: Operand | null; text: string };

export type Literal =
  /** value: the decoded text; like: the same literal as a SQLite LIKE pattern with escape character '\'. */
  | { kind: 'string'; value: string; like: string; text: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'boolean'; value: boolean; text: string }
  | { kind: 'null'; text: string }
  /** 'YYYY-MM-DD' */
  | { kind: 'date'; value: string; text: string }
  /** 'YYYY-MM-DDTHH:MM:SS.sssZ', converted to UTC */
  | { kind: 'datetime'; value: string; text: string }
  /** TODAY, LAST_N_DAYS:n … (n null for the ones without a number) */
  | { kind: 'dateLiteral'; name: string; n: number | null; text: string };

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

/** `Id IN (SELECT AccountId FROM Case WHERE …)` */
export interface SemiJoin {
  object: string;
  field: Operand;
  where?: Expr;
}

export interface Condition {
  kind: 'cond';
  left: Operand;
  op: Operator;
  /** One value, or the list of IN / NOT IN / INCLUDES / EXCLUDES. Empty for a semi-join. */
  values: Literal[];
  semiJoin?: SemiJoin;
}

export type Expr = Condition | { kind: 'and' | 'or'; items: Expr[] } | { kind: 'not'; item: Expr };

export type SelectItem =
  | { kind: 'expr'; operand: Operand; alias?: string }
  | { kind: 'fields'; which: 'ALL' | 'STANDARD' | 'CUSTOM' }
  | { kind: 'subquery'; query: QueryAst };

export interface OrderItem {
  operand: Operand;
  desc: boolean;
  nullsFirst: boolean;
}

export interface QueryAst {
  /** The object (FROM), or for a child subquery the relationship name ('Cases'). */
  object: string;
  select: SelectItem[];
  where?: Expr;
  groupBy: Operand[];
  having?: Expr;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
export const isAggregate = (fn: string): boolean => AGGREGATES.has(fn);
