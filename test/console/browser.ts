/** A seeded local org on an ephemeral port and one headless Debian Chromium for a test file. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestOrg, type TestOrg } from '../local-org/org-helpers.js';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Console {
  org: TestOrg;
  browser: Browser;
  /** A fresh browser context signed in through the frontdoor, with a page open at `path`. */
  signedIn(path?: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startConsole(): Promise<Console> {
  const org = await startTestOrg({ seed: 'demo' });
  // launch() runs Chromium on a fresh temporary profile (user-data-dir) of its own, removed on close.
  // Chromium is never downloaded: playwright-core only drives Debian's.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    org,
    browser,
    async signedIn(path = '/lightning/o/Case/list') {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      contexts.push(context);
      const page = await context.newPage();
      const front = `${org.local.url}/secur/frontdoor.jsp?sid=${encodeURIComponent(org.local.token)}&retURL=${encodeURIComponent(path)}`;
      await page.goto(front);
      return { context, page };
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser.close();
      await org.local.close();
    },
  };
}
