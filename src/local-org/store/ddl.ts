/**
 * How the schema is laid out in SQLite. One table per object, named by its API name; one column per
 * field, named by its API name. Identifiers only ever come from the schema, never from a request, and
 * are quoted; values always travel as parameters.
 *
 * Values: boolean → INTEGER 0/1; int → INTEGER; double, currency, percent → REAL; date → TEXT
 * 'YYYY-MM-DD'; datetime → TEXT 'YYYY-MM-DDTHH:MM:SS.sssZ' (always UTC with milliseconds, so text
 * order is time order); everything else → TEXT. Every table has IsDeleted (INTEGER 0/1) for queryAll.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { FieldDef, ObjectDef, Schema } from '../schema/types.js';

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function sqlType(field: FieldDef): string {
  switch (field.type) {
    case 'boolean':
    case 'int':
      return 'INTEGER';
    case 'double':
    case 'currency':
    case 'percent':
      return 'REAL';
    default:
      return 'TEXT';
  }
}

export function tableDdl(object: ObjectDef): string[] {
  const table = quoteIdent(object.name);
  const columns = object.fields.map((f) => {
    if (f.name === 'Id') return `${quoteIdent('Id')} TEXT PRIMARY KEY`;
    if (f.name === 'IsDeleted') return `${quoteIdent('IsDeleted')} INTEGER NOT NULL DEFAULT 0`;
    return `${quoteIdent(f.name)} ${sqlType(f)}`;
  });
  const statements = [`CREATE TABLE IF NOT EXISTS ${table} (${columns.join(', ')})`];
  for (const f of object.fields) {
    if (f.name === 'Id') continue;
    const index = quoteIdent(`${object.name}__${f.name}__idx`);
    if (f.unique || f.externalId) {
      // Unique among live records; case-insensitive unless the metadata says otherwise.
      const collate = f.caseSensitive ? '' : ' COLLATE NOCASE';
      const unique = f.unique ? 'UNIQUE ' : '';
      statements.push(
        `CREATE ${unique}INDEX IF NOT EXISTS ${index} ON ${table} (${quoteIdent(f.name)}${collate}) WHERE ${quoteIdent('IsDeleted')} = 0`,
      );
    } else if (f.type === 'reference' || f.name === 'CreatedDate') {
      statements.push(`CREATE INDEX IF NOT EXISTS ${index} ON ${table} (${quoteIdent(f.name)})`);
    }
  }
  return statements;
}

export function createTables(db: DatabaseSync, schema: Schema): void {
  for (const object of schema.objects) for (const sql of tableDdl(object)) db.exec(sql);
}
