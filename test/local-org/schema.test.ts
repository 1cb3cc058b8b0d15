/** The schema loader: force-app metadata read into fields as Salesforce describes them, merged with the standard objects. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema } from '../../src/local-org/schema/load.js';
import { parseXml } from '../../src/local-org/schema/xml.js';
import { schema } from './org-helpers.js';

describe('schema', () => {
  it('reads Escalation__c and the Case fields from force-app', () => {
    const esc = schema.object('escalation__c')!;
    expect(esc).toMatchObject({ name: 'Escalation__c', keyPrefix: 'a00', custom: true, label: 'Escalation' });
    const f = (name: string) => schema.field(esc, name)!;
    expect(f('Name')).toMatchObject({ autoNumber: { displayFormat: 'ESC-{00000}' }, createable: false });
    expect(f('Case__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Case'],
      nillable: false,
      deleteConstraint: 'Restrict',
      relationshipName: 'Case__r',
    });
    expect(f('Account__c')).toMatchObject({ nillable: true, deleteConstraint: 'SetNull' });
    expect(f('Category__c')).toMatchObject({ type: 'picklist', restrictedPicklist: true, nillable: false });
    expect(f('Category__c').picklistValues!.map((p) => [p.value, p.label])).toContainEqual([
      'ethics_violation',
      'Ethics violation',
    ]);
    expect(f('Status__c')).toMatchObject({ defaultValue: 'New' });
    expect(f('Flagged__c')).toMatchObject({ type: 'boolean', defaultValue: true });
    expect(f('Reasons__c')).toMatchObject({ type: 'textarea', length: 32768 });
    expect(f('Escalation_Key__c')).toMatchObject({ type: 'string', length: 80, unique: true, externalId: true });
    expect(f('Escalation_Key__c').caseSensitive).toBeFalsy();
    expect(f('Acknowledged_At__c').type).toBe('datetime');
    expect(schema.relationship(esc, 'Raised_By__r')?.referenceTo).toEqual(['User']);
    const kase = schema.object('Case')!;
    for (const name of ['Suggested_Owner__c', 'Ownership_Reason__c', 'Ownership_Assessed_At__c'])
      expect(schema.field(kase, name)).toBeDefined();
    expect(schema.childRelationship(kase, 'Escalations__r')).toEqual({
      childSObject: 'Escalation__c',
      field: 'Case__c',
      relationshipName: 'Escalations__r',
    });
    expect(schema.childRelationship(schema.object('Account')!, 'Cases')?.field).toBe('AccountId');
    expect(schema.childRelationship(schema.object('Account')!, 'Contacts')?.field).toBe('AccountId');
    expect(schema.objectForId('500000000000000')?.name).toBe('Case');
    expect(['001', '003', '005', '00G', '500'].map((p) => schema.objectForId(`${p}000000000000`)?.name)).toEqual([
      'Account',
      'Contact',
      'User',
      'Group',
      'Case',
    ]);
  });

  it('reads entities, CDATA and comments, and names the file of a bad field', () => {
    const el = parseXml(
      '<?xml version="1.0"?><!-- c --><a x="1"><b>&lt;x&gt; &amp; &#65;</b><c><![CDATA[<raw>]]></c><d/></a>',
    );
    expect(el.children.map((c) => [c.name, c.text])).toEqual([
      ['b', '<x> & A'],
      ['c', '<raw>'],
      ['d', ''],
    ]);
    expect(() => parseXml('<a><b></a>')).toThrow(/unexpected <\/a>/);
    const dir = mkdtempSync(join(tmpdir(), 'whoowns-objects-'));
    mkdirSync(join(dir, 'Widget__c', 'fields'), { recursive: true });
    writeFileSync(
      join(dir, 'Widget__c', 'Widget__c.object-meta.xml'),
      '<CustomObject><label>Widget</label><pluralLabel>Widgets</pluralLabel><nameField><label>Widget Name</label><type>Text</type></nameField></CustomObject>',
    );
    writeFileSync(
      join(dir, 'Widget__c', 'fields', 'Size__c.field-meta.xml'),
      '<CustomField><fullName>Size__c</fullName><label>Size</label><type>Number</type><precision>5</precision><scale>1</scale></CustomField>',
    );
    const s = loadSchema(dir);
    expect(schema.objects.length + 1 - s.objects.length).toBe(1);
    expect(s.field(s.object('Widget__c')!, 'Size__c')).toMatchObject({ type: 'double', precision: 5, scale: 1 });
    writeFileSync(
      join(dir, 'Widget__c', 'fields', 'Bad__c.field-meta.xml'),
      '<CustomField><fullName>Bad__c</fullName><type>Hologram</type></CustomField>',
    );
    expect(() => loadSchema(dir)).toThrow(/Bad__c\.field-meta\.xml: field type Hologram/);
  });
});
