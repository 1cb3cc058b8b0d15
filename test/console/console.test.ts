/**
 * The console in a real browser (Debian's Chromium through playwright-core) against a seeded local org:
 * sign-in, the case list, the panel on cases of every owner and alarm, idempotent escalation (twice, after
 * a reload, from two browsers at once), acknowledge and resolve from the report, case text that looks like
 * HTML, keyboard-only escalation and the live new-case form; and the panel on its own page loading its
 * policy file (loading state, then the decision; error state when the file fails).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { decide, defaultPolicy, present, type Presentation } from '../../src/rules/index.js';
import { root, sharedData } from '../helpers/cli.js';
import { startConsole, type Console } from './browser.js';

let c: Console;
beforeAll(async () => {
  c = await startConsole();
}, 60000);
afterAll(() => c?.close());

const panel = (page: Page) => page.locator('who-owns-this');
const api = (path: string, init?: RequestInit) => c.org.call(`/services/data/v62.0${path}`, init);
const soql = async (q: string) => (await api(`/query?q=${encodeURIComponent(q)}`)).body;
const escalationsOf = async (caseId: string) =>
  (await soql(`SELECT Id, Name, Status__c, Escalation_Key__c FROM Escalation__c WHERE Case__c = '${caseId}'`)).records;

async function newCase(fields: Record<string, unknown>): Promise<string> {
  const r = await api('/sobjects/Case', { method: 'POST', body: JSON.stringify({ Status: 'New', ...fields }) });
  expect(r.status).toBe(201);
  return r.body.id;
}

async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(`${c.org.local.url}/lightning/r/Case/${id}/view`);
  await panel(page).locator('#owner').waitFor();
}

/** One labeled case per owner and per alarm from the shared dev set, decided here as the panel must. */
function labeledExamples(): Array<{ label: string; kase: Record<string, unknown>; p: Presentation }> {
  const lines = readFileSync(join(sharedData, 'dev-cases.jsonl'), 'utf8').split('\n').filter(Boolean);
  const wanted = new Map<string, { label: string; kase: Record<string, unknown>; p: Presentation }>();
  for (const text of lines) {
    const line = JSON.parse(text);
    const kase = { Subject: line.case.Subject, Description: line.case.Description, Type: line.case.Type ?? null };
    const input = { case: kase };
    const p = present(decide(input), input, defaultPolicy);
    const label = p.alarm ? p.alarm.category : p.owner;
    const expected = line.expect?.alarm ?? line.expect?.owner;
    if (label === expected && !wanted.has(label)) wanted.set(label, { label, kase, p });
  }
  return [...wanted.values()];
}

