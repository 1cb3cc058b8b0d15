// One temporary directory for the whole run. Every test, child process and local-org server writes its
// scratch files (CLI homes, SQLite orgs, reports) under os.tmpdir(); pointing TMPDIR here before the
// workers start puts them all in one place that global-teardown.js removes, so runs leave nothing behind.
// The labeled example cases are checked first, so a clone without them fails once, saying what to do,
// rather than in a dozen tests at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSharedData } from '../scripts/shared-data.js';

export default function globalSetup() {
  checkSharedData();
  const dir = mkdtempSync(join(tmpdir(), 'whoowns-test-run-'));
  process.env.WHOOWNS_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
}
