/** /lightning/o/Case/new: type a case and watch the panel decide it live; Save creates the Case. */
import { html, render } from 'lit';
import { create, query, type SObject } from './api.js';
import { accountHistory, type AccountHistory } from './cases.js';
import { errorBox, frame } from './layout.js';

const PICKLISTS: Record<string, string[]> = {
  Type: ['', 'Problem', 'Question', 'Feature Request', 'Other'],
  Priority: ['Medium', 'High', 'Low'],
  Origin: ['Web', 'Phone', 'Email'],
};

export async function newCasePage(app: HTMLElement): Promise<void> {
  let accounts: SObject[] = [];
  let history = new Map<string, AccountHistory>();
  try {
    accounts = await query('SELECT Id, Name, Type FROM Account ORDER BY Name');
    history = await accountHistory(accounts.map((a) => String(a.Id)));
  } catch (e) {
    render(frame('new', 'New Case', errorBox(e)), app);
    return;
  }
  const values: Record<string, string> = {
    Subject: '',
    Description: '',
    Type: '',
    Reason: '',
    Priority: 'Medium',
    Origin: 'Web',
    AccountId: '',
  };
  let error = '';
  let saving = false;

  const record = () => {
    const account = accounts.find((a) => a.Id === values['AccountId']);
    return {
      Id: null,
      Subject: values['Subject'] || null,
      Description: values['Description'] || null,
      Type: values['Type'] || null,
      Reason: values['Reason'] || null,
      Priority: values['Priority'] || null,
      Origin: values['Origin'] || null,
      Status: 'New',
      Account: account ? { Name: account['Name'], Type: account['Type'] } : null,
    };
  };
  const onInput = (e: Event) => {
    const t = e.target as HTMLInputElement;
    values[t.name] = t.value;
    draw();
  };
  const onSave = async (e: Event) => {
    e.preventDefault();
    if (values['Subject']!.trim() === '') {
      error = 'Subject is required.';
      draw();
      app.querySelector<HTMLInputElement>('#f-Subject')?.focus();
      return;
    }
    saving = true;
    error = '';
    draw();
    try {
      const fields: SObject = { Status: 'New' };
      for (const [k, v] of Object.entries(values)) fields[k] = v === '' ? null : v;
      const id = await create('Case', fields);
      window.location.assign(`/lightning/r/Case/${id}/view`);
    } catch (err) {
      saving = false;
      error = err instanceof Error ? err.message : String(err);
      draw();
    }
  };
  const onEscalate = (e: Event) => {
    const panel = e.target as HTMLElement & { escalation: unknown };
    panel.escalation = { state: 'failed', message: 'Save the case before escalating it.' };
  };
  const input = (name: string, label: string) =>
    html`<label for="f-${name}">${label}</label>
      <input id="f-${name}" name=${name} .value=${values[name] ?? ''} @input=${onInput} />`;
  const select = (name: string, label: string, options: Array<[string, string]>) =>
    html`<label for="f-${name}">${label}</label>
      <select id="f-${name}" name=${name} @change=${onInput}>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${values[name] === v}>${l}</option>`)}
      </select>`;
  const draw = () => {
    const account = values['AccountId'] ? accounts.find((a) => a.Id === values['AccountId']) : undefined;
    render(
      frame(
        'new',
        'New Case',
        html`<div class="record-layout">
          <form class="card case-form" @submit=${onSave} aria-labelledby="form-heading" novalidate>
            <h2 id="form-heading">Case information</h2>
            ${input('Subject', 'Subject *')}
            <label for="f-Description">Description</label>
            <textarea
              id="f-Description"
              name="Description"
              rows="8"
              .value=${values['Description'] ?? ''}
              @input=${onInput}
            ></textarea>
            ${select('AccountId', 'Account', [['', '(none)'], ...accounts.map((a): [string, string] => [String(a.Id), String(a['Name'])])])}
            ${select(
              'Type',
              'Type',
              PICKLISTS['Type']!.map((v): [string, string] => [v, v || '(none)']),
            )}
            ${input('Reason', 'Case reason')}
            ${select(
              'Priority',
              'Priority',
              PICKLISTS['Priority']!.map((v): [string, string] => [v, v]),
            )}
            ${select(
              'Origin',
              'Origin',
              PICKLISTS['Origin']!.map((v): [string, string] => [v, v]),
            )}
            ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
            <div class="buttons"><button type="submit" class="brand" ?disabled=${saving}>Save</button></div>
          </form>
          <aside class="record-panel">
            <who-owns-this
              heading="Who owns this? (live)"
              .record=${record()}
              .context=${account ? { account: history.get(String(account.Id)) } : null}
              @who-owns-this:escalate=${onEscalate}
            ></who-owns-this>
          </aside>
        </div>`,
      ),
      app,
    );
  };
  draw();
}
