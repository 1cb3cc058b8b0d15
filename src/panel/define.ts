/**
 * `<script type="module" src="who-owns-this.js">`: registers `<who-owns-this>` deciding in the browser with
 * the rules engine; the policy is data it fetches once (default-policy.json beside this module, or the
 * panel's `policy-src`), or the host sets `policy`. The only module with side effects; the class imports
 * without them.
 */
import { policyLoader } from './decider.js';
import { WhoOwnsThis } from './who-owns-this.js';

export { WhoOwnsThis } from './who-owns-this.js';
export { deciderFor, policyLoader } from './decider.js';
export * from './events.js';

WhoOwnsThis.policyLoader ??= policyLoader;
if (!customElements.get('who-owns-this')) customElements.define('who-owns-this', WhoOwnsThis);
