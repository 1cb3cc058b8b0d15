/**
 * force-app as `sf project deploy start` sees it: loaded with source-deploy-retrieve (the library the sf
 * CLI deploys with), converted to Metadata API format without errors, holding every component the app
 * needs, and nothing that must stay out of a deploy (.forceignore).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { forceApp, kid, kids, parseXml, val } from './metadata.js';

let out: string;
let components: Set<string>;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'force-app-mdapi-'));
  const set = ComponentSet.fromSource(forceApp);
  // A custom object's fields are its children; the Case fields stand alone (Case itself is not in force-app).
  components = new Set(
    set
      .getSourceComponents()
      .toArray()
      .flatMap((c) => [c, ...c.getChildren()])
      .map((c) => `${c.type.name}:${c.fullName}`),
  );
  await new MetadataConverter().convert(set, 'metadata', {
    type: 'directory',
    outputDirectory: out,
    genUniqueDir: false,
  });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (...path: string[]) => parseXml(readFileSync(join(out, ...path), 'utf8'));

const ESCALATION_FIELDS = [
  'Case__c',
  'Account__c',
  'Category__c',
  'Severity__c',
  'Status__c',
  'Flagged__c',
  'Reasons__c',
  'Suggested_Owner__c',
  'Raised_By__c',
  'Acknowledged_By__c',
  'Acknowledged_At__c',
  'Note__c',
  'Escalation_Key__c',
];

describe('force-app converted with source-deploy-retrieve', () => {
  it.each([
    'CustomObject:Escalation__c',
    ...ESCALATION_FIELDS.map((f) => `CustomField:Escalation__c.${f}`),
    'CustomField:Case.Suggested_Owner__c',
    'CustomField:Case.Ownership_Reason__c',
    'CustomField:Case.Ownership_Assessed_At__c',
    'CustomField:Case.First_Response_At__c',
    'LightningComponentBundle:whoOwnsThis',
    'LightningComponentBundle:ownershipRules',
    'LightningComponentBundle:ldsUtils',
    'ReportType:Escalations_with_Case',
    'ReportFolder:Who_Owns_This',
    'Report:Who_Owns_This/Open_Escalations_by_Category_and_Severity',
    'Report:Who_Owns_This/Unacknowledged_Escalations_Over_a_Day',
    'Report:Who_Owns_This/Escalations_by_Account',
    'Report:Who_Owns_This/Routine_Cases_by_Owner',
    'DashboardFolder:Who_Owns_This',
    'Dashboard:Who_Owns_This/Who_Owns_This_Escalations',
    'PermissionSet:Who_Owns_This_Agent',
    'PermissionSet:Who_Owns_This_Manager',
    'Flow:Escalation_Notify_Leadership',
    'Flow:Escalation_Resolve_Frees_Key',
    'CustomNotificationType:Who_Owns_This_Alarm',
    'Group:Sales_Leadership',
    'FlexiPage:Case_Record_Page_Who_Owns_This',
  ])('holds %s', (component) => {
    expect(components.has(component)).toBe(true);
  });

  it('writes a package.xml naming every component', () => {
    const pkg = read('package.xml');
    const members = kids(pkg, 'types').flatMap((t) => kids(t, 'members').map((m) => `${val(t, 'name')}:${m.text}`));
    // A folder is listed under its content's type, with a trailing slash (ReportFolder:X is Report:X/).
    for (const c of components) expect(members).toContain(c.replace(/^(Report|Dashboard)Folder:(.*)$/, '$1:$2/'));
    expect(val(pkg, 'version')).toBe('62.0');
  });

  it('composes Escalation__c with every field and the unique, case-insensitive external-id key', () => {
    const object = read('objects', 'Escalation__c.object');
    const fields = new Map(kids(object, 'fields').map((f) => [val(f, 'fullName'), f]));
    for (const f of ESCALATION_FIELDS) expect(fields.has(f)).toBe(true);
    const key = fields.get('Escalation_Key__c');
    expect(key && [val(key, 'unique'), val(key, 'externalId'), val(key, 'caseSensitive')]).toEqual([
      'true',
      'true',
      'false',
    ]);
    expect(val(object, 'enableReports')).toBe('true');
    expect(val(object, 'enableHistory')).toBe('true');
  });

  it('exposes the panel on the Case record page for desktop and phone', () => {
    const meta = readFileSync(join(out, 'lwc', 'whoOwnsThis', 'whoOwnsThis.js-meta.xml'), 'utf8');
    const bundle = parseXml(meta);
    expect(val(bundle, 'isExposed')).toBe('true');
    expect(kids(kid(bundle, 'targets') ?? bundle, 'target').map((t) => t.text)).toEqual(['lightning__RecordPage']);
    const config = kid(kid(bundle, 'targetConfigs') ?? bundle, 'targetConfig');
    expect(config?.attrs.targets).toBe('lightning__RecordPage');
    expect(kids(kid(config ?? bundle, 'objects') ?? bundle, 'object').map((o) => o.text)).toEqual(['Case']);
    const factors = kids(kid(config ?? bundle, 'supportedFormFactors') ?? bundle, 'supportedFormFactor').map(
      (f) => f.attrs.type,
    );
    expect(factors).toEqual(['Large', 'Small']);
  });

  it('ships the generated library, not exposed, and no tests or Node files', () => {
    expect(existsSync(join(out, 'lwc', 'ownershipRules', 'ownershipRules.js'))).toBe(true);
    expect(readFileSync(join(out, 'lwc', 'ownershipRules', 'ownershipRules.js-meta.xml'), 'utf8')).toContain(
      '<isExposed>false</isExposed>',
    );
    for (const bundle of readdirSync(join(out, 'lwc'))) {
      const files = readdirSync(join(out, 'lwc', bundle), { recursive: true }).map(String);
      expect(files.filter((f) => f.includes('__tests__') || f.endsWith('package.json') || f.endsWith('.ts'))).toEqual(
        [],
      );
    }
    expect(existsSync(join(out, 'lwc', 'package.json'))).toBe(false);
  });

  it('places the panel on the Case record FlexiPage', () => {
    const page = read('flexipages', 'Case_Record_Page_Who_Owns_This.flexipage');
    expect(val(page, 'sobjectType')).toBe('Case');
    expect(val(page, 'type')).toBe('RecordPage');
    const names = kids(page, 'flexiPageRegions').flatMap((r) =>
      kids(r, 'itemInstances').map((i) => val(kid(i, 'componentInstance') ?? i, 'componentName')),
    );
    expect(names).toContain('whoOwnsThis');
  });

  it('converts the notification type for desktop and mobile', () => {
    const type = read('notificationtypes', 'Who_Owns_This_Alarm.notiftype');
    expect([val(type, 'desktop'), val(type, 'mobile')]).toEqual(['true', 'true']);
  });
});
