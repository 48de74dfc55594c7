import type { FormInstance } from 'antd';
import type { ApiError } from '../../shared/api';

/**
 * Shows an API error beside the form field it names, when the form has that field; otherwise
 * returns the message for the form's own alert.
 */
export function showApiError(form: FormInstance, error: ApiError): string | null {
  const field = error.field;
  if (field && form.getFieldInstance(field.split('.')) !== undefined) {
    form.setFields([{ name: field.split('.'), errors: [error.message] }]);
    return null;
  }
  return error.message;
}
