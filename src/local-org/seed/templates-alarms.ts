/** Case texts for the four fire alarms: churn risk, product safety, ethics violations and service breaches. */
import { T, type Template } from './template.js';

export const ALARMS: Template[] = [
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
