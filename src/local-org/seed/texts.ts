/**
 * Case texts for the demo org, written from templates with slots so a few hundred cases read like a
 * real B2B support inbox: routine work for each owner and the four alarms, in several voices.
 */
import type { Random } from './random.js';
import type { Kind } from './template.js';
import { ALARMS } from './templates-alarms.js';
import { ROUTINE } from './templates-routine.js';

export type { Kind } from './template.js';

export const TEMPLATES = [...ROUTINE, ...ALARMS];

const SLOTS = {
  month: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  quarter: ['Q1', 'Q2', 'Q3', 'Q4'],
  person: ['Amara', 'Jonas', 'Ingrid', 'Rafael', 'Mei', 'Patrick', 'Yusuf', 'Elena'],
  competitor: ['Contoso Logistics', 'Fabrikam Devices', 'Tailspin Systems', 'Litware Supply'],
  feature: [
    'a dark mode for the dashboard',
    'bulk editing of device names',
    'an export button on the map view',
    'shift handover notes',
  ],
};

const GREETINGS = ['', '', 'Hi team,\n\n', 'Hello,\n\n', 'Good morning,\n\n'];
const CLOSINGS = ['', '', '\n\nThanks', '\n\nRegards', '\n\nThank you for your help'];

export interface CaseText {
  kind: Kind;
  Subject: string;
  Description: string;
  Type: string;
  Reason: string;
  Priority: string;
}

/** One case text of the given kind, with its slots filled. */
export function caseText(r: Random, kind: Kind, context: { city: string; products: readonly string[] }): CaseText {
  const template = r.pick(TEMPLATES.filter((t) => t.kind === kind));
  const slots = {
    ...SLOTS,
    // One value per case, so the subject and the description name the same order.
    order: [`PO-${r.int(40000, 49999)}`],
    invoice: [`INV-${r.int(20000, 29999)}`],
    lot: [`L${r.int(1000, 9999)}`],
    n: [String(r.int(2, 12))],
    big: [String(r.int(3, 40) * 25)],
    amount: [`EUR ${r.int(2, 50) * 1000}`],
    month: [r.pick(SLOTS.month)],
    product: [r.pick(context.products)],
    city: [context.city],
  };
  const body = r.fill(r.pick(template.bodies), slots);
  return {
    kind,
    Subject: r.fill(r.pick(template.subjects), slots),
    Description: `${r.pick(GREETINGS)}${body}${r.pick(CLOSINGS)}`,
    Type: template.type,
    Reason: template.reason,
    Priority: template.priority,
  };
}
