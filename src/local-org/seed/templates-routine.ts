/** Routine B2B case texts: Customer Service, Client Success and the AE's commercial and strategic work. */
import { T, type Template } from './template.js';

export const ROUTINE: Template[] = [
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
];
