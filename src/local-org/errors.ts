/**
 * Salesforce-shaped API errors. The REST API answers an error as a JSON array
 * `[{ message, errorCode, fields }]` with an HTTP status; sObject Collections report per record
 * `{ success: false, errors: [{ statusCode, message, fields }] }`.
 */
export type ErrorCode =
  | 'INVALID_SESSION_ID'
  | 'NOT_FOUND'
  | 'MALFORMED_QUERY'
  | 'INVALID_FIELD'
  | 'INVALID_TYPE'
  | 'REQUIRED_FIELD_MISSING'
  | 'DUPLICATE_VALUE'
  | 'STRING_TOO_LONG'
  | 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
  | 'FIELD_INTEGRITY_EXCEPTION'
  | 'INVALID_FIELD_FOR_INSERT_UPDATE'
  | 'INVALID_ID_FIELD'
  | 'MALFORMED_ID'
  | 'INVALID_QUERY_LOCATOR'
  | 'JSON_PARSER_ERROR'
  | 'INVALID_TYPE_ON_FIELD_IN_RECORD'
  | 'ENTITY_IS_DELETED'
  | 'ALL_OR_NONE_OPERATION_ROLLED_BACK'
  | 'METHOD_NOT_ALLOWED'
  | 'EXCEEDED_ID_LIMIT'
  | 'INVALID_INPUT'
  | 'INVALID_EMAIL_ADDRESS'
  | 'DELETE_FAILED'
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'MISSING_ARGUMENT'
  | 'INVALID_TYPE_FOR_OPERATION'
  | 'UNKNOWN_EXCEPTION';

export class ApiError extends Error {
  public constructor(
    public readonly status: number,
    public readonly errorCode: ErrorCode,
    message: string,
    public readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The REST body: `[{ message, errorCode, fields }]`. */
  public toBody(): Array<{ message: string; errorCode: ErrorCode; fields: string[] }> {
    return [{ message: this.message, errorCode: this.errorCode, fields: this.fields }];
  }

  /** The per-record shape used by sObject Collections. */
  public toSaveError(): { statusCode: ErrorCode; message: string; fields: string[] } {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields };
  }
}

/** SOQL problems are 400 MALFORMED_QUERY unless they name a field or object that does not exist. */
export const malformedQuery = (message: string): ApiError => new ApiError(400, 'MALFORMED_QUERY', message);
export const invalidField = (message: string): ApiError => new ApiError(400, 'INVALID_FIELD', message);
export const invalidType = (message: string): ApiError => new ApiError(400, 'INVALID_TYPE', message);
