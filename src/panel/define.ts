/**
 * `<script type="module" src="who-owns-this.js">`: registers `<who-owns-this>` deciding with the shipped
 * rules in the browser. The only module with side effects; the class imports without them.
 */
import { shippedDecider } from './decider.js';
import { WhoOwnsThis } from './who-owns-this.js';

export { WhoOwnsThis } from './who-owns-this.js';
export { shippedDecider } from './decider.js';
export * from './events.js';

WhoOwnsThis.defaultDecider ??= shippedDecider;
if (!customElements.get('who-owns-this')) customElements.define('who-owns-this', WhoOwnsThis);
