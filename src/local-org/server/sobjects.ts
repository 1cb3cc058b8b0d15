/**
 * The `sobjects` resources: describe global, basic info and describe, create, retrieve, update,
 * delete, and get / upsert / delete by external id.
 */
import { ApiError } from '../errors.js';
import { allow, noContent, objectBody, ok, resourceNotFound, type Ctx, type Reply } from './context.js';
import { describeBasic, describeGlobal, describeObject } from './describe.js';

const ID_LIKE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function fieldsParam(ctx: Ctx): string[] | undefined {
  const fields = ctx.query.get('fields');
  if (fields === null) return undefined;
  return fields
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

export function sobjectsResource(ctx: Ctx): Reply {
  const [, name, third, fourth, ...rest] = ctx.segments;
  const { store } = ctx.org;
  if (name === undefined) {
    allow(ctx, 'GET');
    return ok(describeGlobal(store.schema, ctx.version));
  }
  const object = store.object(name);
  if (third === undefined) {
    allow(ctx, 'GET', 'POST');
    if (ctx.method === 'GET') return ok({ objectDescribe: describeBasic(object, ctx.version), recentItems: [] });
    const id = store.create(object.name, objectBody(ctx), ctx.write);
    return ok({ id, success: true, errors: [] }, 201);
  }
  if (rest.length > 0) throw resourceNotFound();
  if (third === 'describe' && fourth === undefined) {
    allow(ctx, 'GET');
    return ok(describeObject(store.schema, object, ctx.version));
  }
  if (fourth === undefined) {
    if (!ID_LIKE.test(third)) {
      throw new ApiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${third}`);
    }
    return byId(ctx, object.name, third);
  }
  return byExternalId(ctx, object.name, third, fourth);
}

function byId(ctx: Ctx, objectName: string, id: string): Reply {
  allow(ctx, 'GET', 'PATCH', 'DELETE');
  const { store } = ctx.org;
  if (ctx.method === 'GET') return ok(store.retrieve(objectName, id, ctx.version, fieldsParam(ctx)));
  if (ctx.method === 'PATCH') {
    store.update(objectName, id, objectBody(ctx), ctx.write);
    return noContent();
  }
  store.delete(objectName, id, ctx.write);
  return noContent();
}

function byExternalId(ctx: Ctx, objectName: string, fieldName: string, value: string): Reply {
  allow(ctx, 'GET', 'PATCH', 'DELETE');
  const { store } = ctx.org;
  const object = store.object(objectName);
  const field = store.schema.field(object, fieldName);
  if (!field || (!field.externalId && field.name !== 'Id')) {
    throw new ApiError(
      404,
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${fieldName}`,
    );
  }
  if (ctx.method === 'PATCH') {
    const { id, created } = store.upsert(object.name, field.name, value, objectBody(ctx), ctx.write);
    return ok({ id, success: true, errors: [], created }, created ? 201 : 200);
  }
  const id = field.name === 'Id' ? value : store.findByExternalId(object, field, value);
  if (id === undefined) throw resourceNotFound();
  if (ctx.method === 'GET') return ok(store.retrieve(object.name, id, ctx.version, fieldsParam(ctx)));
  store.delete(object.name, id, ctx.write);
  return noContent();
}
