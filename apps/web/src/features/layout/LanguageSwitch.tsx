import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n';

/** One button: 中文 ⇄ English; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLocale(next)}
      aria-label={`${t('app.language')}: ${t('app.switchTo')}`}
      lang={next}
    >
      {t('app.switchTo')}
    </Button>
  );
}
