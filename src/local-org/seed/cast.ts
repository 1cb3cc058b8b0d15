/**
 * The demo org's people and companies: users in the four roles, the support queues, and B2B accounts
 * with their contacts. Names are invented.
 */
export type Role = 'agent' | 'account_manager' | 'account_executive' | 'sales_leader';

export interface DemoUser {
  key: string;
  first: string;
  last: string;
  role: Role;
}

/** Title and Department say the role, so reports can group by either. */
export const ROLE_TITLES: Record<Role, { title: string; department: string }> = {
  agent: { title: 'Customer Service Agent', department: 'Customer Service' },
  account_manager: { title: 'Account Manager', department: 'Client Success' },
  account_executive: { title: 'Account Executive', department: 'Sales' },
  sales_leader: { title: 'VP Sales', department: 'Sales Leadership' },
};

export const USERS: DemoUser[] = [
  { key: 'agent1', first: 'Priya', last: 'Raman', role: 'agent' },
  { key: 'agent2', first: 'Tomasz', last: 'Wilk', role: 'agent' },
  { key: 'agent3', first: 'Grace', last: 'Okafor', role: 'agent' },
  { key: 'am1', first: 'Lena', last: 'Brandt', role: 'account_manager' },
  { key: 'am2', first: 'Marcus', last: 'Hale', role: 'account_manager' },
  { key: 'ae1', first: 'Sofia', last: 'Marchetti', role: 'account_executive' },
  { key: 'ae2', first: 'Daniel', last: 'Cho', role: 'account_executive' },
  { key: 'leader', first: 'Ruth', last: 'Adeyemi', role: 'sales_leader' },
];

export const QUEUES = [
  { key: 'phone', name: 'Phone Support', developerName: 'Phone_Support', email: 'phone-support@example.com' },
  { key: 'email', name: 'Email Support', developerName: 'Email_Support', email: 'support@example.com' },
  { key: 'success', name: 'Client Success', developerName: 'Client_Success', email: 'success@example.com' },
];

export interface DemoAccount {
  name: string;
  industry: string;
  type: string;
  city: string;
  country: string;
  employees: number;
  /** Which AE owns it. */
  ae: 'ae1' | 'ae2';
  /** Heavy recent history: many cases and follow-ups in the last 90 days. */
  hot?: boolean;
  contacts: Array<[string, string, string]>;
}

export const ACCOUNTS: DemoAccount[] = [
  {
    name: 'Harbor Freight Systems',
    industry: 'Transportation',
    type: 'Customer - Direct',
    city: 'Rotterdam',
    country: 'Netherlands',
    employees: 1200,
    ae: 'ae1',
    hot: true,
    contacts: [
      ['Anneke', 'de Vries', 'Operations Director'],
      ['Joost', 'Bakker', 'Warehouse Manager'],
      ['Lotte', 'Smit', 'Accounts Payable'],
    ],
  },
  {
    name: 'Meridian Health Partners',
    industry: 'Healthcare',
    type: 'Customer - Direct',
    city: 'Leeds',
    country: 'United Kingdom',
    employees: 3400,
    ae: 'ae2',
    hot: true,
    contacts: [
      ['Helen', 'Ashworth', 'Head of Facilities'],
      ['Omar', 'Siddiqui', 'IT Manager'],
    ],
  },
  {
    name: 'Northwind Foods',
    industry: 'Food & Beverage',
    type: 'Customer - Direct',
    city: 'Lyon',
    country: 'France',
    employees: 850,
    ae: 'ae1',
    contacts: [
      ['Claire', 'Moreau', 'Quality Manager'],
      ['Julien', 'Petit', 'Procurement Lead'],
    ],
  },
  {
    name: 'Alder Robotics',
    industry: 'Machinery',
    type: 'Customer - Channel',
    city: 'Stuttgart',
    country: 'Germany',
    employees: 420,
    ae: 'ae2',
    contacts: [
      ['Katrin', 'Vogel', 'Plant Manager'],
      ['Felix', 'Braun', 'Maintenance Lead'],
    ],
  },
  {
    name: 'Bluewater Utilities',
    industry: 'Utilities',
    type: 'Customer - Direct',
    city: 'Dublin',
    country: 'Ireland',
    employees: 2100,
    ae: 'ae1',
    contacts: [
      ['Siobhan', 'Keane', 'Field Services Manager'],
      ['Declan', 'Murphy', 'Finance Controller'],
    ],
  },
  {
    name: 'Cobalt Retail Group',
    industry: 'Retail',
    type: 'Customer - Direct',
    city: 'Manchester',
    country: 'United Kingdom',
    employees: 5600,
    ae: 'ae2',
    contacts: [
      ['Natalie', 'Price', 'Store Operations'],
      ['Ben', 'Carter', 'Systems Analyst'],
    ],
  },
  {
    name: 'Summit Engineering Ltd',
    industry: 'Engineering',
    type: 'Customer - Direct',
    city: 'Aberdeen',
    country: 'United Kingdom',
    employees: 640,
    ae: 'ae1',
    contacts: [
      ['Fiona', 'Grant', 'Project Controls'],
      ['Callum', 'Reid', 'Site Supervisor'],
    ],
  },
  {
    name: 'Vantage Telecom',
    industry: 'Telecommunications',
    type: 'Customer - Channel',
    city: 'Madrid',
    country: 'Spain',
    employees: 1900,
    ae: 'ae2',
    contacts: [
      ['Lucía', 'Romero', 'Network Planning'],
      ['Diego', 'Navarro', 'Vendor Manager'],
    ],
  },
];

export const PRODUCTS = [
  'charging dock',
  'pallet scanner',
  'HX-200 controller',
  'label printer',
  'battery pack',
  'handheld terminal',
  'conveyor sensor',
  'cold-chain logger',
];
