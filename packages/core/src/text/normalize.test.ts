import { describe, expect, it } from 'vitest';
import { compactText, fullWidthBrackets, parseChineseNumber, toHalfWidth } from './normalize';

describe('normalisation', () => {
  it('makes full-width digits and letters half-width, keeps ％ and ＋', () => {
    expect(toHalfWidth('２０１７年４Ｇ网络１００％')).toBe('2017年4G网络100％');
    expect(compactText('吉林 “互联网＋公安 ”')).toBe('吉林“互联网＋公安”');
  });
  it('removes line breaks and layout spaces, keeps one between Latin words', () => {
    expect(compactText('市食药\n监局')).toBe('市食药监局');
    expect(compactText('就\n业\n增\n收\n（5项）')).toBe('就业增收（5项）');
    expect(compactText('All   Rights  Reserved')).toBe('All Rights Reserved');
    expect(compactText('[bookmark: _GoBack]已安装')).toBe('已安装');
  });
  it('reads Chinese numerals', () => {
    expect(parseChineseNumber('二十八')).toBe(28);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十一')).toBe(11);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('二〇一七')).toBe(2017);
    expect(parseChineseNumber('２８')).toBe(28);
    expect(parseChineseNumber('多')).toBeNull();
  });
  it('makes brackets full-width', () => {
    expect(fullWidthBrackets('各县(市)区')).toBe('各县（市）区');
  });
});
