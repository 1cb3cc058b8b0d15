/**
 * Field values between the REST API's JSON and SQLite, per field type (see ddl.ts for the encodings).
 * `encode` accepts what Salesforce's JSON reader accepts (numbers and booleans as strings too) and
 * throws the error Salesforce gives for anything else; `decode` gives what the REST API returns.
 */
import { ApiError } from '../errors.js';
import { normalizeId } from '../ids.js';
import type { FieldDef } from '../schema/types.js';

export type SqlValue = string | number | null;

const SOAP_NAMES: Record<string, string> = {
  boolean: 'boolean',
  int: 'int',
  double: 'double',
  currency: 'double',
  percent: 'double',
  date: 'date',
  datetime: 'datetime',
};

function cannotDeserialize(field: FieldDef, value: unknown): ApiError {
  const kind = SOAP_NAMES[field.type] ?? 'String';
  const token =
    typeof value === 'string'
      ? 'VALUE_STRING'
      : typeof value === 'number'
        ? 'VALUE_NUMBER'
        : typeof value === 'boolean'
          ? `VALUE_${String(value).toUpperCase()}`
          : Array.isArray(value)
            ? 'START_ARRAY'
            : 'START_OBJECT';
  const shown = typeof value === 'object' ? '' : ` value ${String(value)}`;
  return new ApiError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${kind} from ${token}${shown} or request may be missing a required field`,
    [field.name],
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The canonical stored form of a datetime: UTC, milliseconds, 'Z' (text order is time order). */
export function parseDateTime(value: string): string | undefined {
  const m = DATETIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '0', zone = 'Z'] = m;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = frac.padEnd(3, '0').slice(0, 3);
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  if (Number.isNaN(date.getTime()) || !validDate(Number(y), Number(mo), Number(d))) return undefined;
  return date.toISOString();
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The SQLite value for a request's JSON value. Throws JSON_PARSER_ERROR, INVALID_EMAIL_ADDRESS, MALFORMED_ID. */
export function encode(field: FieldDef, value: unknown): SqlValue {
  if (value === null || value === undefined || value === '') {
    return field.type === 'boolean' ? 0 : null;
  }
  if (typeof value === 'object') throw cannotDeserialize(field, value);
  switch (field.type) {
    case 'boolean': {
      if (typeof value === 'boolean') return value ? 1 : 0;
      const v = String(value).toLowerCase();
      if (v === 'true' || v === 'false') return v === 'true' ? 1 : 0;
      throw cannotDeserialize(field, value);
    }
    case 'int': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
      if (!Number.isInteger(n)) throw cannotDeserialize(field, value);
      return n;
    }
    case 'double':
    case 'currency':
    case 'percent': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
      if (!Number.isFinite(n) || (typeof value === 'string' && value.trim() === ''))
        throw cannotDeserialize(field, value);
      return n;
    }
    case 'date': {
      if (typeof value !== 'string') throw cannotDeserialize(field, value);
      const m = DATE.exec(value.trim().slice(0, 10));
      if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw cannotDeserialize(field, value);
      return m[0];
    }
    case 'datetime': {
      const parsed = typeof value === 'string' ? parseDateTime(value) : undefined;
      if (parsed === undefined) throw cannotDeserialize(field, value);
      return parsed;
    }
    case 'id':
    case 'reference': {
      const id = typeof value === 'string' ? normalizeId(value) : undefined;
      if (id === undefined) {
        throw new ApiError(400, 'MALFORMED_ID', `${field.label}: id value of incorrect type: ${String(value)}`, [
          field.name,
        ]);
      }
      return id;
    }
    case 'email': {
      const v = String(value).trim();
      if (!EMAIL.test(v)) {
        throw new ApiError(400, 'INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${v}`, [field.name]);
      }
      return v;
    }
    default:
      return String(value);
  }
}

/** The REST API's JSON value for a stored value. */
export function decode(field: FieldDef, value: SqlValue | bigint | Uint8Array | undefined): unknown {
  if (value === null || value === undefined) return field.type === 'boolean' ? false : null;
  switch (field.type) {
    case 'boolean':
      return Number(value) !== 0;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return Number(value);
    case 'datetime':
      return formatDateTime(String(value));
    default:
      return String(value);
  }
}

/** '2026-11-02T09:14:00.000Z' → '2026-11-02T09:14:00.000+0000', as the REST API writes datetimes. */
export const formatDateTime = (iso: string): string => (iso.endsWith('Z') ? `${iso.slice(0, -1)}+0000` : iso);
