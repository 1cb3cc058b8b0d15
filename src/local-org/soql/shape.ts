/**
 * Result rows → records exactly as the REST API returns them: `attributes` first, then the fields in
 * SELECT order, parents as nested records (or null), child subqueries as nested query results (or
 * null), booleans as true/false, numbers as numbers, datetimes as '2026-11-02T09:14:00.000+0000'.
 */
import type { FieldType, Schema } from '../schema/types.js';

export interface SObjectRecord {
  attributes: { type: string; url?: string };
  [field: string]: unknown;
}

export interface ChildResult {
  totalSize: number;
  done: true;
  records: SObjectRecord[];
}

export type Entry =
  | { kind: 'field'; key: string; col: number; type: FieldType }
  /** A parent record; `type` null for a polymorphic lookup, which Salesforce reports as type 'Name'. */
  | { kind: 'parent'; key: string; idCol: number; type: string | null; entries: Entry[] }
  | { kind: 'child'; key: string; child: number };

export interface RecordPlan {
  object: string;
  /** The column holding the record's Id. */
  idCol: number;
  entries: Entry[];
}

export interface ShapeContext {
  schema: Schema;
  apiVersion: string;
}

const STORED_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The REST form of a stored datetime: '2026-11-02T09:14:00.000+0000'. */
export function restDateTime(stored: string): string {
  if (STORED_DATETIME.test(stored)) return stored.slice(0, 23) + '+0000';
  const d = new Date(stored);
  return Number.isNaN(d.getTime()) ? stored : d.toISOString().slice(0, 23) + '+0000';
}

/** A stored value as the REST API returns it for a field of this type. */
export function restValue(v: unknown, type: FieldType): unknown {
  if (v === null || v === undefined) return type === 'boolean' ? false : null;
  switch (type) {
    case 'boolean':
      return v === 1 || v === true || v === '1' || v === 'true';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return typeof v === 'number' ? v : Number(v);
    case 'datetime':
      return restDateTime(String(v));
    default:
      return v;
  }
}

export class Shaper {
  private readonly base: string;

  public constructor(private readonly ctx: ShapeContext) {
    this.base = `/services/data/v${ctx.apiVersion}/sobjects`;
  }

  private fill(
    target: SObjectRecord,
    row: unknown[],
    entries: Entry[],
    child: (index: number) => ChildResult | null,
  ): SObjectRecord {
    for (const e of entries) {
      if (e.kind === 'field') {
        target[e.key] = restValue(row[e.col], e.type);
      } else if (e.kind === 'child') {
        target[e.key] = child(e.child);
      } else {
        const id = row[e.idCol];
        if (id === null || id === undefined) {
          target[e.key] = null;
          continue;
        }
        const urlType = e.type ?? this.ctx.schema.objectForId(String(id))?.name ?? 'Name';
        const parent: SObjectRecord = { attributes: { type: e.type ?? 'Name', url: `${this.base}/${urlType}/${id}` } };
        target[e.key] = this.fill(parent, row, e.entries, child);
      }
    }
    return target;
  }

  /** One record; `child(i)` gives the i-th child subquery's result for it. */
  public record(row: unknown[], plan: RecordPlan, child: (index: number) => ChildResult | null): SObjectRecord {
    const id = row[plan.idCol];
    const rec: SObjectRecord = { attributes: { type: plan.object, url: `${this.base}/${plan.object}/${id}` } };
    return this.fill(rec, row, plan.entries, child);
  }
}
