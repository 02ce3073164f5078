import { Tooltip } from 'antd';
import { useI18n, type Translate } from '../i18n/i18n';
import { formatQuantity } from '../i18n/format';
import type { Locale } from '../i18n/i18n';
import { splitByIndicators } from './indicator-spans';

export interface IndicatorView {
  text: string;
  subject: string | null;
  value: number;
  valueMax?: number | null;
  unit: string | null;
  comparator: '=' | '>=' | '<=' | 'range';
  baseline: number | null;
}

/** "不少于 1.2亿元", "1500元 – 5000元", "由 30% 提高到 50%". */
export function describeTarget(indicator: IndicatorView, t: Translate, locale: Locale): string {
  const value = formatQuantity(indicator.value, indicator.unit, locale);
  let target = value;
  if (indicator.comparator === 'range' && indicator.valueMax != null) {
    target = `${value} – ${formatQuantity(indicator.valueMax, indicator.unit, locale)}`;
  } else if (indicator.comparator === '>=' || indicator.comparator === '<=') {
    target = `${t(`indicator.cmp.${indicator.comparator}`)} ${value}`;
  }
  if (indicator.baseline != null) {
    target = `${t('indicator.baseline', { from: formatQuantity(indicator.baseline, indicator.unit, locale) })} ${target}`;
  }
  return target;
}

/** A task's sentence with each indicator's span marked; hover or focus shows the parsed target. */
export function IndicatorText({
  content,
  indicators,
}: {
  content: string;
  indicators: readonly IndicatorView[];
}) {
  const { t, locale } = useI18n();
  const segments = splitByIndicators(content, indicators);
  return (
    <span className="task-content">
      {segments.map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>;
        const { indicator } = segment;
        const label = `${indicator.subject ?? t('indicator.subject')}：${describeTarget(indicator, t, locale)}`;
        return (
          <Tooltip key={i} title={label}>
            <mark className="indicator" aria-label={`${segment.text}（${label}）`} tabIndex={-1}>
              {segment.text}
            </mark>
          </Tooltip>
        );
      })}
    </span>
  );
}
