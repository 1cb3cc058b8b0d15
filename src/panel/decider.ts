/**
 * The rules engine as the panel's decider: decide() then present(), with a policy given as data. The
 * policy is not in this module: the panel fetches it once per URL (by default default-policy.json beside
 * the bundle, the shipped policy validated and stripped of notes at build time) or the host hands it over.
 */
import { decide } from '../rules/decide.js';
import type { Policy } from '../rules/policy.js';
import { categoryLabel, present } from '../rules/present.js';
import type { Decider, PolicyLoader } from './who-owns-this.js';

/** A light shape check: the full zod validation runs at build time and in `sf whoowns policy check`. */
function asPolicy(value: unknown): Policy {
  const p = value as Partial<Record<keyof Policy, unknown>> | null;
  const ok =
    typeof p === 'object' &&
    p !== null &&
    Array.isArray(p.signals) &&
    Array.isArray(p.context) &&
    Array.isArray(p.rules) &&
    typeof p.owners === 'object' &&
    p.owners !== null &&
    typeof p.alarms === 'object' &&
    p.alarms !== null;
  if (!ok) throw new Error('not a routing policy (signals, context, rules, owners and alarms expected)');
  return value as Policy;
}

/** The decider of one policy (plain JSON, as default-policy.json holds it). */
export function deciderFor(policy: unknown): Decider {
  const p = asPolicy(policy);
  return {
    present: (line) => present(decide(line, p), line, p),
    categoryLabel: (category) => categoryLabel(category, p),
  };
}

const loaded = new Map<string, { promise: Promise<Decider>; decider?: Decider }>();

/** The decider of the policy at `src`, fetched once per URL: the decider itself once it has arrived. */
function load(src: string): Decider | Promise<Decider> {
  const hit = loaded.get(src);
  if (hit) return hit.decider ?? hit.promise;
  const entry: { promise: Promise<Decider>; decider?: Decider } = {
    promise: (async () => {
      const res = await fetch(src, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`${src} answered ${res.status}`);
      return deciderFor(await res.json());
    })().then(
      (d) => (entry.decider = d),
      (e: unknown) => {
        loaded.delete(src); // a later panel may try again
        throw e;
      },
    ),
  };
  loaded.set(src, entry);
  return entry.promise;
}

/** What define.ts plugs into the panel: the engine, and the shipped policy file beside this module. */
export const policyLoader: PolicyLoader = {
  defaultSrc: new URL('./default-policy.json', import.meta.url).href,
  fromPolicy: deciderFor,
  load,
};
