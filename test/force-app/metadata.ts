/**
 * Reading force-app for the metadata tests: a small XML reader (metadata XML has no CDATA, DTDs or
 * mixed content), the custom fields as data, and file listing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { root } from '../helpers/cli.js';

export const forceApp = join(root, 'force-app');
export const metadataDir = join(forceApp, 'main', 'default');
export const lwcDir = join(metadataDir, 'lwc');

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? m),
  );

/** Parses one XML document into its root element; throws on malformed input, naming the offset. */
export function parseXml(source: string): XmlElement {
  const top: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [top];
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/y;
  let at = 0;
  while (at < source.length) {
    token.lastIndex = at;
    const m = token.exec(source);
    if (!m) throw new Error(`malformed XML at offset ${at}: ${JSON.stringify(source.slice(at, at + 40))}`);
    at = token.lastIndex;
    const [whole, close, open, attrText, selfClose, text] = m;
    const current = stack[stack.length - 1] as XmlElement;
    if (close) {
      if (current.name !== close) throw new Error(`</${close}> closes <${current.name}> at offset ${m.index}`);
      stack.pop();
    } else if (open) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
        attrs[a[1] as string] = decode(a[2] as string);
      const el: XmlElement = { name: open, attrs, children: [], text: '' };
      current.children.push(el);
      if (!selfClose) stack.push(el);
    } else if (text !== undefined) {
      if (text.trim() !== '' && current === top) throw new Error(`text outside the root element at offset ${m.index}`);
      current.text += decode(text);
    } else if (whole.startsWith('<!--') || whole.startsWith('<?')) {
      // comments and the XML declaration carry no data
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]?.name}> is never closed`);
  const [rootEl, ...rest] = top.children;
  if (!rootEl || rest.length > 0) throw new Error('an XML document has exactly one root element');
  for (const el of walk(rootEl)) if (el.children.length > 0) el.text = el.text.trim() === '' ? '' : el.text;
  return rootEl;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

export const readXml = (path: string) => parseXml(readFileSync(path, 'utf8'));
export const kids = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
export const kid = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
export const val = (el: XmlElement, name: string) => kid(el, name)?.text.trim();

/** Every file under `dir` whose name ends with `suffix`, skipping __tests__. */
export function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__tests__' && name !== 'node_modules') out.push(...filesUnder(path, suffix));
    } else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

export interface Field {
  object: string;
  name: string;
  type: string;
  required: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  length: number | null;
  referenceTo: string | null;
  relationshipName: string | null;
  /** Picklist value API names and their labels. */
  values: Map<string, string>;
}

/** The custom fields of force-app, by `Object.Field__c`. */
export function customFields(): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const path of filesUnder(join(metadataDir, 'objects'), '.field-meta.xml')) {
    const object = basename(join(path, '..', '..'));
    const x = readXml(path);
    const name = val(x, 'fullName') ?? basename(path, '.field-meta.xml');
    const values = new Map<string, string>();
    const set = kid(x, 'valueSet');
    const def = set && kid(set, 'valueSetDefinition');
    for (const v of def ? kids(def, 'value') : []) values.set(val(v, 'fullName') as string, val(v, 'label') as string);
    out.set(`${object}.${name}`, {
      object,
      name,
      type: val(x, 'type') as string,
      required: val(x, 'required') === 'true',
      unique: val(x, 'unique') === 'true',
      externalId: val(x, 'externalId') === 'true',
      caseSensitive: val(x, 'caseSensitive') === 'true',
      length: val(x, 'length') ? Number(val(x, 'length')) : null,
      referenceTo: val(x, 'referenceTo') ?? null,
      relationshipName: val(x, 'relationshipName') ?? null,
      values,
    });
  }
  return out;
}

/** Standard fields the app reads or reports on, with their types (standard objects' own metadata is not in force-app). */
export const STANDARD_FIELDS: Record<string, Record<string, string>> = {
  Case: {
    Id: 'Id',
    CaseNumber: 'AutoNumber',
    Subject: 'Text',
    Description: 'LongTextArea',
    Type: 'Picklist',
    Reason: 'Picklist',
    Priority: 'Picklist',
    Origin: 'Picklist',
    Status: 'Picklist',
    CreatedDate: 'DateTime',
    AccountId: 'Lookup',
    IsEscalated: 'Checkbox',
    OwnerId: 'Lookup',
  },
  Account: { Id: 'Id', Name: 'Text', Type: 'Picklist' },
  User: { Id: 'Id', Name: 'Text' },
  Escalation__c: {
    Id: 'Id',
    Name: 'AutoNumber',
    CreatedDate: 'DateTime',
    CreatedBy: 'Lookup',
    LastModifiedDate: 'DateTime',
  },
};

/** The type of `Object.Field` (custom or standard), or undefined when force-app does not define it. */
export function fieldType(fields: Map<string, Field>, object: string, field: string): string | undefined {
  return fields.get(`${object}.${field}`)?.type ?? STANDARD_FIELDS[object]?.[field];
}
