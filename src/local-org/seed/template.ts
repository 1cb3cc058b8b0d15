/** The shape of a case-text template: an owner or alarm, its picklist values, and subject and body variants with {slots}. */
export type Kind =
  | 'customer_service'
  | 'client_success'
  | 'account_executive'
  | 'churn_risk'
  | 'product_safety'
  | 'service_breach'
  | 'ethics_violation';

export interface Template {
  kind: Kind;
  type: string;
  reason: string;
  priority: 'High' | 'Medium' | 'Low';
  subjects: string[];
  bodies: string[];
}

export const T = (
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
