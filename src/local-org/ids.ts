/**
 * Salesforce record ids: a 3-character key prefix, 12 more case-sensitive base-62 characters (15 in
 * all), and a 3-character suffix that encodes which of the first 15 are upper case, so the 18-character
 * form survives case-insensitive tools.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX[bits];
  }
  return suffix;
}

/** The id for the n-th record of an object: prefix + pod "8W" + n in base 62, padded to 15, + suffix. */
export function makeId(keyPrefix: string, n: number): string {
  let digits = '';
  let v = Math.floor(n);
  do {
    digits = BASE62[v % 62] + digits;
    v = Math.floor(v / 62);
  } while (v > 0);
  const id15 = keyPrefix + '8W' + digits.padStart(10, '0');
  return id15 + checksumSuffix(id15);
}

const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/** The 18-character form of a 15- or 18-character id, or undefined when it is not an id. */
export function normalizeId(id: string): string | undefined {
  if (!ID_SHAPE.test(id)) return undefined;
  const id15 = id.slice(0, 15);
  const full = id15 + checksumSuffix(id15);
  if (id.length === 18 && id.slice(15).toUpperCase() !== full.slice(15)) return undefined;
  return full;
}
