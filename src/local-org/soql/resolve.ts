/**
 * Names in a query resolved against the schema: fields, parent relationship paths (as LEFT JOINs)
 * and date functions, each as SQL made only of schema identifiers (quoteIdent) and table aliases
 * the engine numbers itself. Values never appear in SQL: they go through Params as named parameters.
 */
import { invalidField, malformedQuery } from '../errors.js';
import type { FieldDef, FieldType, ObjectDef, Schema } from '../schema/types.js';
import { quoteIdent } from '../store/ddl.js';
import { isAggregate, type Operand, type Path } from './ast.js';
import { dateFunction } from './dates.js';

export type SqlParam = string | number | null;

/** Named parameters (:p0, :p1 …) shared by every statement of one query. */
export class Params {
  public readonly values: Record<string, SqlParam> = {};
  private n = 0;
  public add(value: SqlParam): string {
    const name = `p${this.n++}`;
    this.values[name] = value;
    return `:${name}`;
  }
}

export interface Context {
  schema: Schema;
  params: Params;
  now: Date;
  includeDeleted: boolean;
  apiVersion: string;
  /** A fresh table alias: t0, t1 … unique within the whole statement, sub-selects included. */
  nextAlias(): string;
}

/** A column or expression and its type. */
export interface Typed {
  sql: string;
  type: FieldType;
  /** The field's API name ('Name' for Account.Name), for messages and AggregateResult keys. */
  name: string;
  /** Compared and sorted case-insensitively (text and picklists, as Salesforce does). */
  nocase: boolean;
  field?: FieldDef;
}

export interface Relation {
  /** The lower-cased path from the root: 'case__r.account'. */
  key: string;
  /** The relationship's API name: 'Account', 'Case__r'. */
  name: string;
  /** Several for a polymorphic lookup (Owner: Group or User), whose type Salesforce reports as 'Name'. */
  objects: ObjectDef[];
  aliases: string[];
  polymorphic: boolean;
  idSql: string;
}

export interface Column extends Typed {
  field: FieldDef;
  relation: Relation | null;
}

const TEXT_TYPES = new Set<FieldType>(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist']);
export const isText = (type: FieldType): boolean => TEXT_TYPES.has(type);
export const isNumeric = (type: FieldType): boolean => ['int', 'double', 'currency', 'percent'].includes(type);
/** Long text areas cannot be filtered, sorted or grouped in SOQL. */
export const isLongText = (f: FieldDef | undefined): boolean => f?.type === 'textarea' && (f.length ?? 32000) > 255;

export const noSuchColumn = (name: string, entity: string) =>
  invalidField(
    `No such column '${name}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );

const badRelationship = (name: string) =>
  invalidField(
    `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
  );

/** The tables of one SELECT: the root object and the parents its field paths reach. */
export class Scope {
  public readonly joins: string[] = [];
  private readonly relations = new Map<string, Relation>();

  public constructor(
    public readonly ctx: Context,
    public readonly object: ObjectDef,
    public readonly alias: string,
  ) {}

  public get table(): string {
    return `${quoteIdent(this.object.name)} AS ${this.alias}`;
  }

  public col(name: string): string {
    return `${this.alias}.${quoteIdent(name)}`;
  }

  /** The parent reached by a relationship path, joined on first use. */
  public relation(path: Path): Relation {
    let parent: Relation | null = null;
    for (let i = 0; i < path.length; i++) {
      const key = path
        .slice(0, i + 1)
        .join('.')
        .toLowerCase();
      const known = this.relations.get(key);
      if (known) {
        parent = known;
        continue;
      }
      const seg = path[i]!;
      if (parent?.polymorphic) throw badRelationship(seg);
      const from = parent ? parent.objects[0]! : this.object;
      const fromAlias = parent ? parent.aliases[0]! : this.alias;
      const ref = this.ctx.schema.relationship(from, seg);
      const objects = (ref?.referenceTo ?? []).map((n) => this.ctx.schema.object(n)).filter((o) => o !== undefined);
      if (!ref || objects.length === 0) throw badRelationship(seg);
      const aliases = objects.map((o) => {
        const alias = this.ctx.nextAlias();
        const fk = `${fromAlias}.${quoteIdent(ref.name)}`;
        this.joins.push(`LEFT JOIN ${quoteIdent(o.name)} AS ${alias} ON ${alias}.${quoteIdent('Id')} = ${fk}`);
        return alias;
      });
      const polymorphic = (ref.referenceTo ?? []).length > 1;
      const rel: Relation = {
        key,
        name: ref.relationshipName!,
        objects,
        aliases,
        polymorphic,
        idSql: coalesce(aliases.map((a) => `${a}.${quoteIdent('Id')}`)),
      };
      this.relations.set(key, rel);
      parent = rel;
    }
    return parent!;
  }

  /** A field, on the root object or at the end of a relationship path. */
  public column(path: Path): Column {
    const name = path[path.length - 1]!;
    if (path.length === 1) {
      const field = this.ctx.schema.field(this.object, name);
      if (!field) throw noSuchColumn(name, this.object.name);
      return {
        sql: this.col(field.name),
        type: field.type,
        name: field.name,
        nocase: isText(field.type),
        field,
        relation: null,
      };
    }
    const relation = this.relation(path.slice(0, -1));
    const fields = relation.objects.map((o) => this.ctx.schema.field(o, name));
    const field = fields[0];
    if (!field || fields.some((f) => !f))
      throw noSuchColumn(name, relation.polymorphic ? 'Name' : relation.objects[0]!.name);
    const sql = coalesce(relation.aliases.map((a) => `${a}.${quoteIdent(field.name)}`));
    return { sql, type: field.type, name: field.name, nocase: isText(field.type), field, relation };
  }

  /** A field or a date function of one (CALENDAR_YEAR(CreatedDate), DAY_ONLY(convertTimezone(CreatedDate))). */
  public rowOperand(op: Operand): Typed {
    if (op.kind === 'field') return this.column(op.path);
    if (isAggregate(op.fn)) {
      throw malformedQuery(
        `${op.text}: aggregate functions belong in the SELECT, HAVING or ORDER BY of an aggregate query`,
      );
    }
    if (op.fn === 'CONVERTTIMEZONE') throw malformedQuery('convertTimezone() can only be used inside a date function');
    let arg = op.arg;
    const converted = arg?.kind === 'call' && arg.fn === 'CONVERTTIMEZONE';
    if (converted) arg = (arg as { arg: Operand | null }).arg;
    if (arg?.kind !== 'field') throw malformedQuery(`${op.text}: a date function takes a date or datetime field`);
    const column = this.column(arg.path);
    if (converted && column.type !== 'datetime') {
      throw malformedQuery(`convertTimezone() needs a datetime field; ${column.name} is of type ${column.type}`);
    }
    const result = dateFunction(op.fn, column);
    if (typeof result === 'string') throw malformedQuery(result);
    return { ...result, name: op.text, nocase: false };
  }
}

const coalesce = (parts: string[]) => (parts.length === 1 ? parts[0]! : `COALESCE(${parts.join(', ')})`);
