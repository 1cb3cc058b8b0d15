// Realistic benchmark cases: the labeled example cases, each description grown to about 1 KB with the
// quoted history of other cases (as an email thread would carry), deterministically.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../shared-data.js';

export function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}

export function realisticCases(size = 1024) {
  const rows = [
    ...readJsonl(join(sharedData, 'dev-cases.jsonl')),
    ...readJsonl(join(sharedData, 'nhtsa-safety.jsonl')),
  ];
  return rows.map((row, i) => {
    let text = row.case.Description ?? '';
    for (let j = i; text.length < size; j = (j + 7) % rows.length) {
      text += `\n\n> ${rows[(j + 1) % rows.length].case.Description ?? ''}`;
    }
    return { case: { ...row.case, Description: text.slice(0, size) }, context: row.context };
  });
}
