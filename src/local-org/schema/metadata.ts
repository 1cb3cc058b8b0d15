/**
 * Reads source-format object metadata (force-app/main/default/objects/<Object>/<Object>.object-meta.xml
 * and fields/<Field>.field-meta.xml) into field and object definitions, the way Salesforce would
 * describe them after a deploy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoNumber, checkbox, field, lookup, picklistValues, readOnly, text } from './fields.js';
import type { FieldDef, FieldType } from './types.js';
import { child, childrenNamed, childText, parseXml, type XmlElement } from './xml.js';

export interface ObjectMetadata {
  /** API name, the folder name: 'Escalation__c', 'Case'. */
  name: string;
  /** Present when the folder has an object-meta.xml (always for custom objects). */
  label?: string;
  pluralLabel?: string;
  description?: string;
  /** The Name field of a custom object (Text or AutoNumber). */
  nameField?: FieldDef;
  fields: FieldDef[];
}

/** Every object folder under `objectsDir`, sorted by name; an absent directory reads as none. */
export function readObjectsDir(objectsDir: string): ObjectMetadata[] {
  if (!existsSync(objectsDir)) return [];
  return readdirSync(objectsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readObjectFolder(join(objectsDir, name), name));
}

function readObjectFolder(dir: string, name: string): ObjectMetadata {
  const result: ObjectMetadata = { name, fields: [] };
  const objectFile = join(dir, `${name}.object-meta.xml`);
  if (existsSync(objectFile)) {
    const root = readXml(objectFile, 'CustomObject');
    result.label = childText(root, 'label') ?? name;
    result.pluralLabel = childText(root, 'pluralLabel') ?? result.label;
    result.description = childText(root, 'description');
    const nameField = child(root, 'nameField');
    if (nameField) result.nameField = toNameField(nameField);
  }
  const fieldsDir = join(dir, 'fields');
  if (existsSync(fieldsDir)) {
    for (const file of readdirSync(fieldsDir).sort()) {
      if (!file.endsWith('.field-meta.xml')) continue;
      const path = join(fieldsDir, file);
      try {
        result.fields.push(toField(readXml(path, 'CustomField'), file.slice(0, -'.field-meta.xml'.length)));
      } catch (e) {
        throw new Error(`${path}: ${(e as Error).message}`);
      }
    }
  }
  return result;
}

function readXml(path: string, rootName: string): XmlElement {
  const root = parseXml(readFileSync(path, 'utf8'));
  if (root.name !== rootName) throw new Error(`${path}: expected <${rootName}>, found <${root.name}>`);
  return root;
}

function toNameField(el: XmlElement): FieldDef {
  const label = childText(el, 'label') ?? 'Name';
  if (childText(el, 'type') === 'AutoNumber') {
    const start = Number(childText(el, 'startingNumber') ?? '1');
    return autoNumber('Name', label, childText(el, 'displayFormat') ?? '{0}', start);
  }
  return { ...text('Name', label, 80), nillable: false };
}

const SIMPLE_TYPES: Record<string, [FieldType, number?]> = {
  Text: ['string', 255],
  TextArea: ['textarea', 255],
  LongTextArea: ['textarea', 32768],
  Html: ['textarea', 32768],
  Email: ['email', 80],
  Phone: ['phone', 40],
  Url: ['url', 255],
  Number: ['double'],
  Currency: ['currency'],
  Percent: ['percent'],
  Date: ['date'],
  DateTime: ['datetime'],
};

