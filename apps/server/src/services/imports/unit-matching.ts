/**
 * Matching the unit names a document prints to the jurisdiction's unit register: the exact
 * name, then a learnt alias, then normalised forms — full/half-width brackets and spaces, and
 * the jurisdiction's own prefix ("吉林市人社局", "市人社局" and "人社局" are one unit).
 */
import type { UnitKind } from '@minsheng/contract';

export interface RegisterUnit {
  id: number;
  name: string;
  aliases: string[];
}

export interface UnitSuggestion {
  unitId: number;
  unitName: string;
  method: 'exact' | 'alias' | 'normalized';
  confidence: number;
}

/** "吉林市" → ["吉林市", "吉林"]; "宁夏回族自治区" → ["宁夏回族自治区", "宁夏"]. */
function jurisdictionPrefixes(jurisdictionName: string): string[] {
  const short = jurisdictionName.replace(
    /(回族自治区|壮族自治区|维吾尔自治区|自治区|自治州|新区|省|市|县|区|旗)$/u,
    '',
  );
  return [...new Set([jurisdictionName, short].filter((p) => p.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
}

/**
 * The comparable forms of a unit name: NFKC (full-width brackets and digits to half-width), no
 * white space, without the jurisdiction's name, and also without a leading 省/市/县/区 — both
 * forms, since "市市政公用局" and "市政公用局" are one unit while "市人社局" and "人社局" are too.
 * "吉林市 人社局" / "市人社局" → ["市人社局", "人社局"] (in 吉林市).
 */
export function normalizedUnitForms(name: string, jurisdictionName: string): string[] {
  let text = name.normalize('NFKC').replace(/\s+/gu, '');
  const prefixes = jurisdictionPrefixes(jurisdictionName.normalize('NFKC'));
  for (const prefix of prefixes) {
    if (text.startsWith(prefix) && text.length > prefix.length + 1) {
      // "吉林市人社局" → "市人社局" would read as the city's own: keep the level word.
      const level = prefix === prefixes[0] ? prefix.slice(-1) : '';
      text = `${level}${text.slice(prefix.length)}`;
      break;
    }
  }
  const forms = [text];
  if (/^[省市县区]/u.test(text) && text.length > 2) forms.push(text.slice(1));
  return forms;
}

/** The shortest comparable form: "市人社局" → "人社局". */
export function normalizeUnitName(name: string, jurisdictionName: string): string {
  return normalizedUnitForms(name, jurisdictionName).at(-1) ?? name;
}

export function createUnitMatcher(register: RegisterUnit[], jurisdictionName: string) {
  const byName = new Map<string, RegisterUnit>();
  const byAlias = new Map<string, RegisterUnit>();
  const byNormal = new Map<string, RegisterUnit[]>();
  const addNormal = (key: string, unit: RegisterUnit) => {
    const list = byNormal.get(key) ?? [];
    if (!list.includes(unit)) list.push(unit);
    byNormal.set(key, list);
  };
  for (const unit of register) {
    byName.set(unit.name, unit);
    for (const form of normalizedUnitForms(unit.name, jurisdictionName)) addNormal(form, unit);
    for (const alias of unit.aliases) {
      byAlias.set(alias, unit);
      for (const form of normalizedUnitForms(alias, jurisdictionName)) addNormal(form, unit);
    }
  }
  return function match(name: string): UnitSuggestion | null {
    const exact = byName.get(name);
    if (exact) return { unitId: exact.id, unitName: exact.name, method: 'exact', confidence: 1 };
    const alias = byAlias.get(name);
    if (alias) return { unitId: alias.id, unitName: alias.name, method: 'alias', confidence: 1 };
    const candidates = [
      ...new Set(normalizedUnitForms(name, jurisdictionName).flatMap((form) => byNormal.get(form) ?? [])),
    ];
    const first = candidates[0];
    if (!first) return null;
    // Two register units with one normal form: offer the first, but say it is a guess.
    return {
      unitId: first.id,
      unitName: first.name,
      method: 'normalized',
      confidence: candidates.length === 1 ? 0.9 : 0.5,
    };
  };
}

/** The kind of a unit created from a name alone: lower governments and firms by their endings. */
export function guessUnitKind(name: string): UnitKind {
  if (/(公司|集团|银行|有限|股份)/u.test(name)) return 'enterprise';
  if (/(人民政府|政府|管委会|[县市区旗镇乡]$|县（市）区|城区|开发区$)/u.test(name)) return 'government';
  return 'department';
}
