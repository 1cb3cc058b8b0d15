#!/usr/bin/env node
/**
 * Builds the browser code (part of `npm run build`), each as one minified ES module:
 *
 *   lib/panel/who-owns-this.js       <who-owns-this> deciding in the browser: Lit + panel + rules engine
 *   lib/panel/who-owns-this-view.js  <who-owns-this> rendering a presentation decided elsewhere: Lit + panel
 *   lib/panel/default-policy.json    the shipped policy as data, fetched once by the deciding panel
 *   lib/console/assets/console.js    the local org's Lightning-style console (pages + panel + rules engine)
 *   lib/console/assets/console.css, lib/console/assets/default-policy.json (the same policy file)
 *
 * The engine is src/rules' decide() and present(), which take the policy as an argument and never import
 * zod. The policy is not JavaScript: default-policy.json is exactly the policy the generated
 * lwc/ownershipRules embeds (npm run build:lwc: validated with the zod schema, notes stripped), read back
 * from that file, so the browser, the Salesforce panel and the CLI decide alike. The Salesforce library
 * keeps it embedded (a Lightning component cannot fetch an arbitrary file).
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generatedRules = join(root, 'force-app', 'main', 'default', 'lwc', 'ownershipRules', 'ownershipRules.js');

/** The browser code carries the engine only: not src/rules/index.ts (zod, the policy JSON) nor zod. */
const noPolicyInCodePlugin = {
  name: 'who-owns-this-no-policy-in-code',
  setup(b) {
    b.onResolve({ filter: /(rules\/index\.js|default-policy\.json|^zod(\/.*)?)$/ }, (a) => ({
      errors: [{ text: `${a.path} must not be bundled for the browser (the policy is fetched as data)` }],
    }));
  },
};

/** The JSON text of the policy embedded in the generated lwc/ownershipRules (self-contained ES module). */
export async function policyJson() {
  const code = await readFile(generatedRules, 'utf8');
  const { defaultPolicy } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return JSON.stringify(defaultPolicy);
}

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
    plugins: [noPolicyInCodePlugin],
  });
  return write ? undefined : result.outputFiles.find((f) => f.path.endsWith('.js')).text;
}

async function main() {
  await Promise.all(Object.keys(BUNDLES).map((name) => bundle(name)));
  await mkdir(join(root, 'lib', 'console', 'assets'), { recursive: true });
  const policy = await policyJson();
  await writeFile(join(root, 'lib', 'panel', 'default-policy.json'), policy);
  // Beside console.js too: the panel's default policy URL is relative to the module that holds it.
  await writeFile(join(root, 'lib', 'console', 'assets', 'default-policy.json'), policy);
  await copyFile(
    join(root, 'src', 'console', 'client', 'console.css'),
    join(root, 'lib', 'console', 'assets', 'console.css'),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
