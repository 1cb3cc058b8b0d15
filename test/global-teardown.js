// Removes the run's temporary directory (global-setup.js) once every test file has finished. Set
// WHOOWNS_KEEP_TMP=1 to keep it for a look at what a failing test wrote.
import { rmSync } from 'node:fs';

export default function globalTeardown() {
  const dir = process.env.WHOOWNS_TEST_TMPDIR;
  if (!dir) return;
  if (process.env.WHOOWNS_KEEP_TMP) console.log(`\nkept the test run's files in ${dir}`);
  else rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