function toField(el: XmlElement, fileName: string): FieldDef {
  const name = childText(el, 'fullName') ?? fileName;
  const label = childText(el, 'label') ?? name;
  const type = childText(el, 'type');
  const flag = (tag: string) => childText(el, tag) === 'true';
  const common: Partial<FieldDef> = {};
  const description = childText(el, 'description');
  if (description !== undefined) common.description = description;
  let def: FieldDef;
  switch (type) {
    case 'Checkbox':
      def = checkbox(name, label, childText(el, 'defaultValue') === 'true', common);
      break;
    case 'Picklist':
    case 'MultiselectPicklist':
      def = toPicklist(el, name, label, type === 'Picklist' ? 'picklist' : 'multipicklist', common);
      break;
    case 'Lookup':
    case 'MasterDetail': {
      const referenceTo = childrenNamed(el, 'referenceTo').map((r) => r.text.trim());
      const rel = childText(el, 'relationshipName');
      if (referenceTo.length === 0 || !rel) throw new Error('a lookup needs referenceTo and relationshipName');
      const master = type === 'MasterDetail';
      const constraint = master ? 'Cascade' : (childText(el, 'deleteConstraint') ?? 'SetNull');
      if (constraint !== 'SetNull' && constraint !== 'Restrict' && constraint !== 'Cascade') {
        throw new Error(`unknown deleteConstraint ${constraint}`);
      }
      def = lookup(name, label, referenceTo, name.replace(/__c$/, '__r'), `${rel}__r`, {
        ...common,
        deleteConstraint: constraint,
        nillable: !(master || flag('required')),
      });
      break;
    }
    case 'AutoNumber':
      def = autoNumber(
        name,
        label,
        childText(el, 'displayFormat') ?? '{0}',
        Number(childText(el, 'startingNumber') ?? 1),
      );
      break;
    default: {
      const simple = type === undefined ? undefined : SIMPLE_TYPES[type];
      if (!simple) throw new Error(`field type ${type ?? '(none)'} is not supported by the local org`);
      const [fieldType, defaultLength] = simple;
      const length = childText(el, 'length');
      const extra: Partial<FieldDef> = { ...common };
      if (defaultLength !== undefined) extra.length = length ? Number(length) : defaultLength;
      const precision = childText(el, 'precision');
      const scale = childText(el, 'scale');
      if (precision) extra.precision = Number(precision);
      if (scale) extra.scale = Number(scale);
      const dv = literalDefault(childText(el, 'defaultValue'));
      if (dv !== undefined) extra.defaultValue = dv;
      def = field(name, label, fieldType, extra);
    }
  }
  if (flag('required') && def.type !== 'boolean') def.nillable = false;
  if (flag('unique')) def.unique = true;
  if (flag('externalId')) def.externalId = true;
  if (flag('caseSensitive')) def.caseSensitive = true;
  if (childText(el, 'formula') !== undefined) def = { ...readOnly(def), calculated: true, nillable: true };
  return def;
}

function toPicklist(el: XmlElement, name: string, label: string, type: FieldType, common: Partial<FieldDef>) {
  const valueSet = child(el, 'valueSet');
  const definition = valueSet && child(valueSet, 'valueSetDefinition');
  const values = definition ? childrenNamed(definition, 'value') : [];
  const entries = values.map((v): [string, string] => {
    const value = childText(v, 'fullName') ?? '';
    return [value, childText(v, 'label') ?? value];
  });
  const defaultValue = values.find((v) => childText(v, 'default') === 'true');
  const defaultName = defaultValue ? childText(defaultValue, 'fullName') : undefined;
  return field(name, label, type, {
    ...common,
    length: 255,
    picklistValues: picklistValues(entries, defaultName),
    restrictedPicklist: valueSet !== undefined && childText(valueSet, 'restricted') === 'true',
    ...(defaultName !== undefined ? { defaultValue: defaultName } : {}),
  });
}

/** A default-value formula that is a plain literal ('New', "New", 42); others are not evaluated. */
function literalDefault(formula: string | undefined): string | number | undefined {
  if (formula === undefined) return undefined;
  const quoted = /^(['"])(.*)\1$/.exec(formula);
  if (quoted) return quoted[2];
  return /^-?\d+(\.\d+)?$/.test(formula) ? Number(formula) : undefined;
}
