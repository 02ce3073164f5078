import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { htmlToSource, readHtml } from './html-reader';

describe('readHtml', () => {
  it('reads paragraphs from block elements and drops scripts, styles and navigation', () => {
    const source = htmlToSource(`<!doctype html><html><head><title>t</title><style>p{}</style></head><body>
      <nav>首页 &gt; 民生档案</nav><script>var a = "<p>x</p>";</script>
      <h1>2017年建设幸福新区行动计划</h1><p>一、推进创业就业服务</p>
      <table><tr><th>序号</th><th>内容</th></tr><tr><td>1</td><td>就业<br>困难人员</td></tr></table>
      <footer>Copyright</footer></body></html>`);
    expect(source.format).toBe('html');
    expect(source.blocks).toEqual([
      { kind: 'paragraph', text: '2017年建设幸福新区行动计划' },
      { kind: 'paragraph', text: '一、推进创业就业服务' },
      {
        kind: 'table',
        rows: [
          { cells: [{ text: '序号' }, { text: '内容' }] },
          { cells: [{ text: '1' }, { text: '就业\n困难人员' }] },
        ],
      },
    ]);
  });

  it('writes the numbers of ordered list items into their text, unless they print their own', () => {
    const source = htmlToSource(
      '<ol start="2"><li>新建公园3个</li><li>1.5万名老人体检<ol><li>城区</li></ol></li></ol><ol><li>3、已编号</li></ol>',
    );
    expect(source.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
      '2、新建公园3个',
      '3、1.5万名老人体检',
      '（1）城区',
      '3、已编号',
    ]);
  });

  it('gives a table caption its own paragraph before the table', () => {
    const source = htmlToSource(`<div>首页</div><table><caption>某区2023年民生实事完成情况</caption>
      <tr><th>序号</th><th>内容</th></tr><tr><td>1</td><td>新建公园3个</td></tr></table>`);
    expect(source.blocks.slice(0, 2)).toEqual([
      { kind: 'paragraph', text: '首页' },
      { kind: 'paragraph', text: '某区2023年民生实事完成情况' },
    ]);
    expect(source.blocks[2]?.kind).toBe('table');
  });

  it('lays rowspan and colspan out on the cell grid: text in the first row, mergedFromAbove below', () => {
    const source = htmlToSource(`<table>
      <tr><td>序号</td><td>类别</td><td colspan="2">内容与时限</td></tr>
      <tr><td>1</td><td rowspan="3">就业增收</td><td>发放贷款</td><td>11月</td></tr>
      <tr><td>2</td><td>扩大就业</td><td>12月</td></tr>
      <tr><td>3</td><td>培训</td><td rowspan="2">年底前</td></tr>
      <tr><td>4</td><td>住房</td><td>新建</td></tr>
    </table>`);
    const table = source.blocks[0];
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows.map((row) => row.cells)).toEqual([
      [{ text: '序号' }, { text: '类别' }, { text: '内容与时限', colSpan: 2 }],
      [{ text: '1' }, { text: '就业增收' }, { text: '发放贷款' }, { text: '11月' }],
      [{ text: '2' }, { text: '', mergedFromAbove: true }, { text: '扩大就业' }, { text: '12月' }],
      [{ text: '3' }, { text: '', mergedFromAbove: true }, { text: '培训' }, { text: '年底前' }],
      [{ text: '4' }, { text: '住房' }, { text: '新建' }, { text: '', mergedFromAbove: true }],
    ]);
  });

  it('unwraps layout tables (a table holding a table) and keeps the data table', () => {
    const source = htmlToSource(`<table><tr><td><p>标题</p>
      <table><tr><td>序号</td><td>内容</td></tr><tr><td>1</td><td>新建公厕</td></tr></table>
      </td></tr></table>`);
    expect(source.blocks[0]).toEqual({ kind: 'paragraph', text: '标题' });
    expect(source.blocks[1]?.kind).toBe('table');
  });

  it('unwraps a two-column page layout whose content cell holds the article', () => {
    const article = `<h2>2017年建设幸福新区行动计划</h2>${'<p>一、推进创业就业服务</p><p>1、就业困难人员实现就业60人；（人社局）</p>'.repeat(5)}`;
    const source = htmlToSource(`<table><tr><td><a href="/">首页</a></td><td>${article}</td></tr></table>`);
    expect(source.blocks.some((block) => block.kind === 'table')).toBe(false);
    expect(JSON.stringify(source.blocks)).toContain('2017年建设幸福新区行动计划');
  });

  it('passes a page without tables to textToSource as text', () => {
    const source = htmlToSource('<body><p>一、就业</p><p>1、城镇新增就业50万人</p></body>');
    expect(source.format).toBe('html');
    const text = source.blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join('\n');
    expect(text).toContain('一、就业');
    expect(text).toContain('1、城镇新增就业50万人');
  });

  it('decodes a GBK page declared by <meta charset>', () => {
    const html =
      '<html><head><meta charset="gb2312"></head><body><table><tr><td>序号</td><td>责任单位</td></tr></table></body></html>';
    const source = readHtml(new Uint8Array(iconv.encode(html, 'gbk')));
    expect(source.blocks[0]).toEqual({
      kind: 'table',
      rows: [{ cells: [{ text: '序号' }, { text: '责任单位' }] }],
    });
  });

  it('decodes an undeclared GBK page by sniffing', () => {
    const html = '<html><body><table><tr><td>市人社局</td><td>开发区</td></tr></table></body></html>';
    const source = readHtml(new Uint8Array(iconv.encode(html, 'gb18030')));
    expect(source.blocks[0]).toEqual({
      kind: 'table',
      rows: [{ cells: [{ text: '市人社局' }, { text: '开发区' }] }],
    });
  });
});
