/** The console's frame: the global header and the app's navigation tabs, Lightning style. */
import { html, type TemplateResult } from 'lit';

export type Tab = 'cases' | 'new' | 'escalations';

export function frame(tab: Tab, title: string, body: TemplateResult | string) {
  const link = (id: Tab, href: string, label: string) =>
    html`<li class=${tab === id ? 'active' : ''}>
      <a href=${href} aria-current=${tab === id ? 'page' : 'false'}>${label}</a>
    </li>`;
  return html`<header class="global-header">
      <span class="waffle" aria-hidden="true">⋮⋮⋮</span>
      <span class="app-name">Who Owns This</span>
      <span class="org-badge">Local org</span>
      <a class="logout" href="/secur/logout.jsp">Log out</a>
    </header>
    <nav class="context-bar" aria-label="App">
      <ul>
        ${link('cases', '/lightning/o/Case/list', 'Cases')} ${link('new', '/lightning/o/Case/new', 'New Case')}
        ${link('escalations', '/lightning/o/Escalation__c/home', 'Escalations')}
      </ul>
    </nav>
    <main id="main" aria-labelledby="page-title">
      <h1 id="page-title" class="page-title">${title}</h1>
      ${body}
    </main>`;
}

/** One label and value of a record page's details list (inside a <dl class="details">). */
export const detail = (label: string, value: unknown) =>
  html`<div class="detail">
    <dt>${label}</dt>
    <dd>${value ?? ''}</dd>
  </div>`;

export const when = (iso: unknown): string => (typeof iso === 'string' ? new Date(iso).toLocaleString('en-GB') : '');

export function age(iso: unknown, now = Date.now()): string {
  if (typeof iso !== 'string') return '';
  const hours = Math.max(0, (now - Date.parse(iso)) / 3_600_000);
  return hours < 48 ? `${Math.round(hours)} h` : `${Math.round(hours / 24)} d`;
}

export function errorBox(e: unknown) {
  return html`<div class="error" role="alert">${e instanceof Error ? e.message : String(e)}</div>`;
}

/** A Lightning-style data table: labelled for screen readers, one column header per name, rows as given. */
export function grid(label: string, columns: readonly string[], rows: readonly TemplateResult[]) {
  return html`<table class="grid" aria-label=${label}>
    <thead>
      <tr>
        ${columns.map((c) => html`<th scope="col">${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
