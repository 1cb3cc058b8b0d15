/**
 * Every name force-app uses resolves: the fields the panel reads and writes, the report type, reports and
 * dashboard, the flows and the permission sets all name fields that exist in the object metadata, with a
 * type that fits how they are used; every custom field has a deliberate permission in each permission set.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ESCALATION_CATEGORIES, LADDER, SEVERITY_LABELS } from '../../src/rules/index.js';
import {
  customFields,
  type Field,
  fieldType,
  filesUnder,
  kid,
  kids,
  lwcDir,
  metadataDir,
  readXml,
  val,
  walk,
} from './metadata.js';

const fields = customFields();
const field = (key: string) => fields.get(key) as Field;
const at = (...p: string[]) => join(metadataDir, ...p);
const lwcSources = filesUnder(lwcDir, '.js').filter((f) => !f.includes(`${join('lwc', 'ownershipRules')}`));
const source = (bundle: string) => readFileSync(join(lwcDir, bundle, `${bundle}.js`), 'utf8');

const STANDARD_RELATIONSHIPS: Record<string, string> = {
  'Case.Account': 'Account',
  'Case.Owner': 'User',
  'Escalation__c.CreatedBy': 'User',
};

/** The object a lookup or standard relationship leads to. */
function target(object: string, relationship: string): string | undefined {
  const custom = fields.get(`${object}.${relationship.replace(/__r$/, '__c')}`);
  if (custom)
    return custom.type === 'Lookup' || custom.type === 'MasterDetail' ? (custom.referenceTo ?? undefined) : undefined;
  return STANDARD_RELATIONSHIPS[`${object}.${relationship}`];
}

/** The type at the end of a field path (`Case__c.CaseNumber`, `Account.Name`), or undefined. */
function pathType(object: string, path: string): string | undefined {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return fieldType(fields, object, head as string);
  const next = target(object, head as string);
  return next ? pathType(next, rest.join('.')) : undefined;
}

const DATE_TYPES = new Set(['Date', 'DateTime']);
const NOT_GROUPABLE = new Set(['LongTextArea', 'TextArea', 'Html']);
const REQUIRED = [...fields.values()].filter((f) => f.required).map((f) => `${f.object}.${f.name}`);

// What the escalate button writes, and the type each needs (the LWC's createRecord).
const WRITES: Record<string, (f: Field) => boolean> = {
  Case__c: (f) => f.type === 'Lookup' && f.referenceTo === 'Case' && f.required,
  Account__c: (f) => f.type === 'Lookup' && f.referenceTo === 'Account',
  Category__c: (f) =>
    f.type === 'Picklist' &&
    ESCALATION_CATEGORIES.every((c) => f.values.has(c)) &&
    f.values.size === ESCALATION_CATEGORIES.length,
  Severity__c: (f) =>
    f.type === 'Picklist' &&
    Object.entries(SEVERITY_LABELS).every(([v, label]) => f.values.get(v) === label) &&
    f.values.size === 3,
  Reasons__c: (f) => f.type === 'LongTextArea' && (f.length ?? 0) >= 32768,
  Suggested_Owner__c: (f) => f.type === 'Picklist' && [...f.values.keys()].join() === LADDER.join(),
  Raised_By__c: (f) => f.type === 'Lookup' && f.referenceTo === 'User',
  Note__c: (f) => f.type === 'LongTextArea' && (f.length ?? 0) >= 32000,
  Status__c: (f) => f.type === 'Picklist' && [...f.values.keys()].join() === 'New,Acknowledged,Resolved',
  Flagged__c: (f) => f.type === 'Checkbox',
  // <18-character case id>:<longest category>, unique regardless of case.
  Escalation_Key__c: (f) =>
    f.type === 'Text' &&
    f.unique &&
    f.externalId &&
    !f.caseSensitive &&
    (f.length ?? 0) >= 19 + Math.max(...ESCALATION_CATEGORIES.map((c) => c.length)),
};
const ACKNOWLEDGE = ['Status__c', 'Acknowledged_By__c', 'Acknowledged_At__c', 'Note__c'];

