/**
 * The Metadata API schema, read from the type definitions source-deploy-retrieve itself depends on
 * (@salesforce/types, generated from the Metadata WSDL), to check force-app XML the way a deploy does:
 * element names, their order (the WSDL's sequences: inherited fields first), enumerations, numbers and
 * booleans, and required elements. No org is reachable here; this is the closest local check.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import type { XmlElement } from './metadata.js';

export interface Prop {
  name: string;
  type: string;
  array: boolean;
  optional: boolean;
}

export interface Schema {
  /** Every complex type with its elements in sequence order, inherited ones first. */
  types: Map<string, Prop[]>;
  enums: Map<string, Set<string>>;
}

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'Date']);
/** Root element names whose type has another name in the WSDL. */
const ROOT_TYPES: Record<string, string> = { ReportFolder: 'Folder', DashboardFolder: 'Folder' };
/**
 * A bundle's js-meta.xml is read by the LWC compiler, not by the WSDL's sequences: every Salesforce sample
 * puts <targets> before <targetConfigs>, against the WSDL's alphabetical order. Its order is not checked.
 */
const ANY_ORDER = new Set(['LightningComponentBundle']);

/** lib/metadata.d.ts beside the package's exported ./metadata, as resolved from source-deploy-retrieve. */
export function typesFile(): string {
  const fromSdr = createRequire(createRequire(import.meta.url).resolve('@salesforce/source-deploy-retrieve'));
  return fromSdr.resolve('@salesforce/types/metadata').replace(/\.js$/, '.d.ts');
}

export function loadSchema(path = typesFile()): Schema {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
  const enums = new Map<string, Set<string>>();
  const own = new Map<string, { bases: string[]; props: Prop[] }>();
  const aliases = new Map<string, string>();
  const propOf = (m: ts.TypeElement): Prop | null => {
    if (!ts.isPropertySignature(m) || !m.type) return null;
    let t = m.type;
    let array = false;
    if (ts.isArrayTypeNode(t)) {
      array = true;
      t = t.elementType;
    }
    const type = ts.isTypeReferenceNode(t)
      ? t.typeName.getText(source)
      : t.kind === ts.SyntaxKind.NumberKeyword
        ? 'number'
        : t.kind === ts.SyntaxKind.BooleanKeyword
          ? 'boolean'
          : 'string';
    return { name: m.name.getText(source), type, array, optional: m.questionToken !== undefined };
  };
  for (const st of source.statements) {
    if (!ts.isTypeAliasDeclaration(st)) continue;
    const name = st.name.text;
    const t = st.type;
    if (ts.isUnionTypeNode(t) && t.types.every((u) => ts.isLiteralTypeNode(u) && ts.isStringLiteral(u.literal))) {
      enums.set(name, new Set(t.types.map((u) => ((u as ts.LiteralTypeNode).literal as ts.StringLiteral).text)));
    } else if (ts.isTypeLiteralNode(t)) {
      own.set(name, { bases: [], props: t.members.map(propOf).filter((p): p is Prop => p !== null) });
    } else if (ts.isIntersectionTypeNode(t)) {
      const bases = t.types.filter(ts.isTypeReferenceNode).map((r) => r.typeName.getText(source));
      const lit = t.types.find(ts.isTypeLiteralNode);
      own.set(name, { bases, props: lit ? lit.members.map(propOf).filter((p): p is Prop => p !== null) : [] });
    } else if (ts.isLiteralTypeNode(t) || t.kind === ts.SyntaxKind.StringKeyword) {
      aliases.set(name, 'string');
    }
  }
  const types = new Map<string, Prop[]>();
  const flatten = (name: string): Prop[] => {
    const done = types.get(name);
    if (done) return done;
    const o = own.get(name);
    if (!o) return [];
    const props = [...o.bases.flatMap(flatten), ...o.props];
    types.set(name, props);
    return props;
  };
  for (const name of own.keys()) flatten(name);
  for (const [name, to] of aliases) if (!types.has(name) && !enums.has(name)) enums.set(name, new Set([`<${to}>`]));
  return { types, enums };
}

/** Problems of one metadata document, each naming the element path. */
export function validate(schema: Schema, doc: XmlElement): string[] {
  const problems: string[] = [];
  const rootType = ROOT_TYPES[doc.name] ?? doc.name;
  if (!schema.types.has(rootType)) return [`${doc.name}: not a metadata type`];
  if (doc.attrs.xmlns !== 'http://soap.sforce.com/2006/04/metadata')
    problems.push(`${doc.name}: xmlns is not the metadata namespace`);
  check(schema, doc, rootType, doc.name, problems);
  return problems;
}

function check(schema: Schema, el: XmlElement, type: string, path: string, problems: string[]): void {
  const props = schema.types.get(type);
  if (!props) {
    const text = el.text.trim();
    if (el.children.length > 0) {
      // An element the WSDL types as a string but that holds XML (a bundle's targetConfigs): opaque.
      if (type === 'string') return;
      problems.push(`${path}: ${type} holds no elements`);
      return;
    }
    const values = schema.enums.get(type);
    if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(text)) problems.push(`${path}: "${text}" is not a number`);
    else if (type === 'boolean' && text !== 'true' && text !== 'false')
      problems.push(`${path}: "${text}" is not true or false`);
    else if (values && !values.has('<string>') && !values.has(text))
      problems.push(`${path}: "${text}" is not a ${type}`);
    else if (!PRIMITIVES.has(type) && !values) problems.push(`${path}: unknown type ${type}`);
    return;
  }
  if (el.text.trim() !== '') problems.push(`${path}: text in a ${type}`);
  let last = -1;
  const seen = new Map<string, number>();
  for (const child of el.children) {
    const at = props.findIndex((p) => p.name === child.name);
    const here = `${path}.${child.name}`;
    if (at < 0) {
      problems.push(`${here}: not an element of ${type}`);
      continue;
    }
    if (at < last && !ANY_ORDER.has(type))
      problems.push(`${here}: out of order in ${type} (after ${props[last]?.name})`);
    last = Math.max(last, at);
    const prop = props[at] as Prop;
    seen.set(prop.name, (seen.get(prop.name) ?? 0) + 1);
    if (!prop.array && (seen.get(prop.name) ?? 0) > 1)
      problems.push(`${here}: repeated, but ${type}.${prop.name} is one value`);
    check(schema, child, prop.type, here, problems);
  }
  for (const p of props)
    if (!p.optional && !p.array && !seen.has(p.name)) problems.push(`${path}: ${type} requires ${p.name}`);
}
