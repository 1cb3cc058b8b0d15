/**
 * Reduces one or more errors (UI API reads and writes, GraphQL, network, JavaScript) to the messages a
 * person reads. The one error presentation of the Who Owns This components.
 * @param {*} errors a FetchResponse, a GraphQL error, an Error, or an array of them
 * @return {string[]} messages, without duplicates or empty strings
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list.filter(Boolean).flatMap((error) => {
    const body = error.body;
    // UI API read errors: body is an array of { errorCode, message }
    if (Array.isArray(body)) return body.map((e) => e && e.message);
    // UI API DML errors: page-level errors and field errors
    const output = body && body.output;
    if (output) {
      const fieldMessages = Object.values(output.fieldErrors || {})
        .flat()
        .map((e) => e && e.message);
      const pageMessages = (output.errors || []).map((e) => e && e.message);
      if (fieldMessages.length + pageMessages.length > 0) return [...pageMessages, ...fieldMessages];
    }
    // UI API DML, Apex and network errors
    if (body && typeof body.message === 'string') return [body.message];
    // GraphQL errors and JavaScript errors
    if (typeof error.message === 'string') return [error.message];
    if (typeof error === 'string') return [error];
    return [error.statusText];
  });
  return [...new Set(messages.filter((m) => typeof m === 'string' && m !== ''))];
}

/**
 * The error codes of a UI API write error (page-level and field-level), e.g. ['DUPLICATE_VALUE'].
 * @param {*} error a FetchResponse from createRecord / updateRecord
 * @return {string[]}
 */
export function errorCodes(error) {
  const output = error && error.body && error.body.output;
  if (!output) return [];
  const fieldErrors = Object.values(output.fieldErrors || {}).flat();
  return [...(output.errors || []), ...fieldErrors].map((e) => e && e.errorCode).filter(Boolean);
}
