/**
 * The limits of the pattern syntax and how a pattern splits into parts. Kept apart from the zod
 * schemas in policy.ts so that the matcher, and the LWC library generated from decide(), carry no zod.
 */
export const MAX_STEPS = 10;
export const MAX_GAP = 10;
export const MAX_ALTERNATIVE_WORDS = 6;

/** Splits a pattern into its parts: words, {alternatives} (which may hold spaces) and gaps. */
export function patternParts(pattern: string): string[] {
  return pattern.trim().match(/\{[^{}]*\}|[^\s{}]+|[{}]/g) ?? [];
}
