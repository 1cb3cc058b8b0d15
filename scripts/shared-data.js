// Where the labeled example cases of ../shared/data live. The tests, training, figures and benchmarks read
// them from WHOOWNS_SHARED_DATA when it is set, else from ../shared/data beside this clone, else from the
// copy in test/shared-data (same files, licences included), so a clone anywhere runs the whole suite.
// test/rules/shared-copy.test.ts checks the copy against ../shared/data whenever both are there.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// jest's global setup loads this file through a CommonJS transform, where import.meta.url is undefined and
// __dirname is defined instead.
// eslint-disable-next-line no-undef -- only reached under that CommonJS transform
const here = import.meta.url ? dirname(fileURLToPath(import.meta.url)) : __dirname;
const root = join(here, '..');

/** ../shared/data beside the clone, and the copy kept in the repository. */
export const besideClone = join(root, '..', 'shared', 'data');
export const keptCopy = join(root, 'test', 'shared-data');

/** The files every data test, training run and benchmark needs. */
export const sharedFiles = ['dev-cases.jsonl', 'bitext-routine.jsonl', 'nhtsa-safety.jsonl'];

const complete = (dir) => sharedFiles.every((f) => existsSync(join(dir, f)));

export const sharedData = process.env.WHOOWNS_SHARED_DATA
  ? resolve(process.env.WHOOWNS_SHARED_DATA)
  : complete(besideClone)
    ? besideClone
    : keptCopy;

/** Throws an error that says what to do when a file of the shared data is missing. */
export function checkSharedData() {
  const missing = sharedFiles.filter((f) => !existsSync(join(sharedData, f)));
  if (missing.length === 0) return;
  throw new Error(
    `The labeled example cases are not at ${sharedData} (missing ${missing.join(', ')}). ` +
      'Set WHOOWNS_SHARED_DATA to the directory that holds them, or unset it to use ../shared/data or test/shared-data.',
  );
}