describe('the console in Chromium', () => {
  it('without a session shows the sign-in page, and signs in with the token', async () => {
    const context = await c.browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`${c.org.local.url}/lightning/o/Escalation__c/home`);
    expect(res?.status()).toBe(401);
    await expect(page.getByLabel('Session token').isVisible()).resolves.toBe(true);
    await page.getByLabel('Session token').fill(c.org.local.token);
    await page.getByRole('button', { name: 'Log In' }).click();
    await page.waitForURL('**/lightning/o/Escalation__c/home');
    await page.getByRole('heading', { name: /manager report/ }).waitFor();
    const cookie = (await context.cookies()).find((k) => k.name === 'sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    await context.close();
  });

  it('refuses a frontdoor with a bad token and keeps retURL on this server', async () => {
    const bad = await fetch(`${c.org.local.url}/secur/frontdoor.jsp?sid=00Dnope!nope&retURL=/lightning/o/Case/list`, {
      redirect: 'manual',
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    expect(await bad.text()).toContain('not valid');
    for (const ret of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const r = await fetch(
        `${c.org.local.url}/secur/frontdoor.jsp?sid=${encodeURIComponent(c.org.local.token)}&retURL=${encodeURIComponent(ret)}`,
        { redirect: 'manual' },
      );
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toBe('/lightning/o/Case/list');
    }
    // sf org open: a single-use frontdoor URL from /services/oauth2/singleaccess.
    const single = await c.org.call('/services/oauth2/singleaccess?redirect_uri=%2Flightning%2Fo%2FCase%2Fnew');
    const uri = new URL(single.body.frontdoor_uri);
    expect(uri.searchParams.get('retURL')).toBe('/lightning/o/Case/new');
    const once = await fetch(uri, { redirect: 'manual' });
    expect(once.status).toBe(302);
    expect(once.headers.get('set-cookie')).toMatch(/^sid=.+; Path=\/; HttpOnly; SameSite=Lax/);
    expect((await fetch(uri, { redirect: 'manual' })).status).toBe(401);
  });

  it('lists the cases with the suggested owner and alarm, filters, searches and pages', async () => {
    const { page } = await c.signedIn('/lightning/o/Case/list');
    await page.locator('table.grid tbody tr').first().waitFor();
    expect(await page.locator('table.grid tbody tr').count()).toBe(25);
    await expect(page.locator('.count').textContent()).resolves.toMatch(/^\d+ cases · page 1 of \d+/);
    await page.getByLabel('Alarm').selectOption('any');
    const alarmed = await page.locator('table.grid tbody tr').count();
    expect(alarmed).toBeGreaterThan(0);
    expect(await page.locator('table.grid tbody tr [data-alarm]').count()).toBe(alarmed);
    expect(page.url()).toContain('alarm=any');
    await page.getByLabel('Alarm').selectOption('');
    await page.getByLabel('Suggested owner').selectOption('customer_service');
    const cs = page.locator('table.grid tbody td.owner-cell');
    expect(new Set(await cs.allTextContents())).toEqual(new Set(['Customer Service']));
    await page.getByLabel('Suggested owner').selectOption('');
    await page.getByLabel('Search').fill('caught fire');
    await expect(page.locator('table.grid tbody td.subject').first().textContent()).resolves.toMatch(/caught fire/i);
    await page.getByLabel('Search').fill('');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.locator('.count').textContent()).resolves.toMatch(/page 2 of/);
  });

  it('shows on a case of each owner and each alarm what the rules decide', async () => {
    const examples = labeledExamples();
    expect(new Set(examples.map((e) => e.label))).toEqual(
      new Set([
        'customer_service',
        'client_success',
        'account_executive',
        'product_safety',
        'ethics_violation',
        'churn_risk',
        'service_breach',
      ]),
    );
    const { page } = await c.signedIn();
    for (const { label, kase, p } of examples) {
      await openCase(page, await newCase(kase));
      const el = panel(page);
      expect(await el.locator('#owner').textContent()).toBe(p.ownerLabel);
      expect(await el.locator('#action').textContent()).toBe(p.action);
      expect(await el.locator('[aria-current="step"]').getAttribute('data-owner')).toBe(p.owner);
      expect((await el.locator('#announcement').textContent())?.trim()).toBe(p.announcement);
      if (p.alarm) {
        expect(await el.locator('#alarm-title').textContent()).toBe(p.alarm.title);
        await el.getByRole('button', { name: `Escalate: ${p.alarm.categoryLabel}` }).waitFor();
      } else {
        expect(await el.locator('#alarm').count()).toBe(0);
      }
      const marked = p.reasons.filter((r) => r.snippet).length;
      if (marked > 0) expect(await el.locator('#reasons mark').count()).toBe(marked);
      expect(label).toBeTruthy();
    }
  });

  it('escalates once: a second click and a reload show the same open escalation', async () => {
    const id = await newCase({
      Subject: 'Charger dock caught fire',
      Description: 'The dock caught fire and a cleaner burned her hand.',
    });
    const { page } = await c.signedIn(`/lightning/r/Case/${id}/view`);
    const el = panel(page);
    await el.getByRole('button', { name: /^Escalate: / }).click();
    await el.locator('#escalation-status a').waitFor();
    expect(await el.locator('#escalation-status').textContent()).toMatch(
      /Escalated to sales leadership: ESC-\d+ is open/,
    );
    expect(await el.locator('#escalation-status').evaluate((n: any) => n === n.getRootNode().activeElement)).toBe(true);
    expect(await el.getByRole('button', { name: /^Escalate: / }).count()).toBe(0);
    // A second request for the same key, as a retry would send it.
    await el.getByRole('button', { name: 'Escalate on my own judgement' }).click();
    await el.getByLabel('Category').selectOption('product_safety');
    await el.getByLabel(/Why are you escalating/).fill('Clicking again');
    await el.getByRole('button', { name: 'Raise escalation' }).click();
    await el.getByText('is already open').waitFor();
    await page.reload();
    await el.getByText('is already open').waitFor();
    const open = await escalationsOf(id);
    expect(open).toHaveLength(1);
    expect(open[0].Escalation_Key__c).toMatch(new RegExp(`^${id}:product_safety$`, 'i'));
    expect(await el.locator('#escalation-status a').getAttribute('href')).toBe(
      `/lightning/r/Escalation__c/${open[0].Id}/view`,
    );
  });

  it('two browsers escalating the same case at once still make one escalation', async () => {
    const id = await newCase({
      Subject: 'Staff told to backdate the inspection records',
      Description: 'Your site manager told our team to falsify the inspection dates so the audit passes.',
    });
    const [a, b] = await Promise.all([
      c.signedIn(`/lightning/r/Case/${id}/view`),
      c.signedIn(`/lightning/r/Case/${id}/view`),
    ]);
    const buttons = [a, b].map(({ page }) => panel(page).getByRole('button', { name: /^Escalate: / }));
    await Promise.all(buttons.map((btn) => btn.waitFor()));
    await Promise.all(buttons.map((btn) => btn.click()));
    const texts = await Promise.all(
      [a, b].map(async ({ page }) => {
        await panel(page).locator('#escalation-status a').waitFor();
        return panel(page).locator('#escalation-status').textContent();
      }),
    );
    expect(texts.filter((t) => /is already open/.test(t ?? ''))).toHaveLength(1);
    expect(await escalationsOf(id)).toHaveLength(1);
  });

  it('acknowledges and resolves from the manager report', async () => {
    const { page } = await c.signedIn('/lightning/o/Escalation__c/home');
    await page.locator('figure.chart svg').first().waitFor();
    expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(0);
    const rows = page.getByRole('table', { name: 'Unacknowledged escalations' }).locator('tbody tr');
    const id = await rows.first().getAttribute('data-escalation-id');
    const name = (await rows.first().locator('td').first().textContent())!.trim();
    await rows
      .first()
      .getByRole('button', { name: `Acknowledge ${name}` })
      .click();
    await page.getByText(`${name} acknowledged.`).waitFor();
    const acked = (await api(`/sobjects/Escalation__c/${id}`)).body;
    expect(acked).toMatchObject({ Status__c: 'Acknowledged', Acknowledged_By__c: c.org.local.org.userId });
    expect(Date.now() - Date.parse(acked.Acknowledged_At__c)).toBeLessThan(60_000);
    await page
      .getByRole('table', { name: 'Acknowledged escalations' })
      .getByRole('button', { name: `Resolve ${name}` })
      .click();
    await page.getByText(`${name} resolved.`).waitFor();
    expect((await api(`/sobjects/Escalation__c/${id}`)).body).toMatchObject({
      Status__c: 'Resolved',
      Escalation_Key__c: null,
    });
    expect(await page.locator(`[data-escalation-id="${id}"]`).count()).toBe(0);
    await page.getByRole('heading', { name: /Role clarity: routine cases owned by AEs/ }).waitFor();
  });

  it('renders a subject that looks like HTML as text', async () => {
    const subject = '<img src=x onerror=alert(1)>';
    const id = await newCase({ Subject: subject, Description: `${subject} and <script>alert(2)</script>` });
    const { page } = await c.signedIn(`/lightning/r/Case/${id}/view`);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.reload();
    await panel(page).locator('#owner').waitFor();
    await page.getByText(subject, { exact: true }).first().waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await panel(page).locator('img').count()).toBe(0);
    await page.goto(`${c.org.local.url}/lightning/o/Case/list?q=${encodeURIComponent('onerror')}`);
    await page.locator('td.subject', { hasText: subject }).waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('the panel fetches its policy once, shows loading until it arrives and an error when its URL fails', async () => {
    const url = c.org.local.url;
    const asset = await fetch(`${url}/panel/default-policy.json`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const etag = asset.headers.get('etag')!;
    const served = await asset.text();
    expect(served).toBe(readFileSync(join(root, 'lib', 'panel', 'default-policy.json'), 'utf8'));
    const policy = JSON.parse(served);
    expect(policy.signals.map((x: { id: string }) => x.id)).toEqual(defaultPolicy.signals.map((x) => x.id));
    // Stripped of the maintainers' notes (the model's words may include "note", so check the objects).
    for (const part of ['signals', 'context', 'rules'])
      expect(policy[part].filter((x: object) => 'note' in x)).toEqual([]);
    expect((await fetch(`${url}/panel/default-policy.json`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(`${url}/console/assets/default-policy.json`)).status).toBe(200);

    const context = await c.browser.newContext();
    const page = await context.newPage();
    const body = `<who-owns-this id="a"></who-owns-this><who-owns-this id="b"></who-owns-this>
      <who-owns-this id="broken" policy-src="/policies/broken.json"></who-owns-this>
      <script type="module" src="/panel/who-owns-this.js"></script>`;
    await page.route(`${url}/panel-demo`, (r) =>
      r.fulfill({ contentType: 'text/html', body: `<!doctype html><html><body>${body}</body></html>` }),
    );
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let fetches = 0;
    await page.route(`${url}/panel/default-policy.json`, async (r) => {
      fetches++;
      await held;
      await r.continue();
    });
    await page.route(`${url}/policies/broken.json`, (r) => r.fulfill({ status: 500, body: 'down' }));
    await page.goto(`${url}/panel-demo`);
    await page.waitForFunction("customElements.get('who-owns-this')");
    const { kase, p } = labeledExamples().find((x) => x.p.alarm)!;
    for (const id of ['a', 'b', 'broken'])
      await page.locator(`#${id}`).evaluate((el: { record: unknown }, k) => (el.record = k), kase);
    await page.locator('#a #policy-loading').waitFor();
    expect(await page.locator('#a #owner').count()).toBe(0);
    await page.locator('#broken #policy-error').waitFor();
    expect(await page.locator('#broken #policy-error').innerText()).toMatch(/could not be loaded.*broken\.json.*500/s);
    expect(await page.locator('#broken [role=alert]').count()).toBe(1);
    expect(await page.locator('#broken #owner').count()).toBe(0);
    release();
    for (const id of ['a', 'b']) {
      await page.locator(`#${id} #owner`).waitFor();
      expect(await page.locator(`#${id} #owner`).innerText()).toBe(p.ownerLabel);
      expect(await page.locator(`#${id} #alarm-title`).innerText()).toBe(p.alarm!.title);
    }
    expect(fetches).toBe(1);
    await context.close();
  });

  it('escalates with the keyboard alone', async () => {
    const id = await newCase({
      Subject: 'Where is my order?',
      Description: 'Order 1182 has not arrived yet, can you check the tracking?',
    });
    const { page } = await c.signedIn(`/lightning/r/Case/${id}/view`);
    await panel(page).locator('#owner').waitFor();
    const focused = () =>
      page.evaluate(() => {
        let el: any = (globalThis as any).document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el ? `${el.tagName}#${el.id}` : '';
      });
    for (let i = 0; i < 40 && (await focused()) !== 'BUTTON#manual-toggle'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('BUTTON#manual-toggle');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('SELECT#esc-category'); // focus moves into the form
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('TEXTAREA#esc-note');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // submit with an empty note: refused, focus back on the note
    expect(await focused()).toBe('TEXTAREA#esc-note');
    await panel(page).getByRole('alert').waitFor();
    await page.keyboard.type('The customer is a key account and very upset.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await panel(page)
      .getByText(/Escalated to sales leadership/)
      .waitFor();
    expect(await focused()).toBe('P#escalation-status');
    const [esc] = await escalationsOf(id);
    expect((await api(`/sobjects/Escalation__c/${esc.Id}`)).body).toMatchObject({
      Category__c: 'other',
      Note__c: 'The customer is a key account and very upset.',
    });
  });

  it('decides live while a new case is typed, and saves it', async () => {
    const { page } = await c.signedIn('/lightning/o/Case/new');
    await page.getByLabel('Subject *').waitFor();
    await page.getByLabel('Subject *').fill('Invoice copy please');
    await panel(page).locator('#owner', { hasText: 'Customer Service' }).waitFor();
    await page.getByLabel('Description').fill('The charging dock caught fire and a technician was burned.');
    await panel(page).locator('#alarm-title', { hasText: 'Product safety' }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/lightning\/r\/Case\/\w+\/view$/);
    await panel(page).locator('#alarm-title', { hasText: 'Product safety' }).waitFor();
    const id = /Case\/(\w+)\/view/.exec(page.url())![1];
    expect((await api(`/sobjects/Case/${id}`)).body.Subject).toBe('Invoice copy please');
  });
});

export { root };
