/**
 * `<script type="module" src="who-owns-this-view.js">`: registers `<who-owns-this>` without the rules, for
 * hosts that decide elsewhere (a server, a worker) and set `presentation`: a fraction of the size.
 */
import { WhoOwnsThis } from './who-owns-this.js';

export { WhoOwnsThis } from './who-owns-this.js';
export * from './events.js';

if (!customElements.get('who-owns-this')) customElements.define('who-owns-this', WhoOwnsThis);
