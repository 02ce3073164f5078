import { describe, expect, it } from 'vitest';
import { formatChineseNumber, formatDate, formatQuantity } from './format';

describe('formatDate', () => {
  it('writes dates as officials do', () => {
    expect(formatDate('2020-09-25', 'zh-CN')).toBe('2020年9月25日');
    expect(formatDate('2015-11-30', 'en-US')).toBe('30 Nov 2015');
    expect(formatDate(null, 'zh-CN')).toBe('');
  });
  it('takes the local day of a timestamp', () => {
    const local = new Date(2026, 10, 23, 9, 30).toISOString();
    expect(formatDate(local, 'zh-CN')).toBe('2026年11月23日');
  });
});

describe('formatQuantity', () => {
  it('uses 万 and 亿 the way documents do', () => {
    expect(formatQuantity(120000000, '元', 'zh-CN')).toBe('1.2亿元');
    expect(formatQuantity(87000000, '元', 'zh-CN')).toBe('8700万元');
    expect(formatQuantity(89000, '平方米', 'zh-CN')).toBe('8.9万平方米');
    expect(formatQuantity(2200, '人', 'zh-CN')).toBe('2200人');
    expect(formatQuantity(95.5, '%', 'zh-CN')).toBe('95.5%');
    expect(formatChineseNumber(10600)).toBe('1.06万');
  });
  it('never shows a long decimal', () => {
    expect(formatQuantity(1 / 3, '公里', 'zh-CN')).toBe('0.3333公里');
    expect(formatQuantity(123456789, '元', 'zh-CN')).toBe('1.2346亿元');
  });
  it('groups digits in English', () => {
    expect(formatQuantity(120000000, '元', 'en-US')).toBe('120,000,000 元');
  });
});
