/**
 * Fields Salesforce derives from others on every write: the full Name of a Contact or User, and a
 * Case's IsClosed and ClosedDate from its Status.
 */
import { CLOSED_CASE_STATUSES } from '../schema/standard.js';
import type { ObjectDef } from '../schema/types.js';
import type { SqlValue } from './values.js';

export type Row = Record<string, SqlValue>;

/** The derived values for `next` (the record as it will be), given `previous` (undefined on create). */
export function derive(object: ObjectDef, next: Row, previous: Row | undefined, now: string): Row {
  switch (object.name) {
    case 'Contact':
    case 'User':
      return { Name: [next['FirstName'], next['LastName']].filter((v) => v !== null && v !== undefined).join(' ') };
    case 'Case': {
      const closed = CLOSED_CASE_STATUSES.has(String(next['Status'] ?? ''));
      const wasClosed = previous !== undefined && previous['IsClosed'] === 1;
      if (!closed) return { IsClosed: 0, ClosedDate: null };
      // Keep the first closing time while the case stays closed; an import may give its own.
      const closedDate = wasClosed ? (previous['ClosedDate'] ?? now) : (next['ClosedDate'] ?? now);
      return { IsClosed: 1, ClosedDate: closedDate };
    }
    default:
      return {};
  }
}
