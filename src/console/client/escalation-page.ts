/** /lightning/r/Escalation__c/<id>/view: one escalation, with Acknowledge and Resolve. */
import { html, render } from 'lit';
import { field, query, soqlString, type SObject } from './api.js';
import { acknowledge, resolve } from './escalate.js';
import { detail, errorBox, frame, when } from './layout.js';

export const ESCALATION_FIELDS =
  'Id, Name, Case__c, Case__r.CaseNumber, Case__r.Subject, Account__r.Name, Category__c, Severity__c, Status__c, Suggested_Owner__c, Raised_By__r.Name, Acknowledged_By__r.Name, Acknowledged_At__c, Note__c, Reasons__c, Escalation_Key__c, CreatedDate';

export async function escalationPage(app: HTMLElement, id: string): Promise<void> {
  let message = '';
  const load = async () => {
    const [r] = await query(`SELECT ${ESCALATION_FIELDS} FROM Escalation__c WHERE Id = ${soqlString(id)}`);
    if (!r) throw new Error(`No escalation with id ${id}.`);
    return r;
  };
  let r: SObject;
  try {
    r = await load();
  } catch (e) {
    render(frame('escalations', 'Escalation', errorBox(e)), app);
    return;
  }
  const act = (fn: (id: string) => Promise<void>, done: string) => async () => {
    try {
      await fn(id);
      r = await load();
      message = done;
    } catch (e) {
      message = `Could not save: ${e instanceof Error ? e.message : String(e)}`;
    }
    draw();
    app.querySelector<HTMLElement>('#record-status')?.focus();
  };
  const draw = () =>
    render(
      frame(
        'escalations',
        `Escalation ${String(r['Name'])}`,
        html`<section class="card" aria-label="Escalation details">
          <div class="buttons">
            ${r['Status__c'] === 'New' ? html`<button class="brand" @click=${act(acknowledge, 'Acknowledged.')}>Acknowledge</button>` : ''}
            ${r['Status__c'] !== 'Resolved' ? html`<button @click=${act(resolve, 'Resolved.')}>Resolve</button>` : ''}
          </div>
          <p id="record-status" role="status" tabindex="-1">${message}</p>
          <dl class="details">
            ${detail('Status', r['Status__c'])} ${detail('Category', r['Category__c'])}
            ${detail('Severity', r['Severity__c'])} ${detail('Suggested owner', r['Suggested_Owner__c'])}
            <div class="detail">
              <dt>Case</dt>
              <dd>
                <a href="/lightning/r/Case/${String(r['Case__c'])}/view">${field(r, 'Case__r.CaseNumber')}</a>
                ${field(r, 'Case__r.Subject')}
              </dd>
            </div>
            ${detail('Account', field(r, 'Account__r.Name'))} ${detail('Raised by', field(r, 'Raised_By__r.Name'))}
            ${detail('Raised', when(r['CreatedDate']))}
            ${detail('Acknowledged by', field(r, 'Acknowledged_By__r.Name'))}
            ${detail('Acknowledged', when(r['Acknowledged_At__c']))} ${detail('Escalation key', r['Escalation_Key__c'])}
          </dl>
          <h3>Note</h3>
          <p class="description">${r['Note__c'] ?? ''}</p>
          <h3>Reasons</h3>
          <p class="description">${r['Reasons__c'] ?? ''}</p>
        </section>`,
      ),
      app,
    );
  draw();
}
