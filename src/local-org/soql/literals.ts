/**
 * SOQL literals as the parser hands them over (string values keep their quotes and escapes, numbers
 * and dates are raw text), decoded and validated the way Salesforce does.
 */
import { malformedQuery } from '../errors.js';
import type { Literal } from './ast.js';
import { isDateLiteral } from './dates.js';

/** Salesforce's quoted-string escapes: \n \r \t \b \f \" \' \\, and \% \_ (meaningful in LIKE). */
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** Decodes a quoted SOQL string into its value and the equivalent SQLite LIKE pattern (escape '\'). */
export function decodeString(quoted: string): { value: string; like: string } {
  if (quoted.length < 2 || quoted[0] !== "'" || quoted[quoted.length - 1] !== "'") {
    throw malformedQuery(`invalid string literal: ${quoted}`);
  }
  const body = quoted.slice(1, -1);
  let value = '';
  let like = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      value += c;
      like += c; // an unescaped % or _ is a wildcard
      continue;
    }
    const e = body[++i];
    if (e === '%' || e === '_') {
      value += e;
      like += '\\' + e;
      continue;
    }
    const decoded = e === undefined ? undefined : (ESCAPES[e.toLowerCase()] ?? ESCAPES[e]);
    if (decoded === undefined) {
      throw malformedQuery(`Illegal character sequence '\\${e ?? ''}' in string literal: ${quoted}`);
    }
    value += decoded;
    like += decoded === '\\' ? '\\\\' : decoded;
  }
  return { value, like };
}

/** Escapes a plain value for use inside a LIKE pattern with escape character '\'. */
export const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => '\\' + c);

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/i;

export function parseDate(text: string): string {
  const m = DATE.exec(text);
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw malformedQuery(`invalid date: ${text}`);
  return text;
}

/** A SOQL datetime literal (Z or ±hh:mm offset) as the stored form: UTC 'YYYY-MM-DDTHH:MM:SS.sssZ'. */
export function parseDateTime(text: string): string {
  const m = DATETIME.exec(text);
  const bad = () => malformedQuery(`invalid datetime: ${text}`);
  if (!m) throw bad();
  const [, y, mo, d, h, mi, s, frac = '', zone] = m as unknown as string[];
  if (!validDate(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw bad();
  }
  let offsetMinutes = 0;
  if (zone!.toUpperCase() !== 'Z') {
    const digits = zone!.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 14 || om > 59) throw bad();
    offsetMinutes = (zone![0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

/** One literal from the parser: its raw text, its literal type, and the n of a LAST_N_DAYS:n. */
export function toLiteral(raw: string, type: string | undefined, n: number | null | undefined): Literal {
  switch (type) {
    case 'STRING':
      return { kind: 'string', ...decodeString(raw), text: raw };
    case 'INTEGER':
    case 'DECIMAL': {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw malformedQuery(`invalid number: ${raw}`);
      return { kind: 'number', value, text: raw };
    }
    case 'BOOLEAN':
      return { kind: 'boolean', value: raw.toUpperCase() === 'TRUE', text: raw };
    case 'NULL':
      return { kind: 'null', text: raw };
    case 'DATE':
      return { kind: 'date', value: parseDate(raw), text: raw };
    case 'DATETIME':
      return { kind: 'datetime', value: parseDateTime(raw), text: raw };
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      const name = raw.split(':')[0]!.toUpperCase();
      const count = type === 'DATE_N_LITERAL' ? Number(n ?? raw.split(':')[1]) : null;
      if (!isDateLiteral(name, count)) throw malformedQuery(`unsupported date literal: ${raw}`);
      return { kind: 'dateLiteral', name, n: count, text: raw };
    }
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
      throw malformedQuery(
        `currency-prefixed numbers such as ${raw} need multi-currency, which the local org does not have`,
      );
    case 'APEX_BIND_VARIABLE':
      throw malformedQuery(`bind variables such as :${raw} exist only in Apex`);
    default:
      throw malformedQuery(`unsupported value: ${raw}`);
  }
}
