/**
 * A port of figlet 2.2.5's renderer (figlet.c: readfont, smushamt, smushem, addchar,
 * splitline and the word-wrapping main loop), so output is byte-for-byte what the real
 * figlet prints. The font texts are FIGfont files (.flf) as the figlet npm package
 * ships them.
 */

const SM_EQUAL = 1;
const SM_LOWLINE = 2;
const SM_HIERARCHY = 4;
const SM_PAIR = 8;
const SM_BIGX = 16;
const SM_HARDBLANK = 32;
const SM_KERN = 64;
const SM_SMUSH = 128;

/** A parsed FIGfont. */
export interface FigFont { hardblank: string; height: number; smushmode: number; rtl: boolean; chars: Map<number, string[]> }

/** Parses .flf text as figlet's readfont does (trailing endmarks stripped per line). */
export function parseFigFont(text: string): FigFont {
  const lines = text.split(/\r?\n/);
  const header = lines[0]!.split(' ');
  const hardblank = header[0]!.charAt(5);
  const height = Number(header[1]);
  const smush = Number(header[4]);
  const comments = Number(header[5]);
  const rtl = Number(header[6] ?? 0) === 1;
  const smush2 = header[7] !== undefined ? Number(header[7]) : undefined;
  const smushmode = smush2 ?? (smush === 0 ? SM_KERN : smush < 0 ? 0 : (smush & 31) | SM_SMUSH);
  const chars = new Map<number, string[]>();
  let at = 1 + comments;
  const readChar = (): string[] => {
    const rows: string[] = [];
    for (let r = 0; r < height; r++) {
      let line = (lines[at++] ?? '').replace(/\s+$/, '');
      if (line.length > 0) {
        const end = line.charAt(line.length - 1);
        let k = line.length;
        while (k > 0 && line.charAt(k - 1) === end) k--;
        line = line.slice(0, k);
      }
      rows.push(line);
    }
    return rows;
  };
  for (let c = 32; c <= 126; c++) chars.set(c, readChar());
  for (const c of [196, 214, 220, 228, 246, 252, 223]) {
    if (at >= lines.length) break;
    chars.set(c, readChar());
  }
  while (at < lines.length) {
    const tag = lines[at++]!.trim().split(/\s+/)[0];
    if (!tag) continue;
    const code = tag.startsWith('-') ? -Number(tag.slice(1)) : Number(tag);
    if (Number.isNaN(code)) break;
    chars.set(code, readChar());
  }
  return { hardblank, height, smushmode, rtl, chars };
}

