import { describe, expect, it } from 'vitest';
import { findInlineDeadline, parseDeadline } from './parse-deadline';

describe('parseDeadline', () => {
  const cases: Array<[string, number | null, string | null, string | null]> = [
    // text as printed, plan year, expected text, expected date
    ['11月', 2015, '11月', '2015-11-30'],
    ['一季度末', 2015, '一季度末', '2015-03-31'],
    ['一季\n度末', 2015, '一季度末', '2015-03-31'],
    ['二季\n度末', 2015, '二季度末', '2015-06-30'],
    ['7月底', 2015, '7月底', '2015-07-31'],
    ['7月末', 2015, '7月末', '2015-07-31'],
    ['10月末', 2015, '10月末', '2015-10-31'],
    ['10月中旬', 2020, '10月中旬', '2020-10-20'],
    ['10月上旬', 2020, '10月上旬', '2020-10-10'],
    ['9月下旬', 2020, '9月下旬', '2020-09-30'],
    ['2月', 2020, '2月', '2020-02-29'],
    ['上半年', 2015, '上半年', '2015-06-30'],
    ['年底前', 2015, '年底前', '2015-12-31'],
    ['全年', 2015, '全年', '2015-12-31'],
    ['12月底', 2015, '12月底', '2015-12-31'],
    ['年内', 2015, '年内', '2015-12-31'],
    ['11月\n底前', 2015, '11月底前', '2015-11-30'],
    ['全年\n（三年工程）', 2015, '全年（三年工程）', '2015-12-31'],
    ['2017-2019年', 2017, '2017-2019年', '2017-12-31'],
    ['2020年9月底', null, '2020年9月底', '2020-09-30'],
    ['２０１９年１１月底', null, '2019年11月底', '2019-11-30'],
    ['2021年12月底', 2021, '2021年12月底', '2021-12-31'],
    ['2019年秋季开学前', 2019, '2019年秋季开学前', null],
    ['视项目进度', 2019, '视项目进度', null],
    ['2019年汛期前', 2019, '2019年汛期前', null],
    ['11月', null, '11月', null],
    ['三季度', 2017, '三季度', '2017-09-30'],
    ['2023.12', 2023, '2023.12', '2023-12-31'],
    ['2023-06-30', 2023, '2023-06-30', '2023-06-30'],
    ['6月30日前', 2023, '6月30日前', '2023-06-30'],
    ['9-10月', 2023, '9-10月', '2023-10-31'],
    ['今年底', 2023, '今年底', '2023-12-31'],
    ['长期', 2023, '长期', null],
  ];
  it.each(cases)('%j in %s → %s / %s', (text, year, expectedText, expectedDate) => {
    expect(parseDeadline(text, year)).toEqual({ text: expectedText, date: expectedDate });
  });

  it('reads a year end with the work word after it', () => {
    expect(parseDeadline('2023年底前完成', 2023)?.date).toBe('2023-12-31');
    expect(parseDeadline('2022年底前建成', 2022)?.date).toBe('2022-12-31');
    expect(parseDeadline('6.30前', 2022)?.date).toBe('2022-06-30');
    expect(parseDeadline('12/31', 2022)?.date).toBe('2022-12-31');
  });

  it('gives null for an empty cell', () => {
    expect(parseDeadline('  \n ', 2015)).toBeNull();
  });
});

describe('findInlineDeadline', () => {
  it('reads the time phrase of a clause that ends the sentence with a verb', () => {
    expect(findInlineDeadline('新增学位3600个，2019年8月底前完成。')).toBe('2019年8月底前');
    expect(findInlineDeadline('新建农村公路300公里，年底前完成。')).toBe('年底前');
    expect(findInlineDeadline('新增泊位5000个，三季度完成。')).toBe('三季度');
    expect(findInlineDeadline('整治易涝点12处，汛期前完成。')).toBe('汛期前');
    expect(findInlineDeadline('新建公园2个，6月底前建成。')).toBe('6月底前');
    expect(findInlineDeadline('新建学校2所，确保2019年底前完成。')).toBe('2019年底前');
    expect(findInlineDeadline('改造管网，并于6月底前全部建成。')).toBe('6月底前');
    expect(findInlineDeadline('维修校舍，秋季开学前完成。')).toBe('秋季开学前');
  });
  it('leaves baselines, ranges, periods and reporting rules alone', () => {
    expect(findInlineDeadline('由2015年末的30%提高到40%')).toBeNull();
    expect(findInlineDeadline('2023—2025年新建学校5所')).toBeNull();
    expect(findInlineDeadline('建设工期为2017年4月至2021年5月')).toBeNull();
    expect(findInlineDeadline('每季度末报送进展')).toBeNull();
  });
});
