// Where the labeled example cases of ../shared/data live. The tests, training, figures and benchmarks read
// them from the directory beside this clone, or from WHOOWNS_SHARED_DATA when the clone is elsewhere.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// jest's global setup loads this file through a CommonJS transform, where import.meta.url is undefined and
// the working directory is the repository root.
const root = import.meta.url ? join(dirname(fileURLToPath(import.meta.url)), '..') : process.cwd();

export const sharedData = process.env.WHOOWNS_SHARED_DATA
  ? resolve(process.env.WHOOWNS_SHARED_DATA)
  : join(root, '..', 'shared', 'data');

/** The files every data test, training run and benchmark needs. */
export const sharedFiles = ['dev-cases.jsonl', 'bitext-routine.jsonl', 'nhtsa-safety.jsonl'];

/** Throws an error that says what to do when a file of the shared data is missing. */
export function checkSharedData() {
  const missing = sharedFiles.filter((f) => !existsSync(join(sharedData, f)));
  if (missing.length === 0) return;
  throw new Error(
    `The labeled example cases are not at ${sharedData} (missing ${missing.join(', ')}). ` +
      'Clone this repository beside ../shared, or set WHOOWNS_SHARED_DATA to the directory that holds them.',
  );
}
