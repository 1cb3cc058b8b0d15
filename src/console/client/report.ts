/**
 * /lightning/o/Escalation__c/home, the manager report: open escalations by category and severity (charts),
 * the unacknowledged ones oldest first with Acknowledge and Resolve, and the role-clarity view: routine
 * cases still owned by AEs (with a one-click hand-off) and how many were routed away this week.
 */
import { html, render } from 'lit';
import type { Presentation } from '../../rules/present.js';
import { field, query, soqlString, update, type SObject } from './api.js';
import { barChart, type Bar } from './charts.js';
import { CASE_FIELDS, accountHistory, decideCase } from './cases.js';
import { acknowledge, escalationHref, resolve } from './escalate.js';
import { ESCALATION_FIELDS } from './escalation-page.js';
import { age, errorBox, frame, grid } from './layout.js';

const CATEGORIES: Array<[string, string]> = [
  ['product_safety', 'Product safety'],
  ['ethics_violation', 'Ethics violation'],
  ['churn_risk', 'Churn risk'],
  ['service_breach', 'Service breach'],
  ['other', 'Other'],
];
const ROUTINE = ['customer_service', 'client_success'];

interface Data {
  groups: SObject[];
  open: SObject[];
  routine: Array<{ record: SObject; p: Presentation }>;
  routedAway: SObject[];
  queues: Map<string, string>;
}

async function load(): Promise<Data> {
  const [groups, open, aes, queues] = await Promise.all([
    query(
      "SELECT Category__c, Severity__c, COUNT(Id) n FROM Escalation__c WHERE Status__c != 'Resolved' GROUP BY Category__c, Severity__c",
    ),
    query(`SELECT ${ESCALATION_FIELDS} FROM Escalation__c WHERE Status__c != 'Resolved' ORDER BY CreatedDate ASC`),
    query("SELECT Id FROM User WHERE Title = 'Account Executive'"),
    query("SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue'"),
  ]);
  const aeIds = aes.map((u) => String(u.Id));
  const inAes = aeIds.length ? aeIds.map(soqlString).join(', ') : "''";
  const [aeCases, routed] = await Promise.all([
    query(
      `SELECT ${CASE_FIELDS} FROM Case WHERE Status != 'Closed' AND OwnerId IN (${inAes}) ORDER BY CreatedDate ASC`,
    ),
    query(
      "SELECT Id, CaseNumber, Subject, Suggested_Owner__c, OwnerId, Owner.Name, Ownership_Assessed_At__c FROM Case WHERE Ownership_Assessed_At__c = THIS_WEEK AND Suggested_Owner__c IN ('customer_service', 'client_success')",
    ),
  ]);
  const history = await accountHistory(aeCases.map((r) => String(r['AccountId'] ?? '')));
  const routine = aeCases
    .map((record) => ({ record, p: decideCase(record, history) }))
    .filter(({ p }) => ROUTINE.includes(p.owner));
  const byName = new Map(queues.map((q) => [String(q['DeveloperName']), String(q.Id)]));
  return {
    groups,
    open,
    routine,
    routedAway: routed.filter((r) => !aeIds.includes(String(r['OwnerId']))),
    queues: new Map([
      ['customer_service', byName.get('Phone_Support') ?? ''],
      ['client_success', byName.get('Client_Success') ?? ''],
    ]),
  };
}

