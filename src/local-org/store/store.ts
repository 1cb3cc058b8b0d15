/**
 * The records of a local org: create, retrieve, update, soft delete and upsert by external id, each
 * checked against the metadata and written atomically; callers group several in `transaction`.
 * Unique and external-id values are enforced by SQLite's unique indexes, so concurrent writers of one
 * key cannot both succeed.
 */
import { ApiError } from '../errors.js';
import { makeId, normalizeId } from '../ids.js';
import type { FieldDef, ObjectDef, Schema } from '../schema/types.js';
import { Database } from './database.js';
import { quoteIdent } from './ddl.js';
import { derive, type Row } from './derived.js';
import { checkRecord, defaultFor } from './validate.js';
import { decode, type SqlValue } from './values.js';
import { checkReferences, duplicateError, removeChildren } from './integrity.js';

export interface WriteContext {
  /** The session's user: CreatedById, LastModifiedById and the default OwnerId. */
  userId: string;
  now?: Date;
  /** Allow CreatedDate and the other audit fields on create (seeding and imports). */
  auditFields?: boolean;
}

export interface SObjectRecord {
  attributes: { type: string; url: string };
  [field: string]: unknown;
}

/** Salesforce never deletes users or the org through the API (users are deactivated). */
const UNDELETABLE = new Set(['User', 'Organization']);

const wrongOperation = (what: string): ApiError =>
  new ApiError(400, 'INVALID_TYPE_FOR_OPERATION', `entity type cannot be ${what}`);

export const notFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');

export class Store extends Database {
  public constructor(
    file: string,
    public readonly schema: Schema,
  ) {
    super(file, schema);
  }

  /** The object by API name (any case), or 404 NOT_FOUND as the sobjects resource answers. */
  public object(name: string): ObjectDef {
    const object = this.schema.object(name);
    if (!object) throw notFound();
    return object;
  }

  /** The stored row of a record, deleted or not, or undefined. */
  public row(object: ObjectDef, id: string): Row | undefined {
    return this.prepare(`SELECT * FROM ${quoteIdent(object.name)} WHERE "Id" = ?`).get(id) as Row | undefined;
  }

  /** The live row for an id given by a request: MALFORMED_ID, NOT_FOUND or ENTITY_IS_DELETED otherwise. */
  public liveRow(object: ObjectDef, rawId: string): Row {
    const id = normalizeId(rawId);
    if (id === undefined) throw new ApiError(400, 'MALFORMED_ID', `malformed id ${rawId}`);
    if (this.schema.objectForId(id) !== object) throw notFound();
    const row = this.row(object, id);
    if (!row) throw notFound();
    if (row['IsDeleted'] === 1) throw new ApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    return row;
  }

  public create(objectName: string, input: unknown, ctx: WriteContext): string {
    const object = this.object(objectName);
    if (!object.fields.some((f) => f.createable)) throw wrongOperation('inserted');
    return this.transaction(() => {
      const values = checkRecord(this.schema, object, input, 'create', { auditFields: ctx.auditFields === true });
      checkReferences(this, values);
      return this.insert(object, values, ctx);
    });
  }

  public update(objectName: string, rawId: string, input: unknown, ctx: WriteContext): string {
    const object = this.object(objectName);
    return this.transaction(() => {
      const previous = this.liveRow(object, rawId);
      const id = String(previous['Id']);
      const values = checkRecord(this.schema, object, input, 'update', { id });
      checkReferences(this, values);
      this.write(object, values, previous, ctx);
      return id;
    });
  }

  /** Soft delete: IsDeleted = 1 (queryAll still sees it); children follow their delete constraint. */
  public delete(objectName: string, rawId: string, ctx: WriteContext): string {
    const object = this.object(objectName);
    if (UNDELETABLE.has(object.name)) throw wrongOperation('deleted');
    return this.transaction(() => {
      const row = this.liveRow(object, rawId);
      const id = String(row['Id']);
      removeChildren(this, object, row, ctx, (child, childId) => this.delete(child.name, childId, ctx));
      const now = (ctx.now ?? new Date()).toISOString();
      this.prepare(
        `UPDATE ${quoteIdent(object.name)} SET "IsDeleted" = 1, "LastModifiedDate" = ?, "LastModifiedById" = ?, "SystemModstamp" = ? WHERE "Id" = ?`,
      ).run(now, ctx.userId, now, id);
      return id;
    });
  }

