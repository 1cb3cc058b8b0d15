/** The console's entry: registers <who-owns-this> and renders the page the URL names. */
import '../../panel/define.js';
import { html, render } from 'lit';
import { casePage } from './case-page.js';
import { loadRules } from './cases.js';
import { escalationPage } from './escalation-page.js';
import { frame } from './layout.js';
import { listPage } from './list.js';
import { newCasePage } from './new-case.js';
import { reportPage } from './report.js';

const ID = '([a-zA-Z0-9]{15,18})';
const routes: Array<[RegExp, (app: HTMLElement, ...ids: string[]) => Promise<void>]> = [
  [/^\/lightning\/o\/Case\/(?:list|home)$/, listPage],
  [/^\/lightning\/o\/Case\/new$/, newCasePage],
  [new RegExp(`^/lightning/r/Case/${ID}/view$`), casePage],
  [new RegExp(`^/lightning/r/Escalation__c/${ID}/view$`), escalationPage],
  [/^\/lightning\/o\/Escalation__c\/(?:home|list)$/, reportPage],
];

const app = document.getElementById('app')!;
app.replaceChildren(); // the shell's 'Loading' text: Lit renders after existing children
const path = window.location.pathname.replace(/\/$/, '');
const match = routes.map(([re, page]) => [re.exec(path), page] as const).find(([m]) => m);
const failed = (e: unknown) =>
  render(
    frame(
      'cases',
      'Routing policy unavailable',
      html`<p role="alert">The routing policy could not be loaded: ${e instanceof Error ? e.message : String(e)}</p>`,
    ),
    app,
  );
if (match)
  void loadRules().then(
    () => match[1](app, ...match[0]!.slice(1)),
    (e: unknown) => failed(e),
  );
else
  render(
    frame(
      'cases',
      'Page not found',
      html`<p>No page at ${path}. <a href="/lightning/o/Case/list">Go to cases</a>.</p>`,
    ),
    app,
  );
