import { describe, expect, it } from 'vitest';
import {
  findJurisdiction,
  findTitle,
  findPeriod,
  findReportDate,
  findReportingBody,
  isChrome,
} from './metadata';

describe('findReportDate', () => {
  it('prefers a printed 填报日期 to a 截至 date printed above it', () => {
    expect(
      findReportDate(['（截至2020年11月30日）', '填报单位：某州督查室　　填报日期：2020年12月3日']),
    ).toBe('2020-12-03');
  });
  it('reads a numeric 填报日期', () => {
    expect(findReportDate(['截至2020年11月30日', '填报日期：2020.12.3'])).toBe('2020-12-03');
  });
  it('falls back to the 截至 date', () => {
    expect(findReportDate(['某市民生实事推进情况', '截至2021年9月30日'])).toBe('2021-09-30');
  });
});

describe('isChrome', () => {
  it('keeps a paragraph of the text that ends with a contact line', () => {
    expect(
      isChrome(
        '今年市政府确定集中办好3个方面9件民生实事，请于每月5日前报送进展情况。联系电话：0412-2223456。',
      ),
    ).toBe(false);
    expect(isChrome('联系电话：0412-2223456')).toBe(true);
    expect(isChrome('版权所有：某市人民政府　ICP备0000号')).toBe(true);
  });
});

describe('findJurisdiction', () => {
  it('takes the name the plan itself uses when the heading gives it with its parent', () => {
    expect(findJurisdiction('重庆市渝北区人民政府办公室关于印发渝北区2025年重点民生实事的通知', null)).toBe(
      '渝北区',
    );
    expect(findJurisdiction('重庆市渝北区2025年重点民生实事', null)).toBe('重庆市渝北区');
    expect(findJurisdiction('鞍山市人民政府关于印发2019年全市重点民生实事项目的通知', null)).toBe('鞍山市');
  });
});

describe('a 填报单位 line that also holds a 截止时间', () => {
  it('ends the body at the 截止时间 label and reads the period from it', () => {
    const line = '填报单位：某市政府督查室                截止时间：2018年10月31日';
    expect(findReportingBody([line])).toBe('某市政府督查室');
    expect(findPeriod([line], 2018)).toBe('2018-10');
  });
});

describe('a navigation bar above the title', () => {
  it('is not joined to the title', () => {
    expect(
      findTitle(['某市人民政府 信息公开 政务服务', '某市人民政府关于印发2024年民生实事项目的通知']),
    ).toBe('某市人民政府关于印发2024年民生实事项目的通知');
  });
});
