import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './render-seeds';
import { runCli } from './run-cli';

let dir = '';
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minsheng-bad-'));
  writeFileSync(file('empty.txt'), '');
  let seed = 42;
  const random = new Uint8Array(4096).map(() => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed & 0xff;
  });
  writeFileSync(file('random.bin'), random);
  writeFileSync(
    file('image.png'),
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
  );
  writeFileSync(file('report.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  writeFileSync(file('plan.txt.pdf'), '%PDF-1.4\n');
  writeFileSync(file('not-a-zip.docx'), '这不是 Word 文件，只是文字。');
  const docx = await renderDocx([
    { kind: 'paragraph', text: '吉林市2015年改善民生事项及责任分工表' },
    {
      kind: 'table',
      rows: [
        [
          { text: '序号', mergedFromAbove: false },
          { text: '工作内容', mergedFromAbove: false },
        ],
      ],
    },
  ]);
  writeFileSync(file('truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  writeFileSync(file('other.docx'), zipSync({ 'content.xml': new TextEncoder().encode('<x/>') }));
  // 200 MB of zeros packed into ~200 KB: refused from the central directory before inflating.
  writeFileSync(
    file('bomb.docx'),
    zipSync({ 'word/document.xml': new Uint8Array(200 * 1024 * 1024) }, { level: 9 }),
  );
  writeFileSync(file('huge.txt'), '');
  truncateSync(file('huge.txt'), 21 * 1024 * 1024);
  writeFileSync(file('prose.txt'), '今天天气很好，我们去公园散步。\n没有任何任务编号。\n');
  writeFileSync(file('ok.txt'), '一、就业\n1、城镇新增就业50万人（人社局）\n');
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface BadCase {
  name: string;
  args: () => string[];
  code: number;
  stderr: RegExp;
}

const CASES: BadCase[] = [
  {
    name: 'a missing file',
    args: () => ['import', file('nope.docx'), '--json'],
    code: 1,
    stderr: /文件不存在.*file not found/,
  },
  { name: 'a directory', args: () => ['import', dir, '--json'], code: 1, stderr: /不是文件.*not a file/ },
  {
    name: 'an empty file',
    args: () => ['import', file('empty.txt'), '--json'],
    code: 1,
    stderr: /文件为空.*empty/,
  },
  {
    name: 'random bytes',
    args: () => ['import', file('random.bin'), '--json'],
    code: 1,
    stderr: /不是文本.*not text/,
  },
  {
    name: 'a PNG image',
    args: () => ['import', file('image.png'), '--json'],
    code: 1,
    stderr: /图片.*image/,
  },
  {
    name: 'a PDF',
    args: () => ['import', file('report.pdf'), '--json'],
    code: 1,
    stderr: /PDF.*PDF is not supported yet/,
  },
  {
    name: 'a .docx that is not a zip',
    args: () => ['import', file('not-a-zip.docx'), '--json'],
    code: 1,
    stderr: /不是有效的 Word 文件.*not a valid Word file/,
  },
  {
    name: 'a truncated .docx',
    args: () => ['import', file('truncated.docx'), '--json'],
    code: 1,
    stderr: /Word 文件已损坏.*damaged/,
  },
  {
    name: 'a zip that is no Word file',
    args: () => ['import', file('other.docx'), '--json'],
    code: 1,
    stderr: /不是有效的 Word 文件/,
  },
  {
    name: 'a zip bomb',
    args: () => ['import', file('bomb.docx'), '--json'],
    code: 1,
    stderr: /过大.*inflates too much/,
  },
  {
    name: 'a file over the size limit',
    args: () => ['import', file('huge.txt'), '--json'],
    code: 1,
    stderr: /上限.*limit/,
  },
  {
    name: 'a document without tasks',
    args: () => ['import', file('prose.txt'), '--json'],
    code: 1,
    stderr: /没有找到.*no tasks/,
  },
  {
    name: '--year abc',
    args: () => ['import', file('ok.txt'), '--json', '--year', 'abc'],
    code: 2,
    stderr: /年份无效.*--year/,
  },
  {
    name: 'an unknown flag',
    args: () => ['import', file('ok.txt'), '--jsn'],
    code: 2,
    stderr: /参数错误.*bad arguments/,
  },
  { name: 'no file', args: () => ['import', '--json'], code: 2, stderr: /缺少文件名.*missing FILE/ },
  { name: 'an unknown command', args: () => ['impotr', 'x'], code: 2, stderr: /未知命令.*unknown command/ },
];

describe('minsheng import: bad input', () => {
  it.concurrent.each(CASES)(
    'refuses $name with one line on stderr and nothing on stdout',
    async ({ args, code, stderr }) => {
      const result = await runCli(args());
      expect(result.stdout).toBe('');
      expect(result.code).toBe(code);
      const lines = result.stderr.split('\n').filter((line) => line !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^minsheng: /);
      expect(lines[0]).toMatch(stderr);
    },
  );
});

describe('minsheng command', () => {
  it('prints help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('minsheng import FILE');
  });

  it('says backup is not available until its module exists, or runs it', async () => {
    const result = await runCli(['backup', '--help']);
    if (result.code === 2 && result.stderr.includes('not available yet')) {
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } else {
      expect(result.stderr).not.toContain('unexpected error');
    }
  });
});
