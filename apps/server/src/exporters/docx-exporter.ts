/**
 * Writes an official table as .docx in the layout of GB/T 9704 (党政机关公文格式): A4, margins
 * top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (turned with the page for landscape tables),
 * the title in 方正小标宋简体 二号, text in 仿宋_GB2312 三号 (tables one size smaller, 四号),
 * page numbers "— 1 —" in 宋体 四号 at the foot, and the header row repeated on every page.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { mergeRuns, type OfficialTable } from './official-table';

const FANGSONG = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const HEITI = '黑体';
const SONG = '宋体';
// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt.
const ERHAO = 44;
const SANHAO = 32;
const SIHAO = 28;
const A4_SHORT_TWIPS = 11906;
const A4_LONG_TWIPS = 16838;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });

function cellParagraphs(text: string, opts: { bold?: boolean; align?: 'center' | 'left'; header?: boolean }) {
  // A cell's line breaks become paragraphs, as a clerk would type them.
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [
          new TextRun({
            text: line,
            size: SIHAO,
            font: font(opts.header ? HEITI : FANGSONG),
            bold: opts.bold,
          }),
        ],
      }),
  );
}

export async function exportTableDocx(table: OfficialTable): Promise<Uint8Array> {
  const totalWidth = table.columns.reduce((a, c) => a + c.width, 0);
  // Landscape A4 minus the turned margins (37 + 35 left/right of the text block).
  const usable = convertMillimetersToTwip(297 - 37 - 35);
  const widths = table.columns.map((c) => Math.round((c.width / totalWidth) * usable));

  const merged = new Map<number, 'restart' | 'continue'>();
  if (table.mergeDownColumn != null) {
    for (const [start, length] of mergeRuns(table.rows, table.mergeDownColumn)) {
      if (length < 2) continue;
      merged.set(start, 'restart');
      for (let i = start + 1; i < start + length; i++) merged.set(i, 'continue');
    }
  }

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: cellParagraphs(c.header, { align: 'center', header: true }),
        }),
    ),
  });
  const body = table.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: row.map((text, i) => {
          const mergeState = i === table.mergeDownColumn ? merged.get(r) : undefined;
          return new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            ...(mergeState
              ? {
                  verticalMerge:
                    mergeState === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
                }
              : {}),
            children: cellParagraphs(mergeState === 'continue' ? '' : text, {
              align: table.columns[i]!.align,
            }),
          });
        }),
      }),
  );

  const doc = new Document({
    creator: 'Minsheng 民生实事督办平台',
    title: table.title,
    styles: { default: { document: { run: { font: font(FANGSONG), size: SANHAO } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              orientation: PageOrientation.LANDSCAPE,
              // A4 exactly, in twips (the mm conversion rounds 297 mm down to 16837).
              width: A4_SHORT_TWIPS,
              height: A4_LONG_TWIPS,
            },
            // GB/T 9704 margins, turned with the page: the binding edge stays the binding edge.
            margin: {
              top: convertMillimetersToTwip(28),
              bottom: convertMillimetersToTwip(26),
              left: convertMillimetersToTwip(37),
              right: convertMillimetersToTwip(35),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIHAO, font: font(SONG) }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: table.title, size: ERHAO, font: font(TITLE_FONT) })],
          }),
          ...(table.subtitle
            ? [
                new Paragraph({
                  alignment: AlignmentType.LEFT,
                  spacing: { after: 120 },
                  children: [new TextRun({ text: table.subtitle, size: SANHAO, font: font(FANGSONG) })],
                }),
              ]
            : []),
          new Table({
            width: { size: usable, type: WidthType.DXA },
            columnWidths: widths,
            rows: [header, ...body],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
