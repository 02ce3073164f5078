import { describe, expect, it } from 'vitest';
import { documentXmlToSource } from './docx-reader';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function body(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${inner}<w:sectPr/></w:body></w:document>`;
}

const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

function tc(inner: string, properties = ''): string {
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${inner}</w:tc>`;
}

describe('documentXmlToSource', () => {
  it('joins runs; w:br and w:cr become line breaks, w:tab a tab; deleted text and field codes are dropped', () => {
    const xml = body(
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>吉林省人民政府关于</w:t></w:r><w:r><w:t>2017年</w:t></w:r>` +
        `<w:r><w:br/><w:t>民生实事</w:t><w:tab/><w:t>的安排意见</w:t><w:cr/></w:r>` +
        `<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>` +
        `<w:r><w:instrText> PAGE </w:instrText></w:r><w:ins><w:r><w:t>补充</w:t></w:r></w:ins></w:p>` +
        `<w:p/>`,
    );
    expect(documentXmlToSource(xml).blocks).toEqual([
      { kind: 'paragraph', text: '吉林省人民政府关于2017年\n民生实事\t的安排意见\n补充' },
    ]);
  });

  it('reads tables in body order with gridSpan, vMerge restart/continue and multi-paragraph cells', () => {
    const xml = body(
      p('附件') +
        `<w:tbl><w:tblPr/><w:tblGrid/>` +
        `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(p('序号'))}${tc(p('类别'))}${tc(p('内容'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc(p('1'))}${tc(p('就') + p('业') + p('（5项）'), '<w:vMerge w:val="restart"/>')}${tc(p('发放贷款'))}${tc(p('11月'))}</w:tr>` +
        `<w:tr>${tc(p('2'))}${tc('<w:p/>', '<w:vMerge/>')}${tc(p('扩大就业'))}${tc(p('11月'))}</w:tr>` +
        `<w:tr>${tc(p('3'))}${tc('<w:p/>', '<w:vMerge w:val="continue"/>')}${tc(p('培训'))}${tc(p('12月') + '<w:p/>')}</w:tr>` +
        `</w:tbl>` +
        p('抄送'),
    );
    expect(documentXmlToSource(xml).blocks).toEqual([
      { kind: 'paragraph', text: '附件' },
      {
        kind: 'table',
        rows: [
          { cells: [{ text: '序号' }, { text: '类别' }, { text: '内容', colSpan: 2 }] },
          {
            cells: [{ text: '1' }, { text: '就\n业\n（5项）' }, { text: '发放贷款' }, { text: '11月' }],
          },
          {
            cells: [
              { text: '2' },
              { text: '', mergedFromAbove: true },
              { text: '扩大就业' },
              { text: '11月' },
            ],
          },
          { cells: [{ text: '3' }, { text: '', mergedFromAbove: true }, { text: '培训' }, { text: '12月' }] },
        ],
      },
      { kind: 'paragraph', text: '抄送' },
    ]);
  });

  it('flattens a nested table into lines of its cell and looks through content controls', () => {
    const nested = `<w:tbl><w:tr>${tc(p('市人社局'))}${tc(p('牵头'))}</w:tr><w:tr>${tc(p('开发区'))}${tc(p('配合'))}</w:tr></w:tbl>`;
    const xml = body(
      `<w:sdt><w:sdtPr/><w:sdtContent>${p('标题')}</w:sdtContent></w:sdt>` +
        `<w:tbl><w:tr>${tc(p('1'))}${tc(nested + '<w:p/>')}</w:tr></w:tbl>`,
    );
    expect(documentXmlToSource(xml).blocks).toEqual([
      { kind: 'paragraph', text: '标题' },
      { kind: 'table', rows: [{ cells: [{ text: '1' }, { text: '市人社局 牵头\n开发区 配合' }] }] },
    ]);
  });

  it('keeps grid alignment for rows starting with gridBefore', () => {
    const xml = body(
      `<w:tbl><w:tr>${tc(p('a'))}${tc(p('b'))}</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('c'))}</w:tr></w:tbl>`,
    );
    const table = documentXmlToSource(xml).blocks[0];
    expect(table).toEqual({
      kind: 'table',
      rows: [{ cells: [{ text: 'a' }, { text: 'b' }] }, { cells: [{ text: '' }, { text: 'c' }] }],
    });
  });
});
