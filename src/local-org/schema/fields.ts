/**
 * Builders for field definitions, shared by the standard objects and the force-app metadata loader, so
 * both describe a field the same way (nillable, createable, updateable, defaults).
 */
import type { FieldDef, FieldType, PicklistValue } from './types.js';

type Extra = Partial<FieldDef>;

/** A plain writable field: optional, createable and updateable unless the extra says otherwise. */
export function field(name: string, label: string, type: FieldType, extra: Extra = {}): FieldDef {
  return { name, label, type, nillable: true, createable: true, updateable: true, ...extra };
}

export const text = (name: string, label: string, length = 255, extra: Extra = {}): FieldDef =>
  field(name, label, 'string', { length, ...extra });

export const textArea = (name: string, label: string, length = 32000, extra: Extra = {}): FieldDef =>
  field(name, label, 'textarea', { length, ...extra });

export const required = (def: FieldDef): FieldDef => ({ ...def, nillable: false });

export const checkbox = (name: string, label: string, defaultValue = false, extra: Extra = {}): FieldDef =>
  field(name, label, 'boolean', { nillable: false, defaultValue, ...extra });

export function picklistValues(values: Array<string | [string, string]>, defaultValue?: string): PicklistValue[] {
  return values.map((v) => {
    const [value, label] = typeof v === 'string' ? [v, v] : v;
    return { value, label, active: true, defaultValue: value === defaultValue };
  });
}

export function picklist(
  name: string,
  label: string,
  values: Array<string | [string, string]>,
  extra: Extra & { defaultValue?: string } = {},
): FieldDef {
  const defaultValue = extra.defaultValue;
  return field(name, label, 'picklist', {
    length: 255,
    picklistValues: picklistValues(values, defaultValue),
    restrictedPicklist: false,
    ...extra,
  });
}

/**
 * A lookup. `relationshipName` is the parent's name in SOQL from this object ('Account', 'Case__r');
 * `childRelationshipName` the children's name from the parent ('Cases', 'Escalations__r').
 */
export function lookup(
  name: string,
  label: string,
  referenceTo: string[],
  relationshipName: string,
  childRelationshipName?: string,
  extra: Extra = {},
): FieldDef {
  return field(name, label, 'reference', {
    length: 18,
    referenceTo,
    relationshipName,
    ...(childRelationshipName ? { childRelationshipName } : {}),
    deleteConstraint: 'SetNull',
    ...extra,
  });
}

/** Read-only: neither createable nor updateable through the API. */
export const readOnly = (def: FieldDef): FieldDef => ({ ...def, createable: false, updateable: false });

export function autoNumber(name: string, label: string, displayFormat: string, startingNumber: number): FieldDef {
  return readOnly(
    field(name, label, 'string', { length: 30, nillable: false, autoNumber: { displayFormat, startingNumber } }),
  );
}

/** Id, IsDeleted and the audit fields every object has, filled by the store. */
export function systemFields(): FieldDef[] {
  const sys = (def: FieldDef): FieldDef => ({ ...readOnly(def), system: true, nillable: false });
  return [
    sys(field('Id', 'Record ID', 'id', { length: 18 })),
    sys(checkbox('IsDeleted', 'Deleted')),
    sys(field('CreatedDate', 'Created Date', 'datetime')),
    sys(lookup('CreatedById', 'Created By ID', ['User'], 'CreatedBy')),
    sys(field('LastModifiedDate', 'Last Modified Date', 'datetime')),
    sys(lookup('LastModifiedById', 'Last Modified By ID', ['User'], 'LastModifiedBy')),
    sys(field('SystemModstamp', 'System Modstamp', 'datetime')),
  ];
}

/** OwnerId: a user or a queue, defaulting to the user who creates the record. */
export function ownerField(referenceTo: string[] = ['Group', 'User']): FieldDef {
  return lookup('OwnerId', 'Owner ID', referenceTo, 'Owner', undefined, { nillable: false });
}
