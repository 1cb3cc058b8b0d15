/**
 * The local org's schema: what describe returns and what the store and SOQL engine enforce.
 * Built from the standard objects the product needs plus this project's force-app object metadata.
 * Names keep their API spelling; look-ups are case-insensitive, as in Salesforce.
 */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'reference';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldDef {
  /** API name: 'Subject', 'Case__c'. Also the SQLite column name. */
  name: string;
  label: string;
  type: FieldType;
  /** Maximum characters for text types. */
  length?: number;
  precision?: number;
  scale?: number;
  /** false: a value is required on create (REQUIRED_FIELD_MISSING). */
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  /** Filled by the server (Id, CreatedDate, CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp, IsDeleted). */
  system?: boolean;
  unique?: boolean;
  caseSensitive?: boolean;
  externalId?: boolean;
  defaultValue?: string | number | boolean | null;
  picklistValues?: PicklistValue[];
  restrictedPicklist?: boolean;
  /** For references: the objects it may point at, and the relationship name used in SOQL ('Account', 'Case__r'). */
  referenceTo?: string[];
  relationshipName?: string;
  /** For references: the name of the child relationship on the parent ('Cases', 'Escalations__r'). */
  childRelationshipName?: string;
  /** For references: what deleting the parent does (Salesforce's deleteConstraint; SetNull by default). */
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  /** Filled by the store on create from a counter: 'ESC-{00000}', '{00000000}' starting at 1000. */
  autoNumber?: { displayFormat: string; startingNumber: number };
  /** Derived by the store from other fields (Contact.Name, Case.IsClosed); never written by a request. */
  calculated?: boolean;
  description?: string;
}

export interface ChildRelationship {
  /** e.g. { childSObject: 'Case', field: 'AccountId', relationshipName: 'Cases' } */
  childSObject: string;
  field: string;
  relationshipName: string;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  /** Three-character id prefix: Account 001, Contact 003, User 005, Group 00G, Case 500, custom a0… */
  keyPrefix: string;
  custom: boolean;
  fields: FieldDef[];
  childRelationships: ChildRelationship[];
}

export interface Schema {
  objects: ObjectDef[];
  /** Case-insensitive look-up by API name. */
  object(name: string): ObjectDef | undefined;
  /** Case-insensitive look-up of a field of an object. */
  field(object: ObjectDef, name: string): FieldDef | undefined;
  /** The object a reference field's relationship name points at, e.g. (Case, 'Account') → Account's AccountId field. */
  relationship(object: ObjectDef, relationshipName: string): FieldDef | undefined;
  /** The child relationship used in a subquery, e.g. (Account, 'Cases'). */
  childRelationship(object: ObjectDef, relationshipName: string): ChildRelationship | undefined;
  /** The object an id belongs to, by its key prefix. */
  objectForId(id: string): ObjectDef | undefined;
}

/** Builds the case-insensitive look-ups over a list of objects. */
export function makeSchema(objects: ObjectDef[]): Schema {
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  const byPrefix = new Map(objects.map((o) => [o.keyPrefix, o]));
  const fieldMaps = new Map<ObjectDef, Map<string, FieldDef>>();
  const relMaps = new Map<ObjectDef, Map<string, FieldDef>>();
  for (const o of objects) {
    fieldMaps.set(o, new Map(o.fields.map((f) => [f.name.toLowerCase(), f])));
    relMaps.set(
      o,
      new Map(
        o.fields
          .filter((f) => f.type === 'reference' && f.relationshipName)
          .map((f) => [f.relationshipName!.toLowerCase(), f]),
      ),
    );
  }
  return {
    objects,
    object: (name) => byName.get(name.toLowerCase()),
    field: (object, name) => fieldMaps.get(object)?.get(name.toLowerCase()),
    relationship: (object, rel) => relMaps.get(object)?.get(rel.toLowerCase()),
    childRelationship: (object, rel) =>
      object.childRelationships.find((c) => c.relationshipName.toLowerCase() === rel.toLowerCase()),
    objectForId: (id) => byPrefix.get(id.slice(0, 3)),
  };
}
