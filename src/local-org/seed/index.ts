/**
 * Demo data for a new local org: users in the four roles, queues, accounts and contacts, a few hundred
 * cases across every owner and alarm (some routine ones sitting with AEs, for the role-clarity view),
 * follow-up cases on two busy accounts (ParentId: the customer came back about a closed case), and
 * escalations in each status. Deterministic: the same seed gives the same records, dated relative to now.
 */
import type { Org } from '../server/context.js';
import type { WriteContext } from '../store/store.js';
import { ACCOUNTS, PRODUCTS, QUEUES, ROLE_TITLES, USERS, type DemoAccount } from './cast.js';
import { Random } from './random.js';
import { caseText, type Kind } from './texts.js';

const DAY = 86_400_000;
const ALARMS: Kind[] = ['churn_risk', 'product_safety', 'service_breach', 'ethics_violation'];
const KIND_WEIGHTS: Array<[Kind, number]> = [
  ['customer_service', 34],
  ['client_success', 24],
  ['account_executive', 16],
  ['churn_risk', 6],
  ['product_safety', 7],
  ['service_breach', 6],
  ['ethics_violation', 7],
];

/** True when the org holds no business records yet (only its admin user). */
export function isEmpty(org: Org): boolean {
  const row = org.store.prepare('SELECT COUNT(*) AS n FROM "Account"').get() as { n: number };
  return row.n === 0;
}

function weightedKind(r: Random): Kind {
  let x = r.next() * KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  for (const [kind, w] of KIND_WEIGHTS) if ((x -= w) < 0) return kind;
  return 'customer_service';
}

const iso = (ms: number): string => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

