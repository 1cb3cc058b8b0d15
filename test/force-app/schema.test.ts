/** Every metadata file of force-app, checked against the Metadata API schema (see schema.ts). */
import { relative } from 'node:path';
import { root } from '../helpers/cli.js';
import { filesUnder, forceApp, readXml } from './metadata.js';
import { loadSchema, validate } from './schema.js';

const schema = loadSchema();
const files = filesUnder(forceApp, '-meta.xml');

describe('force-app metadata against the Metadata API schema', () => {
  it('knows the types it checks', () => {
    for (const type of ['Flow', 'PermissionSet', 'Report', 'Dashboard', 'ReportType', 'FlexiPage', 'CustomField'])
      expect(schema.types.get(type)?.length).toBeGreaterThan(3);
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s', (_, path) => {
    expect(validate(schema, readXml(path))).toEqual([]);
  });
});
