/**
 * sObject Tree (`composite/tree/X`, what `sf data import tree` sends): up to 200 records of one type
 * with nested child records, created in one transaction; any failure rolls all of them back.
 */
import { ApiError } from '../errors.js';
import type { ObjectDef } from '../schema/types.js';
import type { Store, WriteContext } from '../store/store.js';
import { allow, objectBody, ok, resourceNotFound, type Ctx, type Reply } from './context.js';

const MAX_RECORDS = 200;

interface TreeRecord {
  attributes?: { type?: unknown; referenceId?: unknown };
  [field: string]: unknown;
}

type Result =
  { referenceId: string; id: string } | { referenceId: string; errors: ReturnType<ApiError['toSaveError']>[] };

class TreeFailed extends Error {
  public constructor(public readonly result: Result) {
    super('tree failed');
  }
}

export function treeResource(ctx: Ctx): Reply {
  const [, kind, objectName, ...rest] = ctx.segments;
  if (kind !== 'tree' || objectName === undefined || rest.length > 0) throw resourceNotFound();
  allow(ctx, 'POST');
  const { store } = ctx.org;
  const object = store.object(objectName);
  const records = objectBody(ctx)['records'];
  if (!Array.isArray(records)) throw new ApiError(400, 'JSON_PARSER_ERROR', 'records: expected an array of records');
  if (countAll(records) > MAX_RECORDS) {
    throw new ApiError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
    );
  }
  const results: Result[] = [];
  try {
    store.transaction(() => {
      for (const r of records) createTree(store, object, r as TreeRecord, undefined, ctx.write, results);
    });
  } catch (e) {
    if (!(e instanceof TreeFailed)) throw e;
    return { status: 400, body: { hasErrors: true, results: [e.result] } };
  }
  return ok({ hasErrors: false, results }, 201);
}

function countAll(records: unknown[]): number {
  let n = 0;
  for (const r of records) {
    n++;
    if (typeof r !== 'object' || r === null) continue;
    for (const v of Object.values(r)) {
      const nested = (v as { records?: unknown } | null)?.records;
      if (Array.isArray(nested)) n += countAll(nested);
    }
  }
  return n;
}

function createTree(
  store: Store,
  object: ObjectDef,
  record: TreeRecord,
  parent: { field: string; id: string } | undefined,
  write: WriteContext,
  results: Result[],
): void {
  const referenceId = String(record.attributes?.referenceId ?? '');
  const fields: Record<string, unknown> = {};
  const children: Array<[string, unknown[]]> = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'attributes') continue;
    const rel = store.schema.childRelationship(object, key);
    const nested = (value as { records?: unknown } | null)?.records;
    if (rel && Array.isArray(nested)) children.push([key, nested]);
    else fields[key] = value;
  }
  if (parent) fields[parent.field] = parent.id;
  let id: string;
  try {
    id = store.create(object.name, fields, write);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    throw new TreeFailed({ referenceId, errors: [e.toSaveError()] });
  }
  results.push({ referenceId, id });
  for (const [name, nested] of children) {
    const rel = store.schema.childRelationship(object, name)!;
    const child = store.object(rel.childSObject);
    for (const r of nested) createTree(store, child, r as TreeRecord, { field: rel.field, id }, write, results);
  }
}