/** Renders `text` like `figlet -w width` (left-to-right fonts; lines end with '\n'). */
export function figletText(font: FigFont, text: string, width = 80): string {
  const { hardblank, height, smushmode } = font;
  const limit = width - 1;
  let out = '';
  let rows: string[] = Array.from({ length: height }, () => '');
  let inchr: number[] = [];
  let cur: string[] = [];
  let curWidth = 0;
  let prevWidth = 0;

  const smushem = (l: string, r: string): string => {
    if (l === ' ') return r;
    if (r === ' ') return l;
    if (prevWidth < 2 || curWidth < 2) return '';
    if ((smushmode & SM_SMUSH) === 0) return '';
    if ((smushmode & 63) === 0) {
      if (l === hardblank) return r;
      if (r === hardblank) return l;
      return r;
    }
    if (smushmode & SM_HARDBLANK && l === hardblank && r === hardblank) return l;
    if (l === hardblank || r === hardblank) return '';
    if (smushmode & SM_EQUAL && l === r) return l;
    const has = (set: string, ch: string): boolean => set.includes(ch);
    if (smushmode & SM_LOWLINE) {
      if (l === '_' && has('|/\\[]{}()<>', r)) return r;
      if (r === '_' && has('|/\\[]{}()<>', l)) return l;
    }
    if (smushmode & SM_HIERARCHY) {
      const ranks = ['|', '/\\', '[]', '{}', '()', '<>'];
      for (let i = 0; i < ranks.length - 1; i++) {
        const higher = ranks.slice(i + 1).join('');
        if (has(ranks[i]!, l) && has(higher, r)) return r;
        if (has(ranks[i]!, r) && has(higher, l)) return l;
      }
    }
    if (smushmode & SM_PAIR) {
      const p = l + r;
      if (['[]', '][', '{}', '}{', '()', ')('].includes(p)) return '|';
    }
    if (smushmode & SM_BIGX) {
      if (l === '/' && r === '\\') return '|';
      if (r === '/' && l === '\\') return 'Y';
      if (l === '>' && r === '<') return 'X';
    }
    return '';
  };

  const smushamt = (): number => {
    if ((smushmode & (SM_SMUSH | SM_KERN)) === 0) return 0;
    let max = curWidth;
    for (let row = 0; row < height; row++) {
      const line = rows[row]!;
      let bd = line.length;
      let ch1 = '';
      for (;;) {
        ch1 = line.charAt(bd);
        if (!(bd > 0 && (ch1 === '' || ch1 === ' '))) break;
        bd--;
      }
      const cr = cur[row]!;
      let cb = 0;
      while (cr.charAt(cb) === ' ') cb++;
      const ch2 = cr.charAt(cb);
      let amt = cb + line.length - 1 - bd;
      if (ch1 === '' || ch1 === ' ') amt++;
      else if (ch2 !== '' && smushem(ch1, ch2) !== '') amt++;
      if (amt < max) max = amt;
    }
    return max;
  };

  const getletter = (c: number): void => {
    prevWidth = curWidth;
    cur = font.chars.get(c) ?? font.chars.get(0) ?? Array.from({ length: height }, () => '');
    curWidth = cur[0]!.length;
  };

  const addchar = (c: number): boolean => {
    getletter(c);
    const amount = smushamt();
    const len = rows[0]!.length;
    if (len + curWidth - amount > limit) return false;
    rows = rows.map((line, row) => {
      const chars = line.split('');
      for (let k = 0; k < amount; k++) {
        const i = len - amount + k;
        if (i >= 0) chars[i] = smushem(chars[i]!, cur[row]!.charAt(k));
      }
      return chars.join('') + cur[row]!.slice(amount);
    });
    inchr.push(c);
    return true;
  };

  const putstring = (s: string): void => {
    const shown = width > 1 && s.length > width - 1 ? s.slice(0, width - 1) : s;
    out += shown.split(hardblank).join(' ') + '\n';
  };
  const clearline = (): void => {
    rows = rows.map(() => '');
    inchr = [];
  };
  const printline = (): void => {
    for (const r of rows) putstring(r);
    clearline();
  };
  const splitline = (): void => {
    let gotspace = false;
    let lastspace = inchr.length - 1;
    let i = inchr.length - 1;
    for (; i >= 0; i--) {
      if (!gotspace && inchr[i] === 32) {
        gotspace = true;
        lastspace = i;
      }
      if (gotspace && inchr[i] !== 32) break;
    }
    const part1 = inchr.slice(0, i + 1);
    const part2 = inchr.slice(lastspace + 1);
    clearline();
    for (const c of part1) addchar(c);
    printline();
    for (const c of part2) addchar(c);
  };

  let wordbreak = 0;
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c === 9 || c === 32) c = 32;
    else if (c === 10 || c === 11 || c === 12 || c === 13) c = 10;
    if ((c > 0 && c < 32 && c !== 10) || c === 127) continue;
    let again: boolean;
    do {
      again = false;
      if (wordbreak === -1) {
        if (c === 32) break;
        if (c === 10) {
          wordbreak = 0;
          break;
        }
        wordbreak = 0;
      }
      if (c === 10) {
        printline();
        wordbreak = 0;
      } else if (addchar(c)) {
        wordbreak = c !== 32 ? (wordbreak >= 2 ? 3 : 1) : wordbreak > 0 ? 2 : 0;
      } else if (rows[0]!.length === 0) {
        for (const r of cur) putstring(r);
        wordbreak = -1;
      } else if (c === 32) {
        if (wordbreak === 2) splitline();
        else printline();
        wordbreak = -1;
      } else {
        if (wordbreak >= 2) splitline();
        else printline();
        wordbreak = wordbreak === 3 ? 1 : 0;
        again = true;
      }
    } while (again);
  }
  if (rows[0]!.length !== 0) printline();
  return out;
}
