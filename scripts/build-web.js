#!/usr/bin/env node
/**
 * Builds the browser code (part of `npm run build`), each as one minified ES module:
 *
 *   lib/panel/who-owns-this.js       <who-owns-this> deciding in the browser: Lit + panel + rules + policy
 *   lib/panel/who-owns-this-view.js  <who-owns-this> rendering a presentation decided elsewhere: Lit + panel
 *   lib/console/assets/console.js    the local org's Lightning-style console (pages + panel + rules)
 *   lib/console/assets/console.css
 *
 * The rules come from the generated lwc/ownershipRules (npm run build:lwc): decide(), present() and the
 * shipped policy, validated at generation and free of zod, so the browser, the Salesforce panel and the
 * CLI run the same code.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesIndex = join(root, 'src', 'rules', 'index.ts');
const generatedRules = join(root, 'force-app', 'main', 'default', 'lwc', 'ownershipRules', 'ownershipRules.js');

/** src/rules/index.ts (which validates with zod at load) becomes the generated, pre-validated library. */
const generatedRulesPlugin = {
  name: 'who-owns-this-generated-rules',
  setup(b) {
    b.onResolve({ filter: /rules\/index\.js$/ }, async (a) => {
      const r = await b.resolve(a.path.replace(/\.js$/, '.ts'), { resolveDir: a.resolveDir, kind: a.kind });
      return r.path === rulesIndex ? { path: generatedRules } : undefined;
    });
  },
};

export const BUNDLES = {
  panel: { entry: 'src/panel/define.ts', out: 'lib/panel/who-owns-this.js' },
  view: { entry: 'src/panel/define-view.ts', out: 'lib/panel/who-owns-this-view.js' },
  console: { entry: 'src/console/client/main.ts', out: 'lib/console/assets/console.js' },
};

/** Bundles one entry; `write: false` returns the text (the bench measures it). */
export async function bundle(name, { write = true, minify = true } = {}) {
  const { entry, out } = BUNDLES[name];
  const result = await build({
    entryPoints: [join(root, entry)],
    outfile: join(root, out),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    sourcemap: write ? 'linked' : false,
    write,
    absWorkingDir: root,
    logLevel: 'warning',
    plugins: [generatedRulesPlugin],
  });
  return write ? undefined : result.outputFiles.find((f) => f.path.endsWith('.js')).text;
}

async function main() {
  await Promise.all(Object.keys(BUNDLES).map((name) => bundle(name)));
  await mkdir(join(root, 'lib', 'console', 'assets'), { recursive: true });
  await copyFile(
    join(root, 'src', 'console', 'client', 'console.css'),
    join(root, 'lib', 'console', 'assets', 'console.css'),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
