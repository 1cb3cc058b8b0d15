/**
 * Describe payloads in the REST API's shape: describe global (`sobjects`), an object's basic info
 * (`sobjects/X`) and its full describe (`sobjects/X/describe`), with every property jsforce and the
 * sf CLI read.
 */
import type { FieldDef, ObjectDef, Schema } from '../schema/types.js';
import { defaultedOnCreate } from '../store/validate.js';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

const LONG_TEXT = 255;

function objectUrls(object: ObjectDef, version: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  return {
    compactLayouts: `${base}/describe/compactLayouts`,
    rowTemplate: `${base}/{ID}`,
    approvalLayouts: `${base}/describe/approvalLayouts`,
    defaultValues: `${base}/defaultValues?recordTypeId&fields`,
    listviews: `${base}/listviews`,
    describe: `${base}/describe`,
    quickActions: `${base}/quickActions`,
    layouts: `${base}/describe/layouts`,
    sobject: base,
  };
}

/** The entry of an object in describe global, also `objectDescribe` of `sobjects/X`. */
export function describeBasic(object: ObjectDef, version: string): Record<string, unknown> {
  const writable = object.fields.some((f) => f.createable);
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: writable,
    custom: object.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: writable && object.name !== 'User',
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: true,
    mergeable: ['Account', 'Contact', 'Case'].includes(object.name),
    mruEnabled: true,
    name: object.name,
    queryable: true,
    replicateable: true,
    retrieveable: true,
    searchable: true,
    triggerable: true,
    undeletable: writable && object.name !== 'User',
    updateable: object.fields.some((f) => f.updateable),
    urls: objectUrls(object, version),
  };
}

export function describeGlobal(schema: Schema, version: string): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: [...schema.objects].sort((a, b) => a.name.localeCompare(b.name)).map((o) => describeBasic(o, version)),
  };
}

function describeField(object: ObjectDef, f: FieldDef): Record<string, unknown> {
  const text = ['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'id', 'reference'];
  const length = text.includes(f.type) ? (f.length ?? 255) : 0;
  const longText = f.type === 'textarea' && length > LONG_TEXT;
  const isName = f.name === 'Name' || (object.name === 'Case' && f.name === 'CaseNumber');
  const numeric = ['double', 'currency', 'percent'].includes(f.type);
  return {
    aggregatable: !longText,
    aiPredictionField: false,
    autoNumber: f.autoNumber !== undefined,
    byteLength: length * 3,
    calculated: f.calculated === true,
    calculatedFormula: null,
    cascadeDelete: f.deleteConstraint === 'Cascade',
    caseSensitive: f.caseSensitive === true,
    compoundFieldName: null,
    controllerName: null,
    createable: f.createable,
    custom: f.name.endsWith('__c'),
    // A picklist's default is on its value (picklistValues[].defaultValue), as describe reports it.
    defaultValue: f.type === 'boolean' ? f.defaultValue === true : f.picklistValues ? null : (f.defaultValue ?? null),
    defaultValueFormula: null,
    defaultedOnCreate: defaultedOnCreate(f),
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === 'int' ? (f.precision ?? 9) : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: f.externalId === true,
    extraTypeInfo: longText ? 'plaintextarea' : null,
    filterable: !longText,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: !longText && !numeric && f.type !== 'datetime',
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup:
      f.name === 'Id' || f.externalId === true || f.autoNumber !== undefined || (f.unique === true && !longText),
    inlineHelpText: null,
    label: f.label,
    length,
    mask: null,
    maskType: null,
    name: f.name,
    nameField: isName,
    namePointing: f.name === 'OwnerId' || (f.referenceTo?.length ?? 0) > 1,
    nillable: f.nillable && f.type !== 'boolean',
    permissionable: f.nillable && !f.system,
    picklistValues: (f.picklistValues ?? []).map((p) => ({
      active: p.active,
      defaultValue: p.defaultValue,
      label: p.label,
      validFor: null,
      value: p.value,
    })),
    polymorphicForeignKey: (f.referenceTo?.length ?? 0) > 1,
    precision: numeric ? (f.precision ?? 18) : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: f.referenceTo ?? [],
    relationshipName: f.relationshipName ?? null,
    relationshipOrder: null,
    restrictedDelete: f.deleteConstraint === 'Restrict',
    restrictedPicklist: f.restrictedPicklist === true,
    scale: numeric ? (f.scale ?? 2) : 0,
    searchPrefilterable: false,
    soapType: SOAP_TYPES[f.type] ?? 'xsd:string',
    sortable: !longText,
    type: f.type,
    unique: f.unique === true,
    updateable: f.updateable,
    writeRequiresMasterRead: false,
  };
}

export function describeObject(schema: Schema, object: ObjectDef, version: string): Record<string, unknown> {
  const childRelationships = object.childRelationships.map((c) => {
    const child = schema.object(c.childSObject);
    const field = child && schema.field(child, c.field);
    return {
      cascadeDelete: field?.deleteConstraint === 'Cascade',
      childSObject: c.childSObject,
      deprecatedAndHidden: false,
      field: c.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: c.relationshipName,
      restrictedDelete: field?.deleteConstraint === 'Restrict',
    };
  });
  return {
    actionOverrides: [],
    ...describeBasic(object, version),
    childRelationships,
    compactLayoutable: true,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: object.fields.map((f) => describeField(object, f)),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
        urls: { layout: `/services/data/v${version}/sobjects/${object.name}/describe/layouts/012000000000000AAA` },
      },
    ],
    searchLayoutable: true,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [{ label: 'All', name: 'everything' }],
  };
}
