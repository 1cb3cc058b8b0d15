// One temporary directory for the whole run. Every test, child process and local-org server writes its
// scratch files (CLI homes, SQLite orgs, reports) under os.tmpdir(); pointing TMPDIR here before the
// workers start puts them all in one place that global-teardown.js removes, so runs leave nothing behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'whoowns-test-run-'));
  process.env.WHOOWNS_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
}
