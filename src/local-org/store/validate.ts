/**
 * Checks a request's record against the object's metadata before it is written, with Salesforce's
 * error codes and wording: unknown and read-only fields, JSON types, lengths, restricted picklists and
 * required fields. Lookups are checked against the database by the store.
 */
import { ApiError } from '../errors.js';
import type { FieldDef, ObjectDef, Schema } from '../schema/types.js';
import { encode, type SqlValue } from './values.js';

export type Mode = 'create' | 'update';

/** Fields an import may set on create, as with Salesforce's "Set Audit Fields upon Record Creation" (and a closed case's ClosedDate). */
const AUDIT_FIELDS = new Set(['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'ClosedDate']);

/** Filled by the store or defaulted when a create leaves them out, so never REQUIRED_FIELD_MISSING. */
export function defaultedOnCreate(field: FieldDef): boolean {
  return (
    field.system === true ||
    field.autoNumber !== undefined ||
    field.calculated === true ||
    field.type === 'boolean' ||
    field.defaultValue !== undefined ||
    field.name === 'OwnerId'
  );
}

export interface CheckOptions {
  /** Allow the audit fields on create (seeding, imports). */
  auditFields?: boolean;
  /** The record's own id on update: a body may repeat it. */
  id?: string;
}

/** The values to write, keyed by field, in the order given. Throws the first problem found. */
export function checkRecord(
  schema: Schema,
  object: ObjectDef,
  input: unknown,
  mode: Mode,
  options: CheckOptions = {},
): Map<FieldDef, SqlValue> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${object.name} from the request body`);
  }
  const values = new Map<FieldDef, SqlValue>();
  const readOnly: string[] = [];
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (key === 'attributes') continue;
    const field = schema.field(object, key);
    if (!field) {
      throw new ApiError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`, [key]);
    }
    if (field.name === 'Id') {
      if (mode === 'create') {
        throw new ApiError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'Record ID: cannot specify Id in an insert call', [
          'Id',
        ]);
      }
      if (typeof raw === 'string' && options.id !== undefined && raw.slice(0, 15) === options.id.slice(0, 15)) continue;
      readOnly.push(field.name);
      continue;
    }
    const writable =
      mode === 'create'
        ? field.createable || (options.auditFields === true && AUDIT_FIELDS.has(field.name))
        : field.updateable;
    if (!writable) {
      readOnly.push(field.name);
      continue;
    }
    values.set(field, checkValue(field, raw));
  }
  if (readOnly.length > 0) {
    throw new ApiError(
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      readOnly,
    );
  }
  const missing = object.fields.filter((f) => {
    if (f.nillable || !f.createable) return false;
    if (mode === 'create') return !defaultedOnCreate(f) && (values.get(f) ?? null) === null;
    return values.has(f) && values.get(f) === null && f.type !== 'boolean';
  });
  if (missing.length > 0) {
    const names = missing.map((f) => f.name);
    throw new ApiError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${names.join(', ')}]`, names);
  }
  return values;
}

function checkValue(field: FieldDef, raw: unknown): SqlValue {
  const value = encode(field, raw);
  if (typeof value !== 'string') return value;
  if (field.length !== undefined && field.type !== 'reference' && field.type !== 'id' && value.length > field.length) {
    throw new ApiError(
      400,
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${truncate(value)} (max length=${field.length})`,
      [field.name],
    );
  }
  if (field.restrictedPicklist && field.picklistValues) {
    const allowed = new Set(field.picklistValues.filter((p) => p.active).map((p) => p.value));
    const chosen = field.type === 'multipicklist' ? value.split(';') : [value];
    const bad = chosen.find((v) => !allowed.has(v));
    if (bad !== undefined) {
      throw new ApiError(
        400,
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${bad}`,
        [field.name],
      );
    }
  }
  return value;
}

const truncate = (value: string): string => (value.length > 100 ? `${value.slice(0, 100)}...` : value);

/** The value a create gives a field it leaves out, or undefined for none. */
export function defaultFor(field: FieldDef): SqlValue | undefined {
  if (field.defaultValue === undefined || field.defaultValue === null) return undefined;
  if (typeof field.defaultValue === 'boolean') return field.defaultValue ? 1 : 0;
  return field.defaultValue;
}
