import { describe, expect, it } from 'vitest';
import { looksLikeUnitList, parseUnits } from './parse-units';

const names = (text: string): string[] =>
  parseUnits(text).map((u) => `${u.name}${u.role === 'lead' ? '*' : ''}`);

describe('parseUnits', () => {
  it('splits on line breaks, the first leads', () => {
    expect(names('市人社局\n各县(市)区\n开发区')).toEqual(['市人社局*', '各县（市）区', '开发区']);
  });
  it('joins a name wrapped across lines', () => {
    expect(names('市食药\n监局')).toEqual(['市食药监局*']);
  });
  it('drops layout spaces inside a name', () => {
    expect(names('残  联\n民政局')).toEqual(['残联*', '民政局']);
  });
  it('splits on 、，, and / but not inside brackets', () => {
    expect(names('市住建局、各县（市、区）政府')).toEqual(['市住建局*', '各县（市、区）政府']);
    expect(names('市教育局/市财政局,市人社局')).toEqual(['市教育局*', '市财政局', '市人社局']);
  });
  it('reads 牵头 / 配合 labels', () => {
    expect(parseUnits('牵头单位：市教育局；配合单位：市财政局、市人社局')).toEqual([
      { name: '市教育局', role: 'lead' },
      { name: '市财政局', role: 'co' },
      { name: '市人社局', role: 'co' },
    ]);
  });
  it('reads names set apart by spaces and (牵头) marks', () => {
    expect(names('市人社局 市财政局')).toEqual(['市人社局*', '市财政局']);
    expect(names('市教育局、市财政局（牵头）')).toEqual(['市财政局*', '市教育局']);
  });
  it('gives [] for a blank cell', () => {
    expect(parseUnits(' \n ')).toEqual([]);
  });
});

describe('looksLikeUnitList', () => {
  it.each([
    ['人社局、各开发区', true],
    ['总工会', true],
    ['责任单位：市住建局、各县（市、区）政府', true],
    ['市、区', false],
    ['唐氏筛查和四维彩超', false],
    ['9.6万平方米', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeUnitList(text)).toBe(expected);
  });
});
