import { describe, expect, it } from 'vitest';
import { createUnitMatcher, guessUnitKind, normalizeUnitName, normalizedUnitForms } from './unit-matching';

describe('normalizeUnitName', () => {
  it('drops the jurisdiction prefix, a leading 市/县/区 and width differences', () => {
    expect(normalizeUnitName('市人社局', '吉林市')).toBe('人社局');
    expect(normalizeUnitName('吉林市人社局', '吉林市')).toBe('人社局');
    expect(normalizeUnitName('吉林 人社局', '吉林市')).toBe('人社局');
    expect(normalizeUnitName('各县(市)区', '吉林市')).toBe(normalizeUnitName('各县（市）区', '吉林市'));
    expect(normalizedUnitForms('市市政公用局', '吉林市')).toContain('市政公用局');
    expect(normalizedUnitForms('市政公用局', '吉林市')).toContain('市政公用局');
    expect(normalizedUnitForms('平罗县教育局', '平罗县')).toEqual(['县教育局', '教育局']);
  });
});

describe('createUnitMatcher', () => {
  const match = createUnitMatcher(
    [
      { id: 1, name: '市人社局', aliases: ['人力资源和社会保障局'] },
      { id: 2, name: '市教育局', aliases: [] },
      { id: 3, name: '教育局', aliases: [] },
    ],
    '吉林市',
  );
  it('prefers the exact name, then an alias, then the normal form', () => {
    expect(match('市人社局')).toEqual({ unitId: 1, unitName: '市人社局', method: 'exact', confidence: 1 });
    expect(match('人力资源和社会保障局')).toMatchObject({ unitId: 1, method: 'alias' });
    expect(match('人社局')).toMatchObject({ unitId: 1, method: 'normalized', confidence: 0.9 });
    expect(match('吉林市人社局')).toMatchObject({ unitId: 1, method: 'normalized' });
  });
  it('says when a normal form is ambiguous, and offers nothing for an unknown name', () => {
    expect(match('吉林教育局')).toMatchObject({ method: 'normalized', confidence: 0.5 });
    expect(match('市民政局')).toBeNull();
  });
});

describe('guessUnitKind', () => {
  it('tells lower governments and firms by their names', () => {
    expect(guessUnitKind('丰满区政府')).toBe('government');
    expect(guessUnitKind('梨树县')).toBe('government');
    expect(guessUnitKind('国网吉林供电公司')).toBe('enterprise');
    expect(guessUnitKind('市人社局')).toBe('department');
  });
});
