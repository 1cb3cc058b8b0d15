/** The routing decision: pure, synchronous, no I/O. Everything else shows, records or counts it. */

import { decide as decideWith } from './decide.js';
import defaultModelJson from './default-model.json' with { type: 'json' };
import defaultPolicyJson from './default-policy.json' with { type: 'json' };
import { type Policy, parsePolicy } from './policy.js';
import type { Decision } from './schema.js';

export * from './model.js';
export { usesModel } from './decide.js';
export * from './policy.js';
export * from './present.js';
export * from './schema.js';

function loadDefault(): Policy {
  const r = parsePolicy({ ...defaultPolicyJson, model: defaultModelJson });
  if (!r.ok) throw new Error(`default policy is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.policy;
}

/** The shipped policy (src/rules/default-policy.json) with the shipped model (default-model.json), validated once at load. */
export const defaultPolicy: Policy = loadDefault();

/** Decides who owns one case line `{case, context}`. Never throws on any JSON value. */
export function decide(input: unknown, policy: Policy = defaultPolicy): Decision {
  return decideWith(input, policy);
}

/** A policy as an admin's file gives it: without a `model` key it gets the shipped model. */
export function withDefaultModel(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'model' in value) return value;
  return { ...value, model: defaultModelJson };
}
