/**
 * Date literals (TODAY, LAST_N_DAYS:n, THIS_MONTH …) as half-open ranges of UTC days, and the date
 * functions (CALENDAR_YEAR(), DAY_ONLY() …) as SQL over the stored text forms. The local org's time
 * zone is UTC and its fiscal year is the calendar year (Salesforce's default), so FISCAL_* = CALENDAR_*.
 * Weeks start on Sunday (the en_US locale).
 */
import { malformedQuery } from '../errors.js';
import type { FieldType } from '../schema/types.js';

const DAY = 86_400_000;

export interface DayRange {
  /** First day in the range, 'YYYY-MM-DD'. */
  start: string;
  /** First day after the range. */
  end: string;
}

type Unit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

/** The start (UTC midnight, ms) of the unit containing `t`, shifted by `k` units. */
function unitStart(t: number, unit: Unit, k: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const today = Date.UTC(y, m, d.getUTCDate());
  switch (unit) {
    case 'DAY':
      return today + k * DAY;
    case 'WEEK':
      return today - d.getUTCDay() * DAY + k * 7 * DAY;
    case 'MONTH':
      return Date.UTC(y, m + k, 1);
    case 'QUARTER':
      return Date.UTC(y, m - (m % 3) + 3 * k, 1);
    case 'YEAR':
      return Date.UTC(y + k, 0, 1);
  }
}

/** [first, last] units relative to the current one, e.g. LAST_N_MONTHS:3 = [-3, -1]. */
function span(name: string, n: number | null): [Unit, number, number] | undefined {
  const fixed: Record<string, [Unit, number, number]> = {
    YESTERDAY: ['DAY', -1, -1],
    TODAY: ['DAY', 0, 0],
    TOMORROW: ['DAY', 1, 1],
    LAST_90_DAYS: ['DAY', -90, 0],
    NEXT_90_DAYS: ['DAY', 1, 90],
  };
  if (n === null) {
    if (fixed[name]) return fixed[name];
    const m = /^(LAST|THIS|NEXT)_(WEEK|MONTH|QUARTER|YEAR)$/.exec(name);
    if (!m) return undefined;
    const k = m[1] === 'LAST' ? -1 : m[1] === 'THIS' ? 0 : 1;
    return [m[2] as Unit, k, k];
  }
  if (!Number.isInteger(n) || n < 0) return undefined;
  const m = /^(?:(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)|N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)_AGO)$/.exec(
    name,
  );
  if (!m) return undefined;
  const unit = (m[2] ?? m[3])!.slice(0, -1) as Unit;
  // LAST_N_DAYS:n includes today (Salesforce: "LAST_N_DAYS:1 includes yesterday and today");
  // LAST_N_WEEKS/MONTHS/… are the n whole units before the current one; NEXT_N_* start after it.
  if (m[1] === 'LAST') return unit === 'DAY' ? [unit, -n, 0] : [unit, -n, -1];
  if (m[1] === 'NEXT') return [unit, 1, n];
  return [unit, -n, -n];
}

const canonical = (name: string) => name.replace('_FISCAL_', '_');

export const isDateLiteral = (name: string, n: number | null): boolean => span(canonical(name), n) !== undefined;

const day = (t: number) => {
  const d = new Date(t);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1700 || d.getUTCFullYear() > 4000) {
    throw malformedQuery('date literal out of range');
  }
  return d.toISOString().slice(0, 10);
};

/** The range of UTC days a date literal stands for at `now`. */
export function dateLiteralRange(name: string, n: number | null, now: Date): DayRange {
  const s = span(canonical(name), n);
  if (!s) throw new Error(`not a date literal: ${name}`);
  const [unit, first, last] = s;
  const t = now.getTime();
  return { start: day(unitStart(t, unit, first)), end: day(unitStart(t, unit, last + 1)) };
}

/** A range bound in a field's stored form: the day itself for a date, its UTC midnight for a datetime. */
export const boundFor = (type: FieldType, dayText: string): string =>
  type === 'datetime' ? `${dayText}T00:00:00.000Z` : dayText;

const int = (sql: string) => `CAST(${sql} AS INTEGER)`;

/** Date functions: SQL over a date ('YYYY-MM-DD') or datetime ('YYYY-MM-DDTHH:MM:SS.sssZ') column. */
const DATE_FUNCTIONS: Record<string, { datetimeOnly?: boolean; type: FieldType; sql: (x: string) => string }> = {
  CALENDAR_YEAR: { type: 'int', sql: (x) => int(`substr(${x}, 1, 4)`) },
  CALENDAR_QUARTER: { type: 'int', sql: (x) => `((${int(`substr(${x}, 6, 2)`)} + 2) / 3)` },
  CALENDAR_MONTH: { type: 'int', sql: (x) => int(`substr(${x}, 6, 2)`) },
  DAY_IN_MONTH: { type: 'int', sql: (x) => int(`substr(${x}, 9, 2)`) },
  DAY_IN_WEEK: { type: 'int', sql: (x) => `(${int(`strftime('%w', substr(${x}, 1, 10))`)} + 1)` },
  DAY_IN_YEAR: { type: 'int', sql: (x) => int(`strftime('%j', substr(${x}, 1, 10))`) },
  WEEK_IN_MONTH: { type: 'int', sql: (x) => `((${int(`substr(${x}, 9, 2)`)} - 1) / 7 + 1)` },
  WEEK_IN_YEAR: { type: 'int', sql: (x) => `((${int(`strftime('%j', substr(${x}, 1, 10))`)} - 1) / 7 + 1)` },
  HOUR_IN_DAY: { datetimeOnly: true, type: 'int', sql: (x) => int(`substr(${x}, 12, 2)`) },
  DAY_ONLY: { datetimeOnly: true, type: 'date', sql: (x) => `substr(${x}, 1, 10)` },
};

export const isDateFunction = (fn: string): boolean => fn.replace(/^FISCAL_/, 'CALENDAR_') in DATE_FUNCTIONS;

/** SQL and result type of a date function over a column, or an error message when the column will not do. */
export function dateFunction(
  fn: string,
  column: { sql: string; type: FieldType; name: string },
): { sql: string; type: FieldType } | string {
  const def = DATE_FUNCTIONS[fn.replace(/^FISCAL_/, 'CALENDAR_')];
  if (!def) return `unknown date function ${fn}()`;
  const ok = column.type === 'datetime' || (column.type === 'date' && !def.datetimeOnly);
  if (!ok) {
    const wanted = def.datetimeOnly ? 'a datetime field' : 'a date or datetime field';
    return `${fn}() needs ${wanted}; ${column.name} is of type ${column.type}`;
  }
  return { sql: def.sql(column.sql), type: def.type };
}
