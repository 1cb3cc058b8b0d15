/** The shipped rules as the panel's decider: decide() then present(), with the shipped policy. */
import { categoryLabel, decide, defaultPolicy, present } from '../rules/index.js';
import type { Decider } from './who-owns-this.js';

export const shippedDecider: Decider = {
  present: (line) => present(decide(line), line, defaultPolicy),
  categoryLabel: (category) => categoryLabel(category, defaultPolicy),
};