describe('the panel (LWC) names fields that exist, with the types it relies on', () => {
  const imports = lwcSources.flatMap((f) => [
    ...readFileSync(f, 'utf8').matchAll(/@salesforce\/schema\/([\w]+)(?:\.([\w.]+))?'/g),
  ]);

  it.each(imports.map((m) => [m[0].slice(0, -1), m[1] as string, m[2]]))('%s exists', (_, object, path) => {
    if (!path) expect(filesUnder(at('objects', object), '.object-meta.xml').length).toBe(1);
    else expect(pathType(object, path)).toBeDefined();
  });

  it('escalate writes exactly the Escalation__c fields it needs, each of a fitting type', () => {
    const written = [...source('whoOwnsThisEscalate').matchAll(/@salesforce\/schema\/Escalation__c\.(\w+)'/g)].map(
      (m) => m[1],
    );
    expect(written.sort()).toEqual(Object.keys(WRITES).sort());
    for (const [name, fits] of Object.entries(WRITES))
      expect([name, fits(field(`Escalation__c.${name}`))]).toEqual([name, true]);
    expect(pathType('Case', 'IsEscalated')).toBe('Checkbox');
  });

  it('the decision fields on Case hold what triage stores', () => {
    expect([...field('Case.Suggested_Owner__c').values.keys()]).toEqual([...LADDER]);
    expect(field('Case.Ownership_Reason__c').type).toBe('LongTextArea');
    expect(field('Case.Ownership_Assessed_At__c').type).toBe('DateTime');
  });

  it('every custom field in a GraphQL query or field reference exists', () => {
    for (const f of lwcSources) {
      for (const [name] of readFileSync(f, 'utf8').matchAll(/\b[A-Za-z]\w*__c\b/g)) {
        const known = name === 'Escalation__c' || fields.has(`Escalation__c.${name}`) || fields.has(`Case.${name}`);
        expect([basename(f), name, known]).toEqual([basename(f), name, true]);
      }
    }
  });
});

describe('the report type, reports and dashboard name fields that exist', () => {
  const reportType = readXml(at('reportTypes', 'Escalations_with_Case.reportType-meta.xml'));
  const base = val(reportType, 'baseObject') as string;
  const layout = kids(reportType, 'sections').flatMap((s) => kids(s, 'columns'));
  const columns = new Set(layout.map((c) => val(c, 'field') as string));
  const reports = filesUnder(at('reports'), '.report-meta.xml').map((p) => ({ path: p, x: readXml(p) }));

  it('the report type is on Escalation__c and every column resolves', () => {
    expect(base).toBe('Escalation__c');
    for (const c of layout) {
      expect(val(c, 'table')).toBe(base);
      expect([val(c, 'field'), pathType(base, val(c, 'field') as string)]).toEqual([
        val(c, 'field'),
        expect.any(String),
      ]);
    }
    for (const f of [...fields.values()].filter((x) => x.object === 'Escalation__c'))
      expect(columns.has(f.name)).toBe(true);
  });

  it.each(reports.map((r) => [basename(r.path), r]))(
    '%s uses only fields its report type offers, sensibly',
    (_, { x }) => {
      const type = val(x, 'reportType') as string;
      const custom = type === 'Escalations_with_Case__c';
      if (!custom) expect(type).toBe('CaseList');
      const resolve = (name: string): string | undefined => {
        if (custom) {
          expect(name.startsWith('Escalation__c$')).toBe(true);
          const path = name.slice('Escalation__c$'.length);
          expect([name, columns.has(path)]).toEqual([name, true]);
          return pathType(base, path);
        }
        // Standard report columns are platform names (CASE_NUMBER, OWNER); custom fields are Case.X__c.
        return name.startsWith('Case.') ? pathType('Case', name.slice(5)) : 'Standard';
      };
      for (const c of kids(x, 'columns')) expect(resolve(val(c, 'field') as string)).toBeDefined();
      for (const g of kids(x, 'groupingsDown'))
        expect(NOT_GROUPABLE.has(resolve(val(g, 'field') as string) as string)).toBe(false);
      const filter = kid(x, 'filter');
      for (const item of filter ? kids(filter, 'criteriaItems') : []) {
        const name = val(item, 'column') as string;
        const t = resolve(name);
        const path = custom ? name.slice('Escalation__c$'.length) : name.replace(/^Case\./, '');
        const f = fields.get(`${custom ? 'Escalation__c' : 'Case'}.${path}`);
        if (t === 'Picklist' && f)
          for (const v of (val(item, 'value') ?? '').split(','))
            expect([name, v, f.values.has(v)]).toEqual([name, v, true]);
        if (/^[A-Z_]+(:\d+)?$/.test(val(item, 'value') ?? '') && t !== 'Standard')
          expect(DATE_TYPES.has(t as string)).toBe(true);
      }
      const time = kid(x, 'timeFrameFilter');
      if (time) expect(['Standard', ...DATE_TYPES]).toContain(resolve(val(time, 'dateColumn') as string));
      expect((val(x, 'name') as string).length).toBeLessThanOrEqual(40);
      expect((val(x, 'description') ?? '').length).toBeLessThanOrEqual(255);
    },
  );

  it('the dashboard shows only these reports, grouped as the reports group', () => {
    const dashboards = filesUnder(at('dashboards'), '.dashboard-meta.xml');
    expect(dashboards).toHaveLength(1);
    const d = readXml(dashboards[0] as string);
    const components = [...walk(d)].filter((e) => e.name === 'dashboardComponent');
    expect(components.length).toBeGreaterThanOrEqual(4);
    const shown = new Set<string>();
    for (const c of components) {
      const report = val(c, 'report') as string;
      shown.add(report);
      const x = readXml(at('reports', `${report}.report-meta.xml`));
      const groups = kids(x, 'groupingsDown').map((g) => val(g, 'field'));
      for (const g of kids(c, 'groupingColumn')) expect(groups).toContain(g.text);
    }
    expect([...shown].sort()).toEqual(
      reports.map((r) => `Who_Owns_This/${basename(r.path, '.report-meta.xml')}`).sort(),
    );
  });

  it('report and dashboard folders are shared with a group force-app defines', () => {
    for (const folder of [
      at('reports', 'Who_Owns_This.reportFolder-meta.xml'),
      at('dashboards', 'Who_Owns_This.dashboardFolder-meta.xml'),
    ]) {
      const shares = kids(readXml(folder), 'folderShares');
      expect(shares.length).toBeGreaterThan(0);
      for (const s of shares) {
        expect(val(s, 'sharedToType')).toBe('Group');
        expect(filesUnder(at('groups'), `${val(s, 'sharedTo')}.group-meta.xml`)).toHaveLength(1);
      }
    }
  });
});

describe('the flows name fields, a notification type and a group that exist', () => {
  const flows = filesUnder(at('flows'), '.flow-meta.xml').map((p) => ({
    name: basename(p, '.flow-meta.xml'),
    text: readFileSync(p, 'utf8'),
    x: readXml(p),
  }));

  it.each(flows.map((f) => [f.name, f]))('%s', (_, flow) => {
    const start = kid(flow.x, 'start');
    const object = val(start ?? flow.x, 'object') as string;
    expect(object).toBe('Escalation__c');
    for (const filter of start ? kids(start, 'filters') : []) {
      const name = val(filter, 'field') as string;
      const f = field(`${object}.${name}`);
      const value = kid(filter, 'value');
      if (val(filter, 'operator') === 'IsNull') expect(value && val(value, 'booleanValue')).toMatch(/^(true|false)$/);
      else if (f.type === 'Checkbox') expect(value && val(value, 'booleanValue')).toMatch(/^(true|false)$/);
      else if (f.type === 'Picklist')
        expect(f.values.has(value ? (val(value, 'stringValue') as string) : '')).toBe(true);
    }
    // Every $Record reference, in elements and in formulas, resolves on the triggering object.
    for (const [, path] of flow.text.matchAll(/\$Record\.([\w.]+)/g)) {
      expect([path, pathType(object, (path as string).replace(/__r\./g, '__c.'))]).toEqual([path, expect.any(String)]);
    }
    for (const lookup of kids(flow.x, 'recordLookups')) {
      const filters = new Map(
        kids(lookup, 'filters').map((f) => [val(f, 'field'), val(kid(f, 'value') ?? f, 'stringValue')]),
      );
      const name = filters.get('DeveloperName') as string;
      if (val(lookup, 'object') === 'CustomNotificationType')
        expect(filesUnder(at('notificationtypes'), `${name}.notiftype-meta.xml`)).toHaveLength(1);
      else if (val(lookup, 'object') === 'Group')
        expect(filesUnder(at('groups'), `${name}.group-meta.xml`)).toHaveLength(1);
      else throw new Error(`unexpected lookup on ${val(lookup, 'object')}`);
    }
  });

  it('the notification names every category and severity a picklist allows', () => {
    const notify = flows.find((f) => f.name === 'Escalation_Notify_Leadership');
    const title = kids(notify?.x ?? ({} as never), 'formulas').find((f) => val(f, 'name') === 'Alarm_Title');
    const expression = val(title ?? ({} as never), 'expression') as string;
    for (const key of ['Escalation__c.Category__c', 'Escalation__c.Severity__c'])
      for (const [value, label] of field(key).values) {
        expect(expression).toContain(`"${value}"`);
        expect(expression).toContain(`"${label}"`);
      }
    const inputs = kids(kid(notify?.x ?? ({} as never), 'actionCalls') ?? ({} as never), 'inputParameters').map((p) =>
      val(p, 'name'),
    );
    expect(inputs.sort()).toEqual(['body', 'customNotifTypeId', 'recipientIds', 'targetId', 'title']);
  });
});

describe('the permission sets give every custom field a deliberate permission, least privilege', () => {
  const sets = Object.fromEntries(
    ['Who_Owns_This_Agent', 'Who_Owns_This_Manager'].map((name) => [
      name,
      readXml(at('permissionsets', `${name}.permissionset-meta.xml`)),
    ]),
  );
  const fieldPerms = (name: string) =>
    new Map(
      kids(sets[name] as never, 'fieldPermissions').map((p) => [
        val(p, 'field') as string,
        { read: val(p, 'readable') === 'true', edit: val(p, 'editable') === 'true' },
      ]),
    );
  const objectPerm = (name: string, object: string) => {
    const p = kids(sets[name] as never, 'objectPermissions').find((o) => val(o, 'object') === object);
    return (
      p && Object.fromEntries(p.children.filter((c) => c.name !== 'object').map((c) => [c.name, c.text === 'true']))
    );
  };
  const editable = (name: string) =>
    [...fieldPerms(name)]
      .filter(([, p]) => p.edit)
      .map(([f]) => f)
      .sort();
  const escalation = (names: string[]) => names.map((n) => `Escalation__c.${n}`).filter((f) => !REQUIRED.includes(f));

  it.each(Object.keys(sets))(
    '%s: an entry for every custom field but the required ones, which Salesforce rejects',
    (name) => {
      const perms = fieldPerms(name);
      const optional = [...fields.keys()].filter((f) => !REQUIRED.includes(f)).sort();
      expect([...perms.keys()].sort()).toEqual(optional);
      expect(kids(sets[name] as never, 'fieldPermissions')).toHaveLength(optional.length);
      for (const [f, p] of perms) expect([f, p.read]).toEqual([f, true]);
      for (const f of [...perms.keys()].filter((x) => x.startsWith('Case.')))
        expect([f, perms.get(f)?.edit]).toEqual([f, false]);
    },
  );

  it('agents create and read escalations and edit only what escalating sets', () => {
    expect(editable('Who_Owns_This_Agent')).toEqual(escalation(Object.keys(WRITES)).sort());
    expect(objectPerm('Who_Owns_This_Agent', 'Escalation__c')).toEqual({
      allowCreate: true,
      allowDelete: false,
      allowEdit: false,
      allowRead: true,
      modifyAllRecords: false,
      viewAllRecords: false,
    });
    expect(objectPerm('Who_Owns_This_Agent', 'Case')).toMatchObject({
      allowRead: true,
      allowEdit: false,
      allowCreate: false,
      allowDelete: false,
    });
    expect(kids(sets.Who_Owns_This_Agent as never, 'userPermissions')).toEqual([]);
  });

  it('managers also acknowledge and resolve, and run the reports, but delete nothing', () => {
    expect(editable('Who_Owns_This_Manager')).toEqual(
      [...new Set(escalation([...Object.keys(WRITES), ...ACKNOWLEDGE]))].sort(),
    );
    expect(objectPerm('Who_Owns_This_Manager', 'Escalation__c')).toEqual({
      allowCreate: true,
      allowDelete: false,
      allowEdit: true,
      allowRead: true,
      modifyAllRecords: false,
      viewAllRecords: false,
    });
    const user = kids(sets.Who_Owns_This_Manager as never, 'userPermissions').map((p) => [
      val(p, 'name'),
      val(p, 'enabled'),
    ]);
    expect(user).toEqual([['RunReports', 'true']]);
  });

  it('every custom field the panel reads is readable in both sets (or required, so always readable)', () => {
    const read = new Set(
      lwcSources.flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/\b(?!Escalation__c\b)([A-Za-z]\w*__c)\b/g)].map((m) => m[1] as string),
      ),
    );
    for (const name of Object.keys(sets))
      for (const f of read) {
        const key = fields.has(`Escalation__c.${f}`) ? `Escalation__c.${f}` : `Case.${f}`;
        expect([name, key, REQUIRED.includes(key) || fieldPerms(name).get(key)?.read === true]).toEqual([
          name,
          key,
          true,
        ]);
      }
  });
});

describe('the FlexiPage places components that exist and may go there', () => {
  it('the panel is exposed on record pages of the page’s object', () => {
    const page = readXml(at('flexipages', 'Case_Record_Page_Who_Owns_This.flexipage-meta.xml'));
    const custom = [...walk(page)]
      .filter((e) => e.name === 'componentName' && !e.text.includes(':'))
      .map((e) => e.text);
    expect(custom).toEqual(['whoOwnsThis']);
    for (const bundle of custom) {
      const meta = readFileSync(join(lwcDir, bundle, `${bundle}.js-meta.xml`), 'utf8');
      expect(meta).toContain('<isExposed>true</isExposed>');
      expect(meta).toContain('<target>lightning__RecordPage</target>');
      expect(meta).toContain(`<object>${val(page, 'sobjectType')}</object>`);
    }
  });
});
