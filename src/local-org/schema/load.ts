/**
 * The local org's schema: the standard objects, plus this project's force-app object metadata (custom
 * objects, and custom fields on standard objects), with key prefixes and child relationships resolved.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownerField, systemFields } from './fields.js';
import { readObjectsDir, type ObjectMetadata } from './metadata.js';
import { standardObjects } from './standard.js';
import { makeSchema, type FieldDef, type ObjectDef, type Schema } from './types.js';

/** The package root (this file is src/local-org/schema/load.ts, built to lib/local-org/schema/load.js). */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const defaultObjectsDir = join(packageRoot, 'force-app', 'main', 'default', 'objects');

export function loadSchema(objectsDir: string = defaultObjectsDir): Schema {
  return buildSchema(readObjectsDir(objectsDir));
}

export function buildSchema(metadata: ObjectMetadata[]): Schema {
  const objects: ObjectDef[] = standardObjects.map((o) => ({
    ...o,
    fields: o.fields.map((f) => ({ ...f })),
    childRelationships: [],
  }));
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  let customIndex = 0;
  for (const meta of metadata) {
    const existing = byName.get(meta.name.toLowerCase());
    if (existing) {
      addFields(existing, meta.fields);
      continue;
    }
    if (!meta.name.endsWith('__c')) throw new Error(`objects/${meta.name}: not a standard object the local org knows`);
    if (!meta.label) throw new Error(`objects/${meta.name}: ${meta.name}.object-meta.xml is missing`);
    const detail = meta.fields.some((f) => f.deleteConstraint === 'Cascade' && !f.nillable);
    const object: ObjectDef = {
      name: meta.name,
      label: meta.label,
      labelPlural: meta.pluralLabel ?? meta.label,
      keyPrefix: `a${(customIndex++).toString(36).toUpperCase().padStart(2, '0')}`,
      custom: true,
      fields: [...systemFields(), meta.nameField ?? { ...nameText(), nillable: false }],
      childRelationships: [],
    };
    if (!detail) object.fields.push(ownerField(['Group', 'User']));
    addFields(object, meta.fields);
    objects.push(object);
    byName.set(object.name.toLowerCase(), object);
  }
  for (const object of objects) {
    for (const f of object.fields) {
      if (f.type !== 'reference' || !f.childRelationshipName) continue;
      for (const target of f.referenceTo ?? []) {
        const parent = byName.get(target.toLowerCase());
        if (!parent)
          throw new Error(`${object.name}.${f.name}: refers to ${target}, which the local org does not have`);
        parent.childRelationships.push({
          childSObject: object.name,
          field: f.name,
          relationshipName: f.childRelationshipName,
        });
      }
    }
  }
  return makeSchema(objects);
}

function nameText(): FieldDef {
  return {
    name: 'Name',
    label: 'Name',
    type: 'string',
    length: 80,
    nillable: true,
    createable: true,
    updateable: true,
  };
}

function addFields(object: ObjectDef, fields: FieldDef[]): void {
  for (const f of fields) {
    if (object.fields.some((g) => g.name.toLowerCase() === f.name.toLowerCase())) {
      throw new Error(`${object.name}.${f.name}: defined twice`);
    }
    object.fields.push(f);
  }
}