export async function reportPage(app: HTMLElement): Promise<void> {
  const title = 'Escalations: manager report';
  render(frame('escalations', title, html`<p class="loading">Loading the report…</p>`), app);
  let data: Data;
  let message = '';
  try {
    data = await load();
  } catch (e) {
    render(frame('escalations', title, errorBox(e)), app);
    return;
  }
  const act = (fn: () => Promise<void>, done: string) => async () => {
    try {
      await fn();
      message = done;
      data = await load();
    } catch (e) {
      message = `Could not save: ${e instanceof Error ? e.message : String(e)}`;
    }
    draw();
    app.querySelector<HTMLElement>('#report-status')?.focus();
  };
  const routeAway = (r: SObject, p: Presentation) => async () => {
    await update('Case', String(r.Id), {
      OwnerId: data.queues.get(p.owner) || null,
      Suggested_Owner__c: p.owner,
      Ownership_Assessed_At__c: new Date().toISOString(),
      Ownership_Reason__c: p.action,
    });
  };

  const draw = () => {
    const count = (cat: string | null, sev: string | null) =>
      data.groups
        .filter((g) => (cat === null || g['Category__c'] === cat) && (sev === null || g['Severity__c'] === sev))
        .reduce((s, g) => s + Number(g['n']), 0);
    const sevs = ['sev1', 'sev2', 'sev3'];
    const byCategory: Bar[] = CATEGORIES.map(([c, label]) => ({
      label,
      parts: sevs.map((s): [string, number] => [s, count(c, s)]).filter(([, n]) => n > 0),
    }));
    const bySeverity: Bar[] = sevs.map((s) => ({ label: s, parts: [[s, count(null, s)]] }));
    const unacked = data.open.filter((e) => e['Status__c'] === 'New');
    const acked = data.open.filter((e) => e['Status__c'] === 'Acknowledged');
    const row = (e: SObject) =>
      html`<tr data-escalation-id=${String(e.Id)}>
        <td><a href=${escalationHref(String(e.Id))}>${e['Name']}</a></td>
        <td>
          <a href="/lightning/r/Case/${String(e['Case__c'])}/view">${field(e, 'Case__r.CaseNumber')}</a>
          ${field(e, 'Case__r.Subject')}
        </td>
        <td>${e['Category__c']}</td>
        <td><span class="pill ${String(e['Severity__c'])}">${e['Severity__c']}</span></td>
        <td>${age(e['CreatedDate'])}</td>
        <td>${field(e, 'Raised_By__r.Name')}</td>
        <td class="actions">
          ${
            e['Status__c'] === 'New'
              ? html`<button
                  class="brand"
                  @click=${act(() => acknowledge(String(e.Id)), `${String(e['Name'])} acknowledged.`)}
                >
                  Acknowledge <span class="assistive">${e['Name']}</span>
                </button>`
              : html`${field(e, 'Acknowledged_By__r.Name')}`
          }
          <button @click=${act(() => resolve(String(e.Id)), `${String(e['Name'])} resolved.`)}>
            Resolve <span class="assistive">${e['Name']}</span>
          </button>
        </td>
      </tr>`;
    const table = (label: string, rows: SObject[]) =>
      rows.length === 0
        ? html`<p class="weak">None.</p>`
        : grid(label, ['Escalation', 'Case', 'Category', 'Severity', 'Age', 'Raised by', 'Actions'], rows.map(row));
    render(
      frame(
        'escalations',
        title,
        html`<p id="report-status" role="status" tabindex="-1">${message}</p>
          <div class="kpis">
            <div class="card kpi"><span>${data.open.length}</span>open escalations</div>
            <div class="card kpi"><span>${unacked.length}</span>unacknowledged</div>
            <div class="card kpi"><span>${data.routine.length}</span>routine cases on AEs</div>
            <div class="card kpi"><span>${data.routedAway.length}</span>routed away this week</div>
          </div>
          <div class="charts">
            <section class="card">${barChart('Open escalations by category', byCategory)}</section>
            <section class="card">${barChart('Open escalations by severity', bySeverity)}</section>
          </div>
          <section class="card" aria-labelledby="unacked-heading">
            <h2 id="unacked-heading">Unacknowledged, oldest first (${unacked.length})</h2>
            ${table('Unacknowledged escalations', unacked)}
          </section>
          <section class="card" aria-labelledby="acked-heading">
            <h2 id="acked-heading">Acknowledged, still open (${acked.length})</h2>
            ${table('Acknowledged escalations', acked)}
          </section>
          <section class="card" aria-labelledby="roles-heading">
            <h2 id="roles-heading">Role clarity: routine cases owned by AEs (${data.routine.length})</h2>
            <p class="weak">
              Open cases an account executive owns that the rules route to Customer Service or Client Success.
              ${data.routedAway.length} routed away this week.
            </p>
            ${
              data.routine.length === 0
                ? html`<p class="weak">None: the AEs hold only AE work.</p>`
                : grid(
                    'Routine cases owned by AEs',
                    ['Case', 'Subject', 'AE', 'Belongs with', 'Action'],
                    data.routine.map(
                      ({ record: r, p }) =>
                        html`<tr>
                          <td><a href="/lightning/r/Case/${String(r.Id)}/view">${r['CaseNumber']}</a></td>
                          <td>${r['Subject']}</td>
                          <td>${field(r, 'Owner.Name')}</td>
                          <td>${p.ownerLabel}</td>
                          <td>
                            <button
                              @click=${act(routeAway(r, p), `Case ${String(r['CaseNumber'])} handed to ${p.ownerLabel}.`)}
                            >
                              Hand to ${p.ownerLabel} <span class="assistive">case ${r['CaseNumber']}</span>
                            </button>
                          </td>
                        </tr>`,
                    ),
                  )
            }
          </section>`,
      ),
      app,
    );
  };
  draw();
}
