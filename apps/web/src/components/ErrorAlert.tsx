import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/i18n';
import { describeError } from '../i18n/error-text';

/** A failed load, in the user's language, with a retry button when one helps. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={describeError(error, locale)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
