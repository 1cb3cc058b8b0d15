// Benchmark of the <who-owns-this> panel: the size of its JavaScript (minified, gzipped) and of the policy
/* global URL, customElements, document, requestAnimationFrame -- page.evaluate callbacks run in the browser */
// data it fetches once, and the time from record data to rendered decision in Debian's Chromium (the
// policy's one-time fetch reported on its own line), each against a baseline measured in the same run.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { bundle, policyJson, root } from '../build-web.js';
import { realisticCases } from './cases.js';

const KB = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (text) => gzipSync(text, { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
ARGS.push('--disable-background-networking', '--disable-component-update', '--disable-sync');

async function litOnly() {
  const r = await build({
    stdin: { contents: "export { LitElement, html, css, nothing } from 'lit';", resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    absWorkingDir: root,
    logLevel: 'silent',
  });
  return r.outputFiles[0].text;
}

const ORIGIN = 'http://bench.test';

export async function benchPanel({ quick = false } = {}) {
  const full = await bundle('panel', { write: false });
  const view = await bundle('view', { write: false });
  const lit = await litOnly();
  const policy = await policyJson();
  console.log('\n## <who-owns-this> panel: JavaScript size (esbuild --minify, gzip -9); target under 40 KB');
  const rows = [
    ['lit alone (baseline: LitElement, html, css)', lit],
    ['who-owns-this-view.js: Lit + panel, renders a decision made elsewhere', view],
    ['who-owns-this.js: Lit + panel + rules engine, decides in the browser (the target)', full],
    ['default-policy.json: the shipped policy, data the panel fetches once (not JavaScript)', policy],
  ];
  console.log('| bundle | minified | gzip -9 |');
  console.log('|---|---:|---:|');
  for (const [label, text] of rows) console.log(`| ${label} | ${KB(text.length)} | ${KB(gz(text))} |`);
  console.log(
    `deciding JavaScript ${KB(gz(full))} gzip: ${gz(full) < 40 * 1024 ? 'under' : 'OVER'} the 40 KB target; ` +
      `first visit total with the policy ${KB(gz(full) + gz(policy))}`,
  );

  const n = quick ? 30 : 200;
  const loads = quick ? 3 : 9;
  const lines = realisticCases(1024).slice(0, n);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const page = await browser.newPage();
    // One origin served from memory (no network): the page, the module and the policy file beside it.
    const files = {
      '/': ['text/html', '<!doctype html><html><body><div id="host"></div></body></html>'],
      '/who-owns-this.js': ['text/javascript', full],
      '/default-policy.json': ['application/json', policy],
    };
    await page.route(`${ORIGIN}/**`, (route) => {
      const f = files[new URL(route.request().url()).pathname];
      return f ? route.fulfill({ contentType: f[0], body: f[1] }) : route.fulfill({ status: 404, body: '' });
    });
    // Once per page: module loaded, then a record -> fetch + parse the policy -> decide + render.
    const first = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(`${ORIGIN}/`);
      await page.addScriptTag({ type: 'module', url: `${ORIGIN}/who-owns-this.js` });
      await page.waitForFunction(() => customElements.get('who-owns-this'));
      first.push(
        await page.evaluate(
          async (l) => {
            const el = document.createElement('who-owns-this');
            document.getElementById('host').append(el);
            const t = performance.now();
            const decided = new Promise((r) => el.addEventListener('who-owns-this:decided', r, { once: true }));
            el.record = l.case;
            el.context = l.context ?? null;
            await decided;
            return performance.now() - t;
          },
          lines[i % lines.length],
        ),
      );
    }
    const times = await page.evaluate(async (lines) => {
      const Panel = customElements.get('who-owns-this');
      const el = document.querySelector('who-owns-this');
      // The policy arrived above: from here on the panel decides with no fetch at all.
      const decider = Panel.policyLoader.load(Panel.policyLoader.defaultSrc);
      if (typeof decider.present !== 'function') throw new Error('the policy is not loaded');
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const out = { record: [], presentation: [], decide: [] };
      // Warm up, then interleave: record -> decision -> rendered; a ready presentation -> rendered;
      // and decide() + present() alone.
      for (const l of lines.slice(0, 10)) {
        el.record = l.case;
        el.context = l.context ?? null;
        await el.updateComplete;
      }
      for (const l of lines) {
        await frame();
        let t = performance.now();
        el.presentation = null;
        el.record = l.case;
        el.context = l.context ?? null;
        await el.updateComplete;
        out.record.push(performance.now() - t);
        const p = decider.present({ case: l.case, context: l.context ?? null });
        el.record = null;
        await el.updateComplete;
        await frame();
        t = performance.now();
        el.presentation = p;
        await el.updateComplete;
        out.presentation.push(performance.now() - t);
        t = performance.now();
        decider.present({ case: l.case, context: l.context ?? null });
        out.decide.push(performance.now() - t);
        el.presentation = null;
      }
      return out;
    }, lines);
    const ms = (xs) => `${median(xs).toFixed(2)} ms`;
    console.log(`\n## <who-owns-this>: record data to rendered decision in Chromium (median of ${n} ~1 KB cases)`);
    console.log('| path | median |');
    console.log('|---|---:|');
    console.log(
      `| once per page: first record -> fetch + parse policy (served from memory, no network) -> decide + render (median of ${loads} page loads) | ${ms(first)} |`,
    );
    console.log(`| record + context -> decide + present + render, policy loaded (this panel) | ${ms(times.record)} |`);
    console.log(`| ready presentation -> render only (baseline) | ${ms(times.presentation)} |`);
    console.log(`| decide() + present() alone, no DOM (baseline) | ${ms(times.decide)} |`);
  } finally {
    await browser.close();
  }
}
