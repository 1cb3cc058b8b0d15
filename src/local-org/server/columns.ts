/**
 * `query?q=…&columns=true`: the column metadata of a query's select list (what `sf data query` reads
 * to lay out its table): fields, parent relationships as nested join columns, child subqueries as
 * aggregate join columns, and aggregate functions as `expr0`, `expr1`… unless aliased.
 */
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, ObjectDef, Schema } from '../schema/types.js';

export interface ColumnMetadata {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: string | null;
  insertable: boolean;
  joinColumns: ColumnMetadata[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

interface SelectField {
  type: string;
  field?: string;
  alias?: string;
  relationships?: string[];
  functionName?: string;
  parameters?: unknown[];
  isAggregateFn?: boolean;
  rawValue?: string;
  subquery?: { fields?: SelectField[]; relationshipName: string };
}

const APEX_TYPES: Record<string, string> = {
  boolean: 'Boolean',
  int: 'Integer',
  double: 'Double',
  currency: 'Decimal',
  percent: 'Decimal',
  date: 'Date',
  datetime: 'Datetime',
};

function column(name: string, field: FieldDef | undefined, extra: Partial<ColumnMetadata> = {}): ColumnMetadata {
  const type = field?.type;
  return {
    aggregate: false,
    apexType: type ? (APEX_TYPES[type] ?? (type === 'id' || type === 'reference' ? 'Id' : 'String')) : null,
    booleanType: type === 'boolean',
    columnName: name,
    custom: name.endsWith('__c') || name.endsWith('__r'),
    displayName: name,
    foreignKeyName: null,
    insertable: field?.createable ?? false,
    joinColumns: [],
    numberType: type === 'int' || type === 'double' || type === 'currency' || type === 'percent',
    textType:
      type !== undefined && !['boolean', 'int', 'double', 'currency', 'percent', 'date', 'datetime'].includes(type),
    updatable: field?.updateable ?? false,
    ...extra,
  };
}

/** The columns of a query the engine has already accepted. */
export function queryColumns(schema: Schema, soql: string): ColumnMetadata[] {
  const query = parseQuery(soql) as unknown as { sObject?: string; fields?: SelectField[] };
  const object = schema.object(query.sObject ?? '');
  const counter = { n: 0 };
  return (query.fields ?? []).map((f) => toColumn(schema, object, f, counter));
}

function toColumn(
  schema: Schema,
  object: ObjectDef | undefined,
  f: SelectField,
  counter: { n: number },
): ColumnMetadata {
  if (f.type === 'FieldSubquery' && f.subquery) {
    const rel = object && schema.childRelationship(object, f.subquery.relationshipName);
    const child = rel && schema.object(rel.childSObject);
    const name = rel?.relationshipName ?? f.subquery.relationshipName;
    const inner = { n: 0 };
    return column(name, undefined, {
      aggregate: true,
      joinColumns: (f.subquery.fields ?? []).map((g) => toColumn(schema, child, g, inner)),
    });
  }
  if (f.type === 'FieldFunctionExpression') {
    const param = typeof f.parameters?.[0] === 'string' ? f.parameters[0] : undefined;
    if (f.isAggregateFn) {
      const name = f.alias ?? `expr${counter.n++}`;
      return column(name, undefined, { aggregate: true, displayName: f.rawValue ?? name, apexType: null });
    }
    const field = object && param ? schema.field(object, param) : undefined;
    const name = f.alias ?? field?.name ?? param ?? f.rawValue ?? '';
    return column(name, field);
  }
  if (f.type === 'FieldRelationship' && f.relationships && f.field) {
    return relationshipColumn(schema, object, f.relationships, f.field);
  }
  const field = object && f.field ? schema.field(object, f.field) : undefined;
  return column(field?.name ?? f.field ?? '', field);
}

function relationshipColumn(
  schema: Schema,
  object: ObjectDef | undefined,
  path: string[],
  leaf: string,
): ColumnMetadata {
  const [first, ...rest] = path;
  const ref = object && first ? schema.relationship(object, first) : undefined;
  const parent = ref?.referenceTo?.length === 1 ? schema.object(ref.referenceTo[0]!) : undefined;
  const name = ref?.relationshipName ?? first ?? '';
  const join =
    rest.length > 0
      ? relationshipColumn(schema, parent, rest, leaf)
      : (() => {
          const field = parent ? schema.field(parent, leaf) : undefined;
          return column(field?.name ?? leaf, field);
        })();
  return column(name, undefined, { foreignKeyName: ref?.name ?? null, joinColumns: [join] });
}
