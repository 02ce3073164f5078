import { describe, expect, it } from 'vitest';
import { splitSearchTerms } from '../services/public/public.service';
import { escapeLike } from '../repositories/public.repository';
import { formatAmount, formatPercent } from './format';
import { html, trusted } from './html';
import { snippet } from './pages';

describe('html``', () => {
  it('escapes every interpolation unless it is Html', () => {
    const evil = `<script>alert(1)</script>"'&\``;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&#96;">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&#96;</p>',
    );
    expect(html`<div>${html`<b>${'<i>'}</b>`}${trusted('<hr>')}</div>`.value).toBe(
      '<div><b>&lt;i&gt;</b><hr></div>',
    );
  });

  it('joins arrays and prints nothing for null, undefined and false', () => {
    expect(
      html`<ul>
        ${['<a>', 2].map((x) => html`<li>${x}</li>`)}${null}${undefined}${false}
      </ul>`.value.replace(/\s+/g, ''),
    ).toBe('<ul><li>&lt;a&gt;</li><li>2</li></ul>');
  });
});

describe('snippet', () => {
  it('marks every term in the window, escaping the text around and inside the marks', () => {
    expect(snippet('新建<幼儿园>5所，新增学位1840个', ['幼儿园', '学位']).value).toBe(
      '新建&lt;<mark>幼儿园</mark>&gt;5所，新增<mark>学位</mark>1840个',
    );
  });
  it('centres a long text on the first match with ellipses', () => {
    const text = `${'甲'.repeat(100)}幼儿园${'乙'.repeat(100)}`;
    const out = snippet(text, ['幼儿园'], 40).value;
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('<mark>幼儿园</mark>');
  });
});

describe('search terms', () => {
  it('splits on spaces and Chinese punctuation, deduplicated', () => {
    expect(splitSearchTerms(' 幼儿园  新建，就业、幼儿园 ')).toEqual(['幼儿园', '新建', '就业']);
    expect(splitSearchTerms('')).toEqual([]);
  });
  it('escapes LIKE wildcards', () => {
    expect(escapeLike('100%_\\')).toBe('100\\%\\_\\\\');
  });
});

describe('numbers as officials write them', () => {
  it('uses 万 and 亿', () => {
    expect(formatAmount(8700)).toBe('8700');
    expect(formatAmount(106000)).toBe('10.6万');
    expect(formatAmount(250000000)).toBe('2.5亿');
    expect(formatPercent(0.905)).toBe('90.5%');
  });
});
