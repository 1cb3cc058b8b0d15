/** /lightning/r/Case/<id>/view: the case's details beside the "Who owns this?" panel. */
import { html, render } from 'lit';
import { escalationKey } from '../../rules/present.js';
import type { EscalateEvent, EscalationState } from '../../panel/events.js';
import { field, query, soqlString, type SObject } from './api.js';
import { CASE_FIELDS, accountHistory, caseLine, contextFor } from './cases.js';
import { escalate, escalationHref, openByKey } from './escalate.js';
import { detail, errorBox, frame, when } from './layout.js';

export async function casePage(app: HTMLElement, id: string): Promise<void> {
  render(frame('cases', 'Case', html`<p class="loading">Loading the case…</p>`), app);
  let record: SObject | undefined;
  let escalations: SObject[] = [];
  let context: unknown = null;
  try {
    [record] = await query(`SELECT ${CASE_FIELDS} FROM Case WHERE Id = ${soqlString(id)}`);
    if (!record) throw new Error(`No case with id ${id}.`);
    const history = await accountHistory([String(record['AccountId'] ?? '')]);
    context = contextFor(record, history);
    escalations = await relatedEscalations(id);
  } catch (e) {
    render(frame('cases', 'Case', errorBox(e)), app);
    return;
  }
  const kase = record;
  const line = caseLine(kase);
  let state: EscalationState = { state: 'idle' };

  const onEscalate = async (e: EscalateEvent) => {
    state = { state: 'saving' };
    draw();
    state = await escalate(e.detail, (kase['AccountId'] as string | null) ?? null);
    escalations = await relatedEscalations(id).catch(() => escalations);
    draw();
  };

  const draw = () =>
    render(
      frame(
        'cases',
        `Case ${String(kase['CaseNumber'])}`,
        html`<div class="record-layout">
          <section class="card record-details" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <dl class="details">
              ${detail('Subject', kase['Subject'])} ${detail('Status', kase['Status'])}
              ${detail('Priority', kase['Priority'])} ${detail('Origin', kase['Origin'])}
              ${detail('Type', kase['Type'])} ${detail('Case reason', kase['Reason'])}
              ${detail('Account', field(kase, 'Account.Name'))} ${detail('Contact', field(kase, 'Contact.Name'))}
              ${detail('Case owner', field(kase, 'Owner.Name'))} ${detail('Opened', when(kase['CreatedDate']))}
              ${detail('Escalated', kase['IsEscalated'] ? 'Yes' : 'No')}
            </dl>
            <h3>Description</h3>
            <p class="description">${kase['Description'] ?? ''}</p>
            <h3 id="related-heading">Escalations (${escalations.length})</h3>
            ${
              escalations.length === 0
                ? html`<p class="weak">None.</p>`
                : html`<ul class="related" aria-labelledby="related-heading">
                    ${escalations.map(
                      (x) =>
                        html`<li>
                          <a href=${escalationHref(String(x.Id))}>${x['Name']}</a> · ${x['Category__c']} ·
                          ${x['Severity__c']} · ${x['Status__c']}
                        </li>`,
                    )}
                  </ul>`
            }
          </section>
          <aside class="record-panel">
            <who-owns-this
              .record=${line}
              .context=${context}
              .escalation=${state}
              @who-owns-this:escalate=${onEscalate}
            ></who-owns-this>
          </aside>
        </div>`,
      ),
      app,
    );
  draw();
  // After a reload, the alarm's open escalation (if any) is shown as already open.
  const panel = app.querySelector('who-owns-this');
  await panel?.updateComplete;
  const alarm = panel?.decision?.alarm;
  const key = alarm ? escalationKey(id, alarm.category) : null;
  if (key && state.state === 'idle') {
    const open = await openByKey(key).catch(() => null);
    if (open && state.state === 'idle') {
      state = open;
      draw();
    }
  }
}

function relatedEscalations(caseId: string): Promise<SObject[]> {
  return query(
    `SELECT Id, Name, Category__c, Severity__c, Status__c FROM Escalation__c WHERE Case__c = ${soqlString(caseId)} ORDER BY CreatedDate DESC`,
  );
}
