/**
 * Case texts for the demo org, written from templates with slots so a few hundred cases read like a
 * real B2B support inbox: routine work for each owner and the four alarms, in several voices.
 */
import type { Random } from './random.js';

export type Kind =
  | 'customer_service'
  | 'client_success'
  | 'account_executive'
  | 'churn_risk'
  | 'product_safety'
  | 'service_breach'
  | 'ethics_violation';

interface Template {
  kind: Kind;
  type: string;
  reason: string;
  priority: 'High' | 'Medium' | 'Low';
  subjects: string[];
  bodies: string[];
}

const T = (
  kind: Kind,
  type: string,
  reason: string,
  priority: Template['priority'],
  subjects: string[],
  bodies: string[],
): Template => ({
  kind,
  type,
  reason,
  priority,
  subjects,
  bodies,
});

export const TEMPLATES: Template[] = [
  T(
    'customer_service',
    'Other',
    'Other',
    'Medium',
    ['Where is order {order}?', 'Order {order} not delivered yet', 'Tracking for {order}'],
    [
      'Order {order} for {n} {product}s was due on {day} and has not arrived. The tracking page has not updated since it left the depot. Can you check where it is and send the tracking number?',
      'Delivery of order {order} has not shown up. Could you confirm the delivery date? The site in {city} needs the {product}s by the end of next week.',
    ],
  ),
  T(
    'customer_service',
    'Other',
    'Other',
    'Low',
    ['Copy of invoice {invoice}', 'Need invoice {invoice} resent'],
    [
      'Our accounts team needs a copy of invoice {invoice} for {month}. The original went to {person}, who has since left. Please resend it to this address.',
      'Could you resend invoice {invoice}? It is not in the portal and our finance team is closing {month}.',
    ],
  ),
  T(
    'customer_service',
    'Mechanical',
    'Breakdown',
    'Medium',
    ['Return for {n} damaged {product}s', 'Damaged on arrival: {product}'],
    [
      'We received {n} {product}s with cracked casings in the last delivery. How do we return them for a refund or replacement? Photos attached.',
      'Two of the {product}s in order {order} arrived with broken clips. Please arrange a return and send replacements.',
    ],
  ),
  T(
    'customer_service',
    'Other',
    'Other',
    'Medium',
    ['Password reset link expired', 'Cannot log in to the portal'],
    [
      '{person} cannot log in to the customer portal. The password reset email link says it has expired. Can you send a new one?',
      'Locked out of the portal after the password change this morning. Please unlock the account for {person}.',
    ],
  ),
  T(
    'customer_service',
    'Other',
    'Other',
    'Low',
    ['Charged twice for {month}', 'Duplicate payment on our card'],
    [
      'Our card was charged twice for the {month} subscription. Please refund the duplicate payment and confirm by email.',
      'The {month} payment went through twice. Can you refund one of them? Reference {invoice}.',
    ],
  ),
  T(
    'customer_service',
    'Other',
    'Other',
    'High',
    ['Suspicious email asking to change bank details', 'Phishing email using your name'],
    [
      'Someone emailed our accounts payable clerk claiming to be from your billing team and asked us to change your bank details. We think it is phishing. Can you confirm your details have not changed?',
      'A caller pretending to be your support desk asked {person} for our portal password. Nobody gave it out. Please flag it and tell us what to watch for.',
    ],
  ),
  T(
    'customer_service',
    'Other',
    'Other',
    'Low',
    ['Change of delivery address', 'New billing address'],
    [
      'Please update our delivery address to the new warehouse in {city} from next month. Orders already placed can go to the old address.',
      'Our billing address has changed; the new one is on the attached letterhead. Please update it before the next invoice.',
    ],
  ),
  T(
    'client_success',
    'Other',
    'Feedback',
    'Low',
    ['Usage report for {month}', 'Monthly activity report by site'],
    [
      'Could you send the usage report for {month}, broken down by site? We want to compare {city} with the other depots.',
      'Please export the activity report for {month} for our operations review. A CSV is fine.',
    ],
  ),
  T(
    'client_success',
    'Other',
    'Other',
    'Low',
    ['Export all scan data to CSV', 'Data export for our BI team'],
    [
      'Our BI team needs an export of all scan events since {month} as CSV so they can load it into their own dashboards.',
      'Can we get a data export of the {product} logs for the last quarter? Our analysts want to run their own reports.',
    ],
  ),
  T(
    'client_success',
    'Other',
    'Equipment Complexity',
    'Medium',
    ['Training for new starters', 'Onboarding session for the {city} team'],
    [
      'We have {n} new starters in {city} next month. Can you run a training session on the {product} and the portal?',
      'The {city} team has changed and nobody knows how to set up the {product} reports. Could we book an onboarding session?',
    ],
  ),
  T(
    'client_success',
    'Other',
    'Equipment Complexity',
    'Low',
    ['Help configuring alert thresholds', 'How to configure approval workflow'],
    [
      'How do we configure the temperature alert thresholds on the {product}? We want a warning at 6 degrees instead of 8.',
      'We would like help configuring the approval workflow so that orders over {amount} need a second sign-off.',
    ],
  ),
  T(
    'client_success',
    'Other',
    'Other',
    'Low',
    ['Renewal paperwork', 'Order form and W-9 for renewal'],
    [
      'Procurement needs the renewal paperwork: the updated order form and your W-9. Our renewal date is in {month}.',
      'Please send the renewal documents for signature. Legal has already approved the same terms as last year.',
    ],
  ),
  T(
    'client_success',
    'Other',
    'Feedback',
    'Low',
    ['QBR data for {quarter}', 'Numbers for our quarterly review'],
    [
      'Could you pull the numbers for our {quarter} business review: uptime, ticket volume and adoption by site?',
      'For the {quarter} QBR we need adoption figures by team and the top five support topics.',
    ],
  ),
  T(
    'client_success',
    'Other',
    'Feedback',
    'Low',
    ['Feature request: {feature}', 'Suggestion: {feature}'],
    [
      'Feature request: {feature}. It would save our supervisors a lot of time at the end of each shift.',
      'Not urgent, but our team keeps asking for {feature}. Is it on the roadmap?',
    ],
  ),
  T(
    'account_executive',
    'Other',
    'Other',
    'Medium',
    ['Pricing for {n} additional sites', 'Quote for more {product}s'],
    [
      'We are opening {n} new sites next year and want pricing for another {big} {product}s with the same service level.',
      'Can you send a quote for expanding to the {city} region? We are looking at roughly {big} more devices.',
    ],
  ),
  T(
    'account_executive',
    'Other',
    'Other',
    'Medium',
    ['Contract terms: liability cap', 'Questions on the master agreement'],
    [
      'Our legal team wants to revisit the liability cap and the termination for convenience clause before we sign the extension.',
      'Before the extension goes to the board we need to discuss the payment terms and the price increase in year two.',
    ],
  ),
  T(
    'account_executive',
    'Other',
    'Other',
    'High',
    ['Our team has not delivered the data yet', 'Go-live slipping on our side'],
    [
      'Our team still has not provided the historical data files you asked for, so the go-live in {city} has slipped again. We need a plan to get this back on track.',
      'Honestly the delay is on us: we never assigned the staff for the integration work. The rollout is at risk unless we agree who does what.',
    ],
  ),
  T(
    'account_executive',
    'Other',
    'Feedback',
    'Medium',
    ['Reviewing options ahead of renewal', 'Looking at other vendors'],
    [
      'Ahead of the renewal in {month} our procurement team will be reviewing other vendors, including {competitor}. Please set up time to talk about our options.',
      'Heads up: the new COO wants us to look at {competitor} before we renew. Nothing has gone wrong, it is just policy.',
    ],
  ),
  T(
    'churn_risk',
    'Electronic',
    'Performance',
    'High',
    ['Third outage this month, we are done', 'Cancelling after repeated failures'],
    [
      'This is the third time this month the {product}s have gone offline and nobody has fixed the root cause. We are cancelling the contract at the end of the term and moving to {competitor}.',
      'Again the same failure, the fourth time since {month}. We will not renew. Please send the termination paperwork.',
    ],
  ),
  T(
    'churn_risk',
    'Other',
    'Performance',
    'High',
    ['Late again, we will switch suppliers', 'Moving our volume elsewhere'],
    [
      'Once again the delivery is late, every week for two months now. We are switching to {competitor} for all new orders.',
      'Yet another missed shipment, the fifth in a row. We are moving our volume to another supplier from next quarter.',
    ],
  ),
  T(
    'product_safety',
    'Electrical',
    'Breakdown',
    'High',
    ['{product} caught fire', 'Smoke from the {product} overnight'],
    [
      'The {product} in bay {n} caught fire overnight and a cleaner burned her hand putting it out. The unit is isolated. We need someone here today.',
      'Smoke was coming from the {product} during the night shift and the area was evacuated. Nobody was hurt but the casing is scorched.',
    ],
  ),
  T(
    'product_safety',
    'Mechanical',
    'Equipment Design',
    'High',
    ['Units that failed QA were shipped', 'Known defect still going out'],
    [
      'Our inspector found that the {product}s in lot {lot} failed QA at your plant and were shipped anyway. Your supervisor told the line to ship them.',
      'You confirmed a known defect in the latch of the {product}, but the latest delivery still has the defective part.',
    ],
  ),
  T(
    'product_safety',
    'Other',
    'Breakdown',
    'High',
    ['Contaminated batch', 'Foreign material found in delivery'],
    [
      'We found metal fragments in batch {lot} and have quarantined it. Two customers reported the same. This looks like contamination at source.',
      'The cold-chain logger shows the batch sat above temperature for twelve hours and was still delivered. Contamination risk, please advise urgently.',
    ],
  ),
  T(
    'ethics_violation',
    'Other',
    'Other',
    'High',
    ['Your rep offered a kickback', 'Inappropriate offer from your sales rep'],
    [
      'Your sales rep offered our buyer a kickback if we signed the extension before quarter end. We recorded the call.',
      'One of your account staff suggested a bribe to our procurement lead to win the tender. This is unacceptable.',
    ],
  ),
  T(
    'ethics_violation',
    'Other',
    'Other',
    'High',
    ['Service records were falsified', 'Backdated maintenance records'],
    [
      'The maintenance records for {month} were backdated. Your technician logged visits on days when site access shows nobody came.',
      'We have evidence your field team falsified the inspection records on the {product}s at our {city} site.',
    ],
  ),
  T(
    'ethics_violation',
    'Other',
    'Other',
    'High',
    ['Waste dumped near our site', 'Your contractor dumped effluent'],
    [
      'Your contractor was seen dumping waste oil into the drain behind our {city} depot. The council is asking questions.',
      'Residents report your crew dumped effluent into the creek after the refit. We need an explanation today.',
    ],
  ),
  T(
    'service_breach',
    'Other',
    'Other',
    'High',
    ['Nobody answers the support line', 'Weeks without a reply from support'],
    [
      'For three weeks now nobody answers the support line. Every call goes to voicemail and every email goes unanswered. We are still waiting for a callback.',
      'We have been on hold for over an hour every day this week, and again today. Still no response to ticket {invoice} after two weeks.',
    ],
  ),
];

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
