// Benchmark of the <who-owns-this> panel: the size of its JavaScript (minified, gzipped) and the time from
/* global customElements, document, requestAnimationFrame -- page.evaluate callbacks run in the browser */
// record data to rendered decision in Debian's Chromium, each against a baseline measured in the same run.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { bundle, root } from '../build-web.js';
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

export async function benchPanel({ quick = false } = {}) {
  const full = await bundle('panel', { write: false });
  const view = await bundle('view', { write: false });
  const lit = await litOnly();
  console.log('\n## <who-owns-this> panel: JavaScript size (esbuild --minify, gzip -9); target under 40 KB');
  const rows = [
    ['lit alone (baseline: LitElement, html, css)', lit],
    ['who-owns-this-view.js: Lit + panel, renders a decision made elsewhere', view],
    ['who-owns-this.js: Lit + panel + rules + shipped policy, decides in the browser', full],
  ];
  for (const [label, text] of rows) console.log(`| ${label} | ${KB(text.length)} min | ${KB(gz(text))} gzip |`);

  const n = quick ? 30 : 200;
  const lines = realisticCases(1024).slice(0, n);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="host"></div></body></html>');
    await page.addScriptTag({ type: 'module', content: full });
    await page.waitForFunction(() => customElements.get('who-owns-this'));
    const times = await page.evaluate(async (lines) => {
      const Panel = customElements.get('who-owns-this');
      const el = document.createElement('who-owns-this');
      document.getElementById('host').append(el);
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
        const p = Panel.defaultDecider.present({ case: l.case, context: l.context ?? null });
        el.record = null;
        await el.updateComplete;
        await frame();
        t = performance.now();
        el.presentation = p;
        await el.updateComplete;
        out.presentation.push(performance.now() - t);
        t = performance.now();
        Panel.defaultDecider.present({ case: l.case, context: l.context ?? null });
        out.decide.push(performance.now() - t);
        el.presentation = null;
      }
      return out;
    }, lines);
    const ms = (xs) => `${median(xs).toFixed(2)} ms`;
    console.log(`\n## <who-owns-this>: record data to rendered decision in Chromium (median of ${n} ~1 KB cases)`);
    console.log(`| record + context -> decide + present + render (this panel) | ${ms(times.record)} |`);
    console.log(`| ready presentation -> render only (baseline) | ${ms(times.presentation)} |`);
    console.log(`| decide() + present() alone, no DOM (baseline) | ${ms(times.decide)} |`);
  } finally {
    await browser.close();
  }
}
