#!/usr/bin/env node
/**
 * npm run screenshots: the console's Case page and manager report, in Debian's Chromium against a fresh
 * demo org, saved to docs/screenshots/case-page.png and docs/screenshots/report-page.png.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startLocalOrg } from '../lib/local-org/index.js';
import { frontdoorUrl } from '../lib/console/session.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
args.push('--disable-background-networking', '--disable-component-update', '--disable-sync');

const dir = await mkdtemp(join(tmpdir(), 'whoowns-shots-'));
const org = await startLocalOrg({ dataFile: join(dir, 'org.sqlite'), seed: 'demo', port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
try {
  await mkdir(out, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const q = encodeURIComponent(
    "SELECT Id FROM Case WHERE Subject LIKE '%caught fire%' ORDER BY CreatedDate DESC LIMIT 1",
  );
  const res = await page.request.get(`${org.url}/services/data/v62.0/query?q=${q}`, {
    headers: { Authorization: `Bearer ${org.token}` },
  });
  const id = (await res.json()).records[0].Id;
  await page.goto(frontdoorUrl(org.url, org.token, `/lightning/r/Case/${id}/view`));
  await page.locator('who-owns-this #owner').waitFor();
  await page.screenshot({ path: join(out, 'case-page.png'), fullPage: true });
  await page.goto(`${org.url}/lightning/o/Escalation__c/home`);
  await page.locator('figure.chart svg').first().waitFor();
  await page.screenshot({ path: join(out, 'report-page.png'), fullPage: true });
  console.log(`wrote ${join('docs', 'screenshots', 'case-page.png')} and report-page.png`);
} finally {
  await browser.close();
  await org.close();
  await rm(dir, { recursive: true, force: true });
}
