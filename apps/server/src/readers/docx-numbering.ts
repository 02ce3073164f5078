import { Parser } from 'htmlparser2';

/**
 * Word's automatic list numbering (word/numbering.xml): a paragraph with
 * `<w:numPr><w:ilvl/><w:numId/></w:numPr>` shows a label ("一、", "（二）", "3.") that is not in
 * its text. The importer reads item numbers from the text, so the reader writes the label in.
 */
interface Level {
  start: number;
  format: string;
  text: string;
}

export interface DocxNumbering {
  /** The label of the next paragraph numbered by `numId` at level `ilvl`; null for bullets. */
  next(numId: string, ilvl: number): string | null;
  /** The numbering a paragraph style carries (word/styles.xml, through w:basedOn); null if none. */
  ofStyle(styleId: string): { numId: string; ilvl: number } | null;
}

/** Paragraph styles that number their paragraphs: styleId → numId / ilvl, through basedOn. */
export function parseStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  let current: { numId?: string; ilvl?: number; basedOn?: string } | null = null;
  let depth = 0;
  let styleDepth = -1;
  const local = (name: string): string => name.slice(name.indexOf(':') + 1);
  const parser = new Parser(
    {
      onopentag(raw, attributes) {
        depth++;
        const name = local(raw);
        const val = attributes['w:val'];
        if (name === 'style' && attributes['w:type'] === 'paragraph') {
          current = {};
          styleDepth = depth;
          own.set(attributes['w:styleId'] ?? '', current);
        } else if (current && name === 'basedOn' && val !== undefined) current.basedOn = val;
        else if (current && name === 'numId' && val !== undefined && depth === styleDepth + 3)
          current.numId = val;
        else if (current && name === 'ilvl' && val !== undefined && depth === styleDepth + 3)
          current.ilvl = Number(val) || 0;
      },
      onclosetag() {
        if (depth === styleDepth) {
          current = null;
          styleDepth = -1;
        }
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const id of own.keys()) {
    let style = own.get(id);
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let hops = 0; style && hops < 10; hops++) {
      numId ??= style.numId;
      ilvl ??= style.ilvl;
      style = style.basedOn ? own.get(style.basedOn) : undefined;
    }
    if (numId && numId !== '0') out.set(id, { numId, ilvl: ilvl ?? 0 });
  }
  return out;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN_DIGITS[tens] ?? '')}十${ones ? (CN_DIGITS[ones] ?? '') : ''}`;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

/** One counter in the level's number format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

/** Parses word/numbering.xml; null when it holds no numbering definitions. */
export function parseNumbering(xml: string, stylesXml: string | null = null): DocxNumbering | null {
  const styles = stylesXml
    ? parseStyleNumbering(stylesXml)
    : new Map<string, { numId: string; ilvl: number }>();
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstractId: string; starts: Map<number, number> } | null = null;
  let overrideLevel = -1;
  const local = (name: string): string => name.slice(name.indexOf(':') + 1);
  const parser = new Parser(
    {
      onopentag(raw, attributes) {
        const name = local(raw);
        const val = attributes['w:val'];
        if (name === 'abstractNum') {
          abstract = new Map();
          abstracts.set(attributes['w:abstractNumId'] ?? '', abstract);
        } else if (name === 'lvl' && abstract) {
          level = { start: 1, format: 'decimal', text: '' };
          abstract.set(Number(attributes['w:ilvl'] ?? 0), level);
        } else if (name === 'start' && level && val !== undefined) level.start = Number(val) || 0;
        else if (name === 'numFmt' && level && val !== undefined) level.format = val;
        else if (name === 'lvlText' && level && val !== undefined) level.text = val;
        else if (name === 'num') {
          num = { abstractId: '', starts: new Map() };
          nums.set(attributes['w:numId'] ?? '', num);
        } else if (name === 'abstractNumId' && num && val !== undefined) num.abstractId = val;
        else if (name === 'lvlOverride' && num) overrideLevel = Number(attributes['w:ilvl'] ?? 0);
        else if (name === 'startOverride' && num && overrideLevel >= 0 && val !== undefined)
          num.starts.set(overrideLevel, Number(val) || 0);
      },
      onclosetag(raw) {
        const name = local(raw);
        if (name === 'abstractNum') abstract = null;
        else if (name === 'lvl') level = null;
        else if (name === 'num') num = null;
        else if (name === 'lvlOverride') overrideLevel = -1;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  if (nums.size === 0) return null;
  const counters = new Map<string, number[]>();
  return {
    ofStyle(styleId) {
      return styles.get(styleId) ?? null;
    },
    next(numId, ilvl) {
      const instance = nums.get(numId);
      const levels = instance ? abstracts.get(instance.abstractId) : undefined;
      const lvl = levels?.get(ilvl);
      if (!instance || !levels || !lvl) return null;
      if (lvl.format === 'bullet' || lvl.format === 'none' || !lvl.text) return null;
      const startOf = (k: number): number => instance.starts.get(k) ?? levels.get(k)?.start ?? 1;
      const count = counters.get(numId) ?? [];
      count[ilvl] = count[ilvl] === undefined ? startOf(ilvl) : (count[ilvl] ?? 0) + 1;
      // A higher level's next item restarts the levels below it.
      count.length = ilvl + 1;
      counters.set(numId, count);
      return lvl.text.replace(/%([1-9])/g, (_, d: string) => {
        const k = Number(d) - 1;
        const n = count[k] ?? startOf(k);
        return formatNumber(n, levels.get(k)?.format ?? 'decimal');
      });
    },
  };
}
