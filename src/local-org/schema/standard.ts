/**
 * The standard objects the product needs, with the fields it and a Salesforce admin use, their
 * Salesforce API names, labels, lengths and default picklist values. Custom fields from force-app are
 * merged into these by the loader.
 */
import {
  autoNumber,
  checkbox,
  field,
  lookup,
  ownerField,
  picklist,
  readOnly,
  required,
  systemFields,
  text,
  textArea,
} from './fields.js';
import type { ObjectDef } from './types.js';

type StandardObject = Omit<ObjectDef, 'childRelationships'>;

const std = (name: string, label: string, labelPlural: string, keyPrefix: string, fields: ObjectDef['fields']) => ({
  name,
  label,
  labelPlural,
  keyPrefix,
  custom: false,
  fields: [...systemFields(), ...fields],
});

const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
];

const ACCOUNT_TYPES = [
  'Prospect',
  'Customer - Direct',
  'Customer - Channel',
  'Channel Partner / Reseller',
  'Installation Partner',
  'Technology Partner',
  'Other',
];

/** The full name Salesforce derives from first and last name (Contact.Name, User.Name). */
const fullName = () => readOnly(field('Name', 'Full Name', 'string', { length: 121, calculated: true }));

export const account: StandardObject = std('Account', 'Account', 'Accounts', '001', [
  required(text('Name', 'Account Name')),
  text('AccountNumber', 'Account Number', 40),
  picklist('Type', 'Account Type', ACCOUNT_TYPES),
  picklist('Industry', 'Industry', INDUSTRIES),
  picklist('Rating', 'Account Rating', ['Hot', 'Warm', 'Cold']),
  field('Phone', 'Account Phone', 'phone', { length: 40 }),
  field('Website', 'Website', 'url', { length: 255 }),
  text('BillingCity', 'Billing City', 40),
  text('BillingCountry', 'Billing Country', 80),
  field('NumberOfEmployees', 'Employees', 'int', { precision: 8, scale: 0 }),
  field('AnnualRevenue', 'Annual Revenue', 'currency', { precision: 18, scale: 0 }),
  textArea('Description', 'Account Description'),
  lookup('ParentId', 'Parent Account ID', ['Account'], 'Parent', 'ChildAccounts'),
  ownerField(['User']),
]);

export const contact: StandardObject = std('Contact', 'Contact', 'Contacts', '003', [
  text('FirstName', 'First Name', 40),
  required(text('LastName', 'Last Name', 80)),
  fullName(),
  lookup('AccountId', 'Account ID', ['Account'], 'Account', 'Contacts'),
  field('Email', 'Email', 'email', { length: 80 }),
  field('Phone', 'Business Phone', 'phone', { length: 40 }),
  text('Title', 'Title', 128),
  text('Department', 'Department', 80),
  ownerField(['User']),
]);

export const user: StandardObject = std('User', 'User', 'Users', '005', [
  required(text('Username', 'Username', 80, { unique: true, caseSensitive: false })),
  text('FirstName', 'First Name', 40),
  required(text('LastName', 'Last Name', 80)),
  fullName(),
  required(field('Email', 'Email', 'email', { length: 128 })),
  required(text('Alias', 'Alias', 8)),
  text('CommunityNickname', 'Nickname', 40),
  checkbox('IsActive', 'Active', true),
  text('Title', 'Title', 80),
  text('Department', 'Department', 80),
  text('CompanyName', 'Company Name', 80),
  picklist('UserType', 'User Type', ['Standard', 'Guest'], { defaultValue: 'Standard', updateable: false }),
  picklist('TimeZoneSidKey', 'Time Zone', ['GMT', 'Europe/London', 'America/New_York', 'America/Los_Angeles'], {
    defaultValue: 'GMT',
  }),
  picklist('LocaleSidKey', 'Locale', ['en_US', 'en_GB'], { defaultValue: 'en_US' }),
  picklist('LanguageLocaleKey', 'Language', ['en_US'], { defaultValue: 'en_US' }),
  picklist('EmailEncodingKey', 'Email Encoding', ['UTF-8', 'ISO-8859-1'], { defaultValue: 'UTF-8' }),
  lookup('ManagerId', 'Manager ID', ['User'], 'Manager', 'ManagedUsers'),
]);

export const group: StandardObject = std('Group', 'Group', 'Groups', '00G', [
  required(text('Name', 'Name', 40)),
  text('DeveloperName', 'Developer Name', 80),
  picklist('Type', 'Type', ['Regular', 'Queue', 'Role', 'Organization'], { defaultValue: 'Regular' }),
  field('Email', 'Email', 'email', { length: 255 }),
  checkbox('DoesSendEmailToMembers', 'Send Email to Members'),
  ownerField(['User']),
]);

const CASE_STATUSES = ['New', 'Working', 'Escalated', 'Closed'];
/** Status values that count as closed, as Salesforce's default Case status settings. */
export const CLOSED_CASE_STATUSES = new Set(['Closed']);

export const kase: StandardObject = std('Case', 'Case', 'Cases', '500', [
  autoNumber('CaseNumber', 'Case Number', '{00000000}', 1000),
  text('Subject', 'Subject'),
  textArea('Description', 'Description'),
  picklist('Type', 'Case Type', ['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other']),
  picklist('Reason', 'Case Reason', [
    'Installation',
    'Equipment Complexity',
    'Performance',
    'Breakdown',
    'Equipment Design',
    'Feedback',
    'Other',
  ]),
  picklist('Priority', 'Priority', ['High', 'Medium', 'Low'], { defaultValue: 'Medium' }),
  picklist('Origin', 'Case Origin', ['Phone', 'Email', 'Web']),
  picklist('Status', 'Status', CASE_STATUSES, { defaultValue: 'New' }),
  checkbox('IsEscalated', 'Escalated'),
  readOnly(checkbox('IsClosed', 'Closed', false, { calculated: true })),
  readOnly(field('ClosedDate', 'Closed Date', 'datetime', { calculated: true })),
  lookup('AccountId', 'Account ID', ['Account'], 'Account', 'Cases'),
  lookup('ContactId', 'Contact ID', ['Contact'], 'Contact', 'Cases'),
  lookup('ParentId', 'Parent Case ID', ['Case'], 'Parent', 'Cases'),
  ownerField(['Group', 'User']),
  field('SuppliedEmail', 'Web Email', 'email', { length: 80 }),
  text('SuppliedName', 'Web Name', 80),
  text('SuppliedCompany', 'Web Company', 80),
  field('SuppliedPhone', 'Web Phone', 'phone', { length: 40 }),
]);

/** The org itself: one read-only record, which the sf CLI queries after login. */
export const organization: StandardObject = std(
  'Organization',
  'Organization',
  'Organizations',
  '00D',
  [
    text('Name', 'Name', 80),
    text('InstanceName', 'Instance Name', 5),
    checkbox('IsSandbox', 'Is Sandbox'),
    field('TrialExpirationDate', 'Trial Expiration Date', 'datetime'),
    text('NamespacePrefix', 'Namespace Prefix', 15),
    picklist('OrganizationType', 'Edition', ['Developer Edition', 'Enterprise Edition', 'Unlimited Edition']),
    text('Country', 'Country', 80),
    text('LanguageLocaleKey', 'Language', 40),
    text('DefaultLocaleSidKey', 'Locale', 40),
    text('TimeZoneSidKey', 'Time Zone', 40),
  ].map(readOnly),
);

export const standardObjects: StandardObject[] = [account, contact, user, group, kase, organization];
