/**
 * Where an interrupted triage stopped: a JSON file under the sf config directory
 * (~/.sf/whoowns/triage-<hash>.json), one per org, condition and mode, recording the last case Id
 * (cases are read in Id order) whose chunk was fully written, and the counts so far. Written after
 * every chunk, atomically (write then rename), so a kill -9 leaves the last good state.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Global } from '@salesforce/core';

export interface TriageCounts {
  assessed: number;
  byOwner: Record<string, number>;
  byAlarm: Record<string, number>;
  routineOnAe: number;
  /** The first routine cases found on AEs (Id, CaseNumber, Subject, suggested owner). */
  routineOnAeCases: Array<{ id: string; caseNumber: string | null; subject: string | null; suggested: string }>;
  updated: number;
  updateFailed: number;
  escalationsCreated: number;
  escalationsExisting: number;
  escalationsFailed: number;
  apiCalls: number;
}

export interface TriageState {
  version: 1;
  orgId: string;
  where: string;
  apply: boolean;
  /** Cases with a greater Id are still to do. */
  lastId: string;
  done: boolean;
  total: number;
  counts: TriageCounts;
  updatedAt: string;
}

export const emptyCounts = (): TriageCounts => ({
  assessed: 0,
  byOwner: {},
  byAlarm: {},
  routineOnAe: 0,
  routineOnAeCases: [],
  updated: 0,
  updateFailed: 0,
  escalationsCreated: 0,
  escalationsExisting: 0,
  escalationsFailed: 0,
  apiCalls: 0,
});

export function stateFile(orgId: string, where: string, apply: boolean): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([orgId.slice(0, 15), where.trim(), apply]))
    .digest('hex');
  return join(Global.SF_DIR, 'whoowns', `triage-${hash.slice(0, 16)}.json`);
}

export function readState(file: string): TriageState | undefined {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as TriageState;
    return s.version === 1 ? s : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: TriageState): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...state, updatedAt: new Date().toISOString() }, null, 2));
  renameSync(tmp, file);
}
