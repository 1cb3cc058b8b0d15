/**
 * What every API request shares, whichever resource answers it: reading the body with a size limit,
 * and counting the call against the org's daily API requests (for /limits and Sforce-Limit-Info).
 */
import type { IncomingMessage } from 'node:http';
import type { Org } from './context.js';

/** The body as text; rejects with `tooLarge()` (and drops the connection) past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number, tooLarge: () => Error): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** One more API request today (the count starts again each UTC day). */
export function countApiCall(org: Org): void {
  const day = new Date().toISOString().slice(0, 10);
  if (org.usage.day !== day) org.usage = { day, used: 0 };
  org.usage.used++;
}
