/** /lightning/o/Case/list: every case with its suggested owner and alarm; filters, search and paging. */
import { html, render } from 'lit';
import type { Presentation } from '../../rules/present.js';
import { query, type SObject } from './api.js';
import { CASE_FIELDS, accountHistory, decideCase } from './cases.js';
import { errorBox, frame, grid, when } from './layout.js';

const PAGE = 25;
interface Row {
  record: SObject;
  p: Presentation;
}
interface Filters {
  owner: string;
  alarm: string;
  status: string;
  q: string;
  page: number;
}

export async function listPage(app: HTMLElement): Promise<void> {
  render(frame('cases', 'Cases', html`<p class="loading">Loading cases…</p>`), app);
  let rows: Row[];
  try {
    const records = await query(`SELECT ${CASE_FIELDS} FROM Case ORDER BY CreatedDate DESC`);
    const history = await accountHistory(records.map((r) => String(r['AccountId'] ?? '')));
    rows = records.map((record) => ({ record, p: decideCase(record, history) }));
  } catch (e) {
    render(frame('cases', 'Cases', errorBox(e)), app);
    return;
  }
  const params = new URLSearchParams(window.location.search);
  const f: Filters = {
    owner: params.get('owner') ?? '',
    alarm: params.get('alarm') ?? '',
    status: params.get('status') ?? 'open',
    q: params.get('q') ?? '',
    page: Math.max(0, Number(params.get('page') ?? 0) || 0),
  };
  const owners = [...new Map(rows.map((r) => [r.p.owner, r.p.ownerLabel])).entries()];
  const alarms = [
    ...new Map(rows.filter((r) => r.p.alarm).map((r) => [r.p.alarm!.category, r.p.alarm!.categoryLabel])),
  ];

  const draw = () => {
    const q = f.q.trim().toLowerCase();
    const shown = rows.filter(
      ({ record, p }) =>
        (f.owner === '' || p.owner === f.owner) &&
        (f.alarm === '' || (f.alarm === 'any' ? p.alarm !== null : p.alarm?.category === f.alarm)) &&
        (f.status === '' || (f.status === 'open' ? record['Status'] !== 'Closed' : record['Status'] === f.status)) &&
        (q === '' ||
          [record['CaseNumber'], record['Subject'], (record['Account'] as SObject | null)?.['Name']].some((v) =>
            String(v ?? '')
              .toLowerCase()
              .includes(q),
          )),
    );
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    f.page = Math.min(f.page, pages - 1);
    const slice = shown.slice(f.page * PAGE, (f.page + 1) * PAGE);
    const set = (key: keyof Filters) => (e: Event) => {
      (f as unknown as Record<string, string | number>)[key] = (e.target as HTMLInputElement).value;
      f.page = 0;
      sync();
    };
    const go = (page: number) => () => {
      f.page = page;
      sync();
    };
    render(
      frame(
        'cases',
        'Cases',
        html`<form class="filters" role="search" @submit=${(e: Event) => e.preventDefault()}>
            <label
              >Search
              <input type="search" name="q" .value=${f.q} @input=${set('q')} placeholder="Number, subject, account"
            /></label>
            <label
              >Suggested owner
              <select name="owner" @change=${set('owner')}>
                <option value="">All owners</option>
                ${owners.map(([o, l]) => html`<option value=${o} ?selected=${f.owner === o}>${l}</option>`)}
              </select></label
            >
            <label
              >Alarm
              <select name="alarm" @change=${set('alarm')}>
                <option value="">Any or none</option>
                <option value="any" ?selected=${f.alarm === 'any'}>Any alarm</option>
                ${alarms.map(([a, l]) => html`<option value=${a} ?selected=${f.alarm === a}>${l}</option>`)}
              </select></label
            >
            <label
              >Status
              <select name="status" @change=${set('status')}>
                <option value="open" ?selected=${f.status === 'open'}>Open</option>
                <option value="" ?selected=${f.status === ''}>All</option>
                ${['New', 'Working', 'Escalated', 'Closed'].map(
                  (s) => html`<option value=${s} ?selected=${f.status === s}>${s}</option>`,
                )}
              </select></label
            >
          </form>
          <p class="count" role="status">${shown.length} cases · page ${f.page + 1} of ${pages}</p>
          ${grid(
            'Cases',
            ['Case', 'Subject', 'Account', 'Status', 'Owner', 'Suggested owner', 'Alarm', 'Opened'],
            slice.map(
              ({ record: r, p }) =>
                html`<tr data-case-id=${String(r['Id'])}>
                  <td><a href="/lightning/r/Case/${String(r['Id'])}/view">${r['CaseNumber']}</a></td>
                  <td class="subject">${r['Subject']}</td>
                  <td>${(r['Account'] as SObject | null)?.['Name'] ?? ''}</td>
                  <td>${r['Status']}</td>
                  <td>${(r['Owner'] as SObject | null)?.['Name'] ?? ''}</td>
                  <td class="owner-cell" data-owner=${p.owner}>${p.ownerLabel}</td>
                  <td>
                    ${
                      p.alarm
                        ? html`<span class="pill ${p.alarm.severity}" data-alarm=${p.alarm.category}
                            >${p.alarm.categoryLabel} · ${p.alarm.severity}</span
                          >`
                        : ''
                    }
                  </td>
                  <td>${when(r['CreatedDate'])}</td>
                </tr>`,
            ),
          )}
          <nav class="pager" aria-label="Pages">
            <button ?disabled=${f.page === 0} @click=${go(f.page - 1)}>Previous</button>
            <button ?disabled=${f.page >= pages - 1} @click=${go(f.page + 1)}>Next</button>
          </nav>`,
      ),
      app,
    );
  };
  const sync = () => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f))
      if (v !== '' && v !== 0 && !(k === 'status' && v === 'open')) next.set(k, String(v));
    const s = next.toString();
    window.history.replaceState(null, '', s ? `?${s}` : window.location.pathname);
    draw();
  };
  draw();
}
