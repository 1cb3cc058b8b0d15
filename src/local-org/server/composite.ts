/**
 * sObject Collections (`composite/sobjects`): create, update, upsert and delete up to 200 records in
 * one transaction, each record in its own savepoint. With allOrNone a failure rolls everything back
 * and the records that had succeeded report ALL_OR_NONE_OPERATION_ROLLED_BACK. Retrieve by ids too.
 */
import { ApiError } from '../errors.js';
import type { Store } from '../store/store.js';
import { allow, objectBody, ok, resourceNotFound, type Ctx, type Reply } from './context.js';
import { fieldsParam } from './sobjects.js';

const MAX_RECORDS = 200;

interface SaveResult {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

class RollBack extends Error {}

/** Runs `op` per item in one transaction; a failing item is undone alone, or all of them with allOrNone. */
export function runCollection<T>(
  store: Store,
  items: T[],
  allOrNone: boolean,
  op: (item: T) => { id: string; created?: boolean },
  idOf: (item: T) => string | undefined = () => undefined,
): SaveResult[] {
  if (items.length > MAX_RECORDS) {
    throw new ApiError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
    );
  }
  const results: SaveResult[] = [];
  let failed = false;
  try {
    store.transaction(() => {
      for (const item of items) {
        try {
          const { id, created } = store.transaction(() => op(item));
          results.push({ id, success: true, errors: [], ...(created === undefined ? {} : { created }) });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          failed = true;
          const id = idOf(item);
          results.push({ ...(id ? { id } : {}), success: false, errors: [e.toSaveError()] });
        }
      }
      if (allOrNone && failed) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  if (!(allOrNone && failed)) return results;
  return results.map((r, i) => {
    if (!r.success) return r;
    const id = idOf(items[i]!);
    return { ...(id ? { id } : {}), success: false, errors: [ROLLED_BACK] };
  });
}

function typeOf(store: Store, record: Record<string, unknown>): string {
  const attributes = record['attributes'] as { type?: unknown } | undefined;
  const type = attributes?.type;
  if (typeof type !== 'string' || type === '') {
    throw new ApiError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
  }
  if (!store.schema.object(type)) throw new ApiError(400, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
  return type;
}

function recordsOf(ctx: Ctx): { allOrNone: boolean; records: Array<Record<string, unknown>> } {
  const body = objectBody(ctx);
  const records = body['records'];
  if (!Array.isArray(records)) throw new ApiError(400, 'JSON_PARSER_ERROR', 'records: expected an array of records');
  return {
    allOrNone: body['allOrNone'] === true,
    records: records.map((r) => {
      if (typeof r !== 'object' || r === null || Array.isArray(r)) {
        throw new ApiError(400, 'JSON_PARSER_ERROR', 'records: each record must be a JSON object');
      }
      return r as Record<string, unknown>;
    }),
  };
}

/** composite/sobjects, composite/sobjects/X and composite/sobjects/X/ExternalIdField. */
export function collectionsResource(ctx: Ctx): Reply {
  const [, kind, objectName, externalIdField, ...rest] = ctx.segments;
  if (kind !== 'sobjects' || rest.length > 0) throw resourceNotFound();
  const { store } = ctx.org;
  const w = ctx.write;
  if (objectName === undefined) {
    allow(ctx, 'POST', 'PATCH', 'DELETE');
    if (ctx.method === 'DELETE') {
      const ids = (ctx.query.get('ids') ?? '').split(',').filter((id) => id !== '');
      const allOrNone = ctx.query.get('allOrNone') === 'true';
      return ok(
        runCollection(
          store,
          ids,
          allOrNone,
          (id) => ({ id: deleteAny(store, id, w) }),
          (id) => id,
        ),
      );
    }
    const { allOrNone, records } = recordsOf(ctx);
    if (ctx.method === 'POST') {
      return ok(runCollection(store, records, allOrNone, (r) => ({ id: createTyped(store, r, w) })));
    }
    // Field names are case-insensitive: jsforce sends `id`.
    const idOf = (r: Record<string, unknown>) => {
      const value = r[Object.keys(r).find((k) => k.toLowerCase() === 'id') ?? 'Id'];
      return typeof value === 'string' ? value : undefined;
    };
    return ok(
      runCollection(
        store,
        records,
        allOrNone,
        (r) => {
          const id = idOf(r);
          if (id === undefined) throw new ApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call');
          return { id: store.update(typeOf(store, r), id, withoutAttributes(r), w) };
        },
        idOf,
      ),
    );
  }
  const object = store.object(objectName);
  if (externalIdField !== undefined) {
    allow(ctx, 'PATCH');
    const { allOrNone, records } = recordsOf(ctx);
    return ok(
      runCollection(store, records, allOrNone, (r) => {
        const key =
          r[externalIdField] ?? r[Object.keys(r).find((k) => k.toLowerCase() === externalIdField.toLowerCase()) ?? ''];
        if (key === undefined || key === null) {
          throw new ApiError(400, 'INVALID_FIELD', `The value of the external ID field ${externalIdField} is missing`);
        }
        return store.upsert(object.name, externalIdField, String(key), withoutAttributes(r), w);
      }),
    );
  }
  allow(ctx, 'GET', 'POST');
  const body = ctx.method === 'POST' ? objectBody(ctx) : {};
  const ids = ctx.method === 'POST' ? body['ids'] : ctx.query.get('ids')?.split(',');
  const fields = ctx.method === 'POST' ? body['fields'] : fieldsParam(ctx);
  if (!Array.isArray(ids) || !Array.isArray(fields) || fields.length === 0) {
    throw new ApiError(400, 'INVALID_INPUT', 'ids and fields are required');
  }
  if (ids.length > 2000)
    throw new ApiError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot retrieve more than 2000 records');
  return ok(
    ids.map((id) => {
      try {
        return store.retrieve(object.name, String(id), ctx.version, fields.map(String));
      } catch (e) {
        if (e instanceof ApiError && (e.errorCode === 'NOT_FOUND' || e.errorCode === 'ENTITY_IS_DELETED')) return null;
        throw e;
      }
    }),
  );
}

function withoutAttributes(record: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...record };
  delete rest['attributes'];
  return rest;
}

function createTyped(store: Store, record: Record<string, unknown>, w: Ctx['write']): string {
  return store.create(typeOf(store, record), withoutAttributes(record), w);
}

function deleteAny(store: Store, id: string, w: Ctx['write']): string {
  const object = store.schema.objectForId(id);
  if (!object) throw new ApiError(400, 'MALFORMED_ID', `malformed id ${id}`);
  return store.delete(object.name, id, w);
}
