import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumbering } from './docx-numbering';
import { documentXmlToSource } from './docx-reader';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const numberingXml = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

const para = (text: string, numId?: string, ilvl = 0): string =>
  `<w:p><w:pPr>${numId ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

const stylesXml = `<?xml version="1.0"?><w:styles ${W}>
<w:style w:type="paragraph" w:styleId="h1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="h1x"><w:basedOn w:val="h1"/></w:style>
</w:styles>`;

describe('docx automatic numbering', () => {
  it('numbers paragraphs through their style, and w:numId 0 turns numbering off', () => {
    const styled = (text: string, style: string, off = false): string =>
      `<w:p><w:pPr><w:pStyle w:val="${style}"/>${off ? '<w:numPr><w:numId w:val="0"/></w:numPr>' : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${
      styled('就业', 'h1') + styled('教育', 'h1x') + styled('附则', 'h1', true)
    }<w:sectPr/></w:body></w:document>`;
    const source = documentXmlToSource(xml, parseNumbering(numberingXml, stylesXml));
    expect(source.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
      '一、就业',
      '二、教育',
      '附则',
    ]);
  });

  it('formats counters', () => {
    expect(formatNumber(12, 'chineseCounting')).toBe('十二');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
  });

  it('writes the list labels Word shows into the paragraphs, restarting lower levels', () => {
    const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${
      para('就业创业（2项）', '1') +
      para('新增城镇就业1万人。', '1', 1) +
      para('培训5000人次。', '1', 1) +
      para('教育（1项）', '1') +
      para('新建幼儿园2所。', '1', 1) +
      para('要点', '2') +
      para('没有编号')
    }<w:sectPr/></w:body></w:document>`;
    const source = documentXmlToSource(xml, parseNumbering(numberingXml));
    expect(source.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
      '一、就业创业（2项）',
      '1.新增城镇就业1万人。',
      '2.培训5000人次。',
      '二、教育（1项）',
      '1.新建幼儿园2所。',
      '要点',
      '没有编号',
    ]);
  });
});
