import { ApiError } from '../api/client';
import { errorMessage, translate, type Locale } from './i18n';

/**
 * What to tell the user about a failure: the catalogue's message for the code in the current
 * language; then the server's own message; network trouble and malformed answers get ours.
 */
export function describeError(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK_ERROR') return translate(locale, 'app.networkError');
    if (error.code === 'BAD_RESPONSE') return translate(locale, 'app.unexpected');
    const fromCatalog = errorMessage(locale, error.code);
    const base = fromCatalog ?? (locale === 'en-US' ? error.messageEn : error.messageZh) ?? error.message;
    // Validation details say which field; show the first few.
    const details = error.details
      .slice(0, 3)
      // A bare "Required" needs its field; the importer's messages already say which row.
      .map((d) => (d.path && error.code === 'VALIDATION_FAILED' ? `${d.path}: ${d.message}` : d.message))
      .filter(Boolean);
    if (!details.length) return base;
    return locale === 'en-US' ? `${base} (${details.join('; ')})` : `${base}（${details.join('；')}）`;
  }
  return translate(locale, 'app.unexpected');
}
