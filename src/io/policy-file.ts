/** Loads an admin's policy file: JSON errors and schema errors both name where the problem is. */
import { readFile } from 'node:fs/promises';
import { SfError } from '@salesforce/core';
import { defaultPolicy, type Policy, parsePolicy, withDefaultModel } from '../rules/index.js';

export type PolicyProblem = {
  path: string;
  message: string;
};

export class PolicyFileError extends SfError<{ file: string; problems: PolicyProblem[] }> {
  public constructor(file: string, problems: PolicyProblem[]) {
    super(
      `The policy file ${file} is not valid:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
      'InvalidPolicy',
      [
        'Fix each path listed above; the shipped src/rules/default-policy.json is a valid example to copy from.',
        'Run "whoowns policy check --policy <file>" again to confirm.',
      ],
      1,
    );
    this.setData({ file, problems });
  }
}

/** The policy in `file`, or the shipped default when no file is given. */
export async function loadPolicy(file: string | undefined): Promise<Policy> {
  if (file === undefined) return defaultPolicy;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SfError(`Cannot read the policy file ${file}: ${(e as Error).message}`, 'PolicyFileUnreadable', [
      'Check the path and that the file is readable.',
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PolicyFileError(file, [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const r = parsePolicy(withDefaultModel(value));
  if (!r.ok) throw new PolicyFileError(file, r.errors);
  return r.policy;
}