/** Seeds the demo records in one transaction and returns how many it wrote. */
export function seedDemo(org: Org, now: Date = new Date(), cases = 300): number {
  const { store } = org;
  const r = new Random(20261201);
  let written = 0;
  const create = (type: string, record: Record<string, unknown>, userId = org.userId): string => {
    written++;
    const ctx: WriteContext = { userId, auditFields: true, now };
    return store.create(type, record, ctx);
  };
  return store.transaction(() => {
    const users = new Map<string, string>();
    for (const u of USERS) {
      const login = `${u.first}.${u.last}`.toLowerCase().replace(/[^a-z.]/g, '');
      users.set(
        u.key,
        create('User', {
          Username: `${login}@demo.whoowns.example`,
          FirstName: u.first,
          LastName: u.last,
          Email: `${login}@demo.whoowns.example`,
          Alias: (u.first[0]! + u.last)
            .toLowerCase()
            .replace(/[^a-z]/g, '')
            .slice(0, 8),
          Title: ROLE_TITLES[u.role].title,
          Department: ROLE_TITLES[u.role].department,
          CompanyName: 'Who Owns This Demo',
        }),
      );
    }
    const user = (key: string) => users.get(key)!;
    const queues = new Map(
      QUEUES.map((q) => [
        q.key,
        create('Group', { Name: q.name, DeveloperName: q.developerName, Type: 'Queue', Email: q.email }),
      ]),
    );
    const accounts = ACCOUNTS.map((a) => {
      const id = create('Account', {
        Name: a.name,
        Industry: a.industry,
        Type: a.type,
        BillingCity: a.city,
        BillingCountry: a.country,
        NumberOfEmployees: a.employees,
        OwnerId: user(a.ae),
      });
      const contacts = a.contacts.map(([first, last, title]) =>
        create('Contact', {
          FirstName: first,
          LastName: last,
          Title: title,
          AccountId: id,
          Email:
            `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') +
            '@' +
            a.name.split(' ')[0]!.toLowerCase() +
            '.example',
        }),
      );
      return { def: a, id, contacts };
    });
    const alarmCases: Array<{ id: string; kind: Kind; account: string; owner: string; created: number }> = [];
    const closedByAccount = new Map<string, Array<{ id: string; subject: string }>>();
    const hot = accounts.filter((a) => a.def.hot);
    // Its own sequence, so the case texts and owners stay what they were before first responses existed.
    const response = new Random(20261202);
    const phoneQueue = queues.get('phone')!;
    for (let i = 0; i < cases; i++) {
      // Busy accounts get a third of the cases, mostly recent.
      const busy = i % 3 === 0;
      const account = busy ? r.pick(hot) : r.pick(accounts);
      const drawnAge = busy ? r.int(0, 85) : r.int(0, 120);
      const minutes = r.int(0, 600);
      const kind = i < ALARMS.length * 3 ? ALARMS[i % ALARMS.length]! : weightedKind(r);
      // The quiet accounts' history is spread over two years, so a 90-day window sees a few of their
      // cases (a quiet account); the busy accounts and the first round of alarms are recent.
      const ageDays = busy || i < ALARMS.length * 3 ? drawnAge : drawnAge * 6;
      const created = now.getTime() - ageDays * DAY - minutes * 60_000;
      const text = caseText(r, kind, { city: account.def.city, products: PRODUCTS });
      const owner = ownerFor(r, kind, account.def, user, queues);
      const closedDraw = ageDays > 10 && !ALARMS.includes(kind) ? r.chance(0.85) : ageDays > 30 && r.chance(0.5);
      const closed = closedDraw || (ageDays > 120 && !ALARMS.includes(kind));
      const earlier = closedByAccount.get(account.id) ?? [];
      const followUp = busy && ageDays < 60 && earlier.length > 0 && r.chance(0.3) ? r.pick(earlier) : undefined;
      const record: Record<string, unknown> = {
        Subject: followUp ? `Re: ${followUp.subject}` : text.Subject,
        Description: followUp
          ? `Following up on case closed last month, the problem is back.\n\n${text.Description}`
          : text.Description,
        Type: text.Type,
        Reason: text.Reason,
        Priority: text.Priority,
        Origin: r.pick(['Phone', 'Email', 'Web', 'Email']),
        Status: closed ? 'Closed' : r.pick(['New', 'Working', 'New']),
        AccountId: account.id,
        ContactId: r.pick(account.contacts),
        ParentId: followUp?.id ?? null,
        OwnerId: owner,
        CreatedDate: iso(created),
      };
      if (closed) record['ClosedDate'] = iso(Math.min(now.getTime(), created + r.int(1, 9) * DAY));
      const firstResponse =
        created + firstResponseMinutes(response, record['Origin'] === 'Phone' || owner === phoneQueue) * 60_000;
      if (firstResponse <= now.getTime()) record['First_Response_At__c'] = iso(firstResponse);
      const id = create('Case', record);
      if (closed) closedByAccount.set(account.id, [...earlier, { id, subject: text.Subject }]);
      if (ALARMS.includes(kind)) alarmCases.push({ id, kind, account: account.id, owner, created });
    }
    // The phone line's last two weeks: a call a day on the busy accounts, mostly answered late, so the
    // queue is persistently over its target whatever the spread of the cases above.
    const calls = new Random(20261203);
    for (let day = 0; day < 14; day++) {
      const account = calls.pick(hot);
      const created = now.getTime() - day * DAY - calls.int(30, 600) * 60_000;
      const text = caseText(calls, 'customer_service', { city: account.def.city, products: PRODUCTS });
      const answered = created + firstResponseMinutes(calls, true) * 60_000;
      create('Case', {
        Subject: text.Subject,
        Description: text.Description,
        Type: text.Type,
        Reason: text.Reason,
        Priority: text.Priority,
        Origin: 'Phone',
        Status: day > 2 ? 'Closed' : 'New',
        ...(day > 2 ? { ClosedDate: iso(Math.min(now.getTime(), created + DAY)) } : {}),
        AccountId: account.id,
        ContactId: calls.pick(account.contacts),
        OwnerId: phoneQueue,
        CreatedDate: iso(created),
        ...(answered <= now.getTime() ? { First_Response_At__c: iso(answered) } : {}),
      });
    }
    seedEscalations(org, r, now, alarmCases, user, create);
    return written;
  });
}

/**
 * Minutes to the first response: the phone line (Phone origin or the Phone Support queue) is
 * persistently over the 60-minute target, the other channels mostly answer within it.
 */
function firstResponseMinutes(r: Random, phone: boolean): number {
  if (phone) return r.chance(0.75) ? r.int(75, 480) : r.int(10, 55);
  return r.chance(0.9) ? r.int(3, 55) : r.int(65, 240);
}

function ownerFor(
  r: Random,
  kind: Kind,
  account: DemoAccount,
  user: (k: string) => string,
  queues: Map<string, string>,
) {
  const ae = user(account.ae);
  switch (kind) {
    case 'customer_service':
      // Role clarity: a share of routine work still lands on the AE.
      if (r.chance(0.2)) return ae;
      return r.chance(0.6) ? queues.get(r.pick(['phone', 'email']))! : user(r.pick(['agent1', 'agent2', 'agent3']));
    case 'client_success':
      if (r.chance(0.25)) return ae;
      return r.chance(0.5) ? queues.get('success')! : user(r.pick(['am1', 'am2']));
    case 'account_executive':
      return ae;
    default:
      return r.chance(0.5) ? user(r.pick(['agent1', 'agent2', 'agent3'])) : ae;
  }
}

function seedEscalations(
  org: Org,
  r: Random,
  now: Date,
  alarmCases: Array<{ id: string; kind: Kind; account: string; owner: string; created: number }>,
  user: (k: string) => string,
  create: (type: string, record: Record<string, unknown>, userId?: string) => string,
): void {
  const statuses = ['New', 'New', 'Acknowledged', 'New', 'Acknowledged', 'Resolved'];
  alarmCases.slice(0, 14).forEach((c, i) => {
    const status = statuses[i % statuses.length]!;
    const raisedBy = c.owner.startsWith('005') ? c.owner : user('agent1');
    const raised = Math.min(now.getTime(), c.created + r.int(1, 8) * 3_600_000);
    const severity = c.kind === 'product_safety' || c.kind === 'ethics_violation' ? 'sev1' : 'sev2';
    const acknowledged = status !== 'New' ? iso(Math.min(now.getTime(), raised + r.int(1, 30) * 3_600_000)) : null;
    create(
      'Escalation__c',
      {
        Case__c: c.id,
        Account__c: c.account,
        Category__c: c.kind,
        Severity__c: severity,
        Status__c: status,
        Flagged__c: status !== 'Resolved',
        Reasons__c: `${c.kind} raised from the case text (demo data).`,
        Suggested_Owner__c: 'sales_leadership',
        Raised_By__c: raisedBy,
        Acknowledged_By__c: acknowledged ? user('leader') : null,
        Acknowledged_At__c: acknowledged,
        Note__c: status === 'Resolved' ? 'Resolved with the customer; key cleared so a new alarm can be raised.' : null,
        Escalation_Key__c: status === 'Resolved' ? null : `${c.id}:${c.kind}`,
        CreatedDate: iso(raised),
      },
      raisedBy,
    );
    org.store.update('Case', c.id, { IsEscalated: true, Status: 'Escalated' }, { userId: raisedBy, now });
  });
}