  /** Updates the live record whose external id matches (case-insensitively unless case-sensitive), or creates one. */
  public upsert(
    objectName: string,
    fieldName: string,
    key: string,
    input: unknown,
    ctx: WriteContext,
  ): { id: string; created: boolean } {
    const object = this.object(objectName);
    const field = this.schema.field(object, fieldName);
    if (!field || (!field.externalId && field.name !== 'Id')) {
      throw new ApiError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${fieldName}`,
      );
    }
    if (field.name === 'Id') return { id: this.update(objectName, key, input, ctx), created: false };
    return this.transaction(() => {
      const existing = this.findByExternalId(object, field, key);
      const body = { ...(input as Record<string, unknown>) };
      for (const k of Object.keys(body)) if (k.toLowerCase() === field.name.toLowerCase()) delete body[k];
      if (existing) return { id: this.update(objectName, existing, body, ctx), created: false };
      return { id: this.create(objectName, { ...body, [field.name]: key }, ctx), created: true };
    });
  }

  public findByExternalId(object: ObjectDef, field: FieldDef, key: string, exceptId = ''): string | undefined {
    const collate = field.caseSensitive ? '' : ' COLLATE NOCASE';
    const row = this.prepare(
      `SELECT "Id" FROM ${quoteIdent(object.name)} WHERE ${quoteIdent(field.name)} = ?${collate} AND "IsDeleted" = 0 AND "Id" != ? LIMIT 1`,
    ).get(key, exceptId) as { Id: string } | undefined;
    return row?.Id;
  }

  /** The REST shape of a live record: attributes, then the fields asked for (all by default) and Id. */
  public retrieve(objectName: string, rawId: string, apiVersion: string, fields?: string[]): SObjectRecord {
    const object = this.object(objectName);
    const chosen = fields ? fields.map((name) => fieldOf(this.schema, object, name)) : object.fields;
    const row = this.liveRow(object, rawId);
    return toRecord(object, row, apiVersion, fields ? [...chosen, fieldOf(this.schema, object, 'Id')] : chosen);
  }

  private insert(object: ObjectDef, values: Map<FieldDef, SqlValue>, ctx: WriteContext): string {
    const id = makeId(object.keyPrefix, this.next(`id:${object.name}`));
    const row: Row = { Id: id, OwnerId: ctx.userId };
    for (const f of object.fields) {
      const d = defaultFor(f);
      if (d !== undefined) row[f.name] = d;
      if (f.autoNumber)
        row[f.name] = formatAutoNumber(f, this.next(`auto:${object.name}.${f.name}`, f.autoNumber.startingNumber));
    }
    if (!this.schema.field(object, 'OwnerId')) delete row['OwnerId'];
    this.write(object, values, undefined, ctx, row);
    return id;
  }

  /** Writes `values` over `previous` (an update) or over `base` (a create), with system and derived fields. */
  private write(
    object: ObjectDef,
    values: Map<FieldDef, SqlValue>,
    previous: Row | undefined,
    ctx: WriteContext,
    base: Row = {},
  ): void {
    const now = (ctx.now ?? new Date()).toISOString();
    const next: Row = { ...(previous ?? base) };
    for (const [f, v] of values) next[f.name] = v;
    if (!previous) {
      next['CreatedDate'] ??= now;
      next['CreatedById'] ??= ctx.userId;
      next['LastModifiedDate'] ??= next['CreatedDate'];
      next['LastModifiedById'] ??= next['CreatedById'];
      next['SystemModstamp'] = next['LastModifiedDate'];
      next['IsDeleted'] = 0;
    } else {
      next['LastModifiedDate'] = now;
      next['LastModifiedById'] = ctx.userId;
      next['SystemModstamp'] = now;
    }
    Object.assign(next, derive(object, next, previous, now));
    const names = object.fields.map((f) => f.name).filter((n) => n in next);
    const cols = names.map(quoteIdent).join(', ');
    const sql = previous
      ? `UPDATE ${quoteIdent(object.name)} SET ${names.map((n) => `${quoteIdent(n)} = ?`).join(', ')} WHERE "Id" = ?`
      : `INSERT INTO ${quoteIdent(object.name)} (${cols}) VALUES (${names.map(() => '?').join(', ')})`;
    const params = names.map((n) => next[n] ?? null);
    try {
      if (previous) this.prepare(sql).run(...params, String(previous['Id']));
      else this.prepare(sql).run(...params);
    } catch (e) {
      throw duplicateError(this, object, e, next) ?? e;
    }
  }
}

export function fieldOf(schema: Schema, object: ObjectDef, name: string): FieldDef {
  const f = schema.field(object, name.trim());
  if (!f) {
    throw new ApiError(
      400,
      'INVALID_FIELD',
      `No such column '${name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return f;
}

export function toRecord(object: ObjectDef, row: Row, apiVersion: string, fields: FieldDef[]): SObjectRecord {
  const record: SObjectRecord = {
    attributes: {
      type: object.name,
      url: `/services/data/v${apiVersion}/sobjects/${object.name}/${String(row['Id'])}`,
    },
  };
  for (const f of fields) record[f.name] = decode(f, row[f.name]);
  return record;
}

/** 'ESC-{00000}' and 7 → 'ESC-00007'. */
export function formatAutoNumber(field: FieldDef, n: number): string {
  const format = field.autoNumber?.displayFormat ?? '{0}';
  return format.replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'));
}
