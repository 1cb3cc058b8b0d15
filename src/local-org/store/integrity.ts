/**
 * Relationships between records: lookups must point at a live record of an allowed object, deleting
 * a parent follows each child lookup's delete constraint, and unique-index violations become
 * Salesforce's DUPLICATE_VALUE naming the record that already holds the value.
 */
import { ApiError } from '../errors.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { quoteIdent } from './ddl.js';
import type { Row } from './derived.js';
import type { Store, WriteContext } from './store.js';
import type { SqlValue } from './values.js';

export function checkReferences(store: Store, values: Map<FieldDef, SqlValue>): void {
  for (const [field, value] of values) {
    if (field.type !== 'reference' || value === null) continue;
    const id = String(value);
    const target = store.schema.objectForId(id);
    const allowed = (field.referenceTo ?? []).map((r) => r.toLowerCase());
    if (!target || !allowed.includes(target.name.toLowerCase())) {
      throw new ApiError(400, 'FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${id}`, [
        field.name,
      ]);
    }
    const row = store.row(target, id);
    if (!row) {
      throw new ApiError(
        400,
        'FIELD_INTEGRITY_EXCEPTION',
        `${field.label}: id value of incorrect type: ${id} (no such ${target.name})`,
        [field.name],
      );
    }
    if (row['IsDeleted'] === 1) throw new ApiError(400, 'ENTITY_IS_DELETED', 'entity is deleted', [field.name]);
  }
}

/**
 * Before a parent is deleted: Restrict refuses while live children point at it (DELETE_FAILED),
 * Cascade deletes them, SetNull clears their lookup.
 */
export function removeChildren(
  store: Store,
  object: ObjectDef,
  row: Row,
  ctx: WriteContext,
  deleteChild: (child: ObjectDef, id: string) => void,
): void {
  const id = String(row['Id']);
  for (const rel of object.childRelationships) {
    const child = store.schema.object(rel.childSObject);
    const field = child && store.schema.field(child, rel.field);
    if (!child || !field) continue;
    const table = quoteIdent(child.name);
    const column = quoteIdent(field.name);
    const nameField = ['Name', 'CaseNumber', 'Id'].find((n) => store.schema.field(child, n)) ?? 'Id';
    const live = store
      .prepare(
        `SELECT "Id", ${quoteIdent(nameField)} AS "Name" FROM ${table} WHERE ${column} = ? AND "IsDeleted" = 0 ORDER BY "Id"`,
      )
      .all(id) as Array<{ Id: string; Name: string | null }>;
    if (live.length === 0) continue;
    const constraint = field.deleteConstraint ?? 'SetNull';
    if (constraint === 'Restrict') {
      const label = String(row['Name'] ?? row['CaseNumber'] ?? id);
      const names = live.slice(0, 10).map((c) => c.Name ?? c.Id);
      throw new ApiError(
        400,
        'DELETE_FAILED',
        `Your attempt to delete ${label} could not be completed because it is associated with the following ${child.labelPlural.toLowerCase()}.: ${names.join(', ')}`,
      );
    }
    if (constraint === 'Cascade') {
      for (const c of live) deleteChild(child, c.Id);
    } else {
      const now = (ctx.now ?? new Date()).toISOString();
      store
        .prepare(
          `UPDATE ${table} SET ${column} = NULL, "LastModifiedDate" = ?, "LastModifiedById" = ?, "SystemModstamp" = ? WHERE ${column} = ? AND "IsDeleted" = 0`,
        )
        .run(now, ctx.userId, now, id);
    }
  }
}

const UNIQUE_FAILED = /UNIQUE constraint failed: ([^.,\s]+)\.([^.,\s]+)/;

/** DUPLICATE_VALUE for a SQLite unique-index error on one of the object's fields, else undefined. */
export function duplicateError(store: Store, object: ObjectDef, error: unknown, row: Row): ApiError | undefined {
  const e = error as { errcode?: number; message?: string };
  if (e.errcode !== 2067 && e.errcode !== 1555) return undefined;
  const m = UNIQUE_FAILED.exec(e.message ?? '');
  const field = m ? store.schema.field(object, m[2]!) : undefined;
  if (!field) return undefined;
  const value = row[field.name];
  const existing =
    value === null || value === undefined
      ? undefined
      : store.findByExternalId(object, field, String(value), String(row['Id'] ?? ''));
  return new ApiError(
    400,
    'DUPLICATE_VALUE',
    `duplicate value found: ${field.name} duplicates value on record with id: ${existing ?? '<unknown>'}`,
    [],
  );
}
