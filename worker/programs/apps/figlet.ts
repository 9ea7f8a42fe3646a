/**
 * figlet 2.2.5 (Debian's and Alpine's): renders its arguments (or each line of stdin)
 * in a FIGlet font, 80 columns wide, breaking between words like the real one. The
 * rendering is a port of figlet.c (figlet-render.ts); the fonts are the .flf files
 * figlet ships, from the `figlet` npm package, each loaded with import() on first use.
 */
import type { Program } from '../program.ts';
import { readAllStdin } from '../program.ts';
import { figletText, parseFigFont } from './figlet-render.ts';
import type { FigFont } from './figlet-render.ts';


// The fonts of the figlet package (/usr/share/figlet/*.flf) by their file name.
const FONTS: Record<string, () => Promise<{ default: string }>> = {
  standard: () => import('figlet/importable-fonts/Standard.js'),
  banner: () => import('figlet/importable-fonts/Banner.js'),
  big: () => import('figlet/importable-fonts/Big.js'),
  block: () => import('figlet/importable-fonts/Block.js'),
  bubble: () => import('figlet/importable-fonts/Bubble.js'),
  digital: () => import('figlet/importable-fonts/Digital.js'),
  ivrit: () => import('figlet/importable-fonts/Ivrit.js'),
  lean: () => import('figlet/importable-fonts/Lean.js'),
  mini: () => import('figlet/importable-fonts/Mini.js'),
  mnemonic: () => import('figlet/importable-fonts/Mnemonic.js'),
  script: () => import('figlet/importable-fonts/Script.js'),
  shadow: () => import('figlet/importable-fonts/Shadow.js'),
  slant: () => import('figlet/importable-fonts/Slant.js'),
  small: () => import('figlet/importable-fonts/Small.js'),
  smscript: () => import('figlet/importable-fonts/Small Script.js'),
  smshadow: () => import('figlet/importable-fonts/Small Shadow.js'),
  smslant: () => import('figlet/importable-fonts/Small Slant.js'),
  term: () => import('figlet/importable-fonts/Term.js'),
};

/** Renders `text` as figlet 2.2.5 does with `font` and `width` (each output line ends with '\n'). */
export async function renderFiglet(text: string, font = 'standard', width = 80): Promise<string> {
  let parsed = parsed_.get(font);
  if (!parsed) {
    parsed = parseFigFont((await FONTS[font]!()).default);
    parsed_.set(font, parsed);
  }
  return figletText(parsed, text, width);
}

const parsed_ = new Map<string, FigFont>();

/** The figlet program. */
export const figlet: Program = async (run) => {
  const { spec } = run;
  let font = 'standard';
  let width = 80;
  const words: string[] = [];
  for (let i = 0; i < run.args.length; i++) {
    const a = run.args[i]!;
    if (a === '-f') font = (run.args[++i] ?? '').replace(/\.flf$/, '');
    else if (a.startsWith('-f')) font = a.slice(2).replace(/\.flf$/, '');
    else if (a === '-w') width = Number(run.args[++i]) || 80;
    else if (a === '-v') {
      spec.stdout('FIGlet Copyright (C) 1991-2012 Glenn Chappell, Ian Chai, John Cowan,\nChristiaan Keet and Claudio Matsuoka\nInternet: <info@figlet.org> Version: 2.2.5, date: 31 May 2012\n\nFIGlet, along with the various FIGlet fonts and documentation, may be\nfreely copied and distributed.\n\nIf you use FIGlet, please send an e-mail message to <info@figlet.org>.\n\nThe latest version of FIGlet is available from the web site,\n\thttp://www.figlet.org/\n\n');
      return 0;
    } else if (/^-[ctlrkWSsxoLRpnDE]+$/.test(a)) continue;
    else words.push(a);
  }
  font = font.split('/').pop()!.toLowerCase();
  const installed = await spec.fs.exists(`/usr/share/figlet/${font}.flf`);
  if (!FONTS[font] || !installed) {
    spec.stderr(`${run.name}: ${font}: Unable to open font file\n`);
    return 1;
  }
  if (words.length > 0) {
    spec.stdout(await renderFiglet(words.join(' '), font, width));
    return 0;
  }
  // Without arguments figlet renders each line it reads until EOF.
  const input = await readAllStdin(spec);
  for (const line of input.split('\n').slice(0, input.endsWith('\n') ? -1 : undefined)) spec.stdout(await renderFiglet(line, font, width));
  return 0;
};
