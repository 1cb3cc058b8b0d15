// test/shared-data is the repository's copy of ../shared/data, used when a clone has no ../shared beside it.
// Beside ../shared, the copy must be exactly the same files, so figures never depend on which one was read.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { besideClone, keptCopy, sharedFiles } from '../../scripts/shared-data.js';

const beside = existsSync(besideClone);

describe('the kept copy of the labeled example cases', () => {
  it('holds every file the tests, training and benchmarks read, with the data licence', () => {
    const files = readdirSync(keptCopy);
    for (const f of sharedFiles) expect(files).toContain(f);
    expect(files).toContain('LICENSE.bitext.CDLA-Sharing-1.0.txt');
  });

  (beside ? it : it.skip)('is byte-identical to ../shared/data, file for file', () => {
    expect(readdirSync(keptCopy).sort()).toEqual(readdirSync(besideClone).sort());
    for (const f of readdirSync(besideClone))
      expect(readFileSync(join(keptCopy, f)).equals(readFileSync(join(besideClone, f)))).toBe(true);
  });
});
