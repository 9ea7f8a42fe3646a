/**
 * docker/cli's fork of Go text/tabwriter (cli/command/formatter/tabwriter),
 * the elastic-tabstops algorithm every `table …` format goes through.
 *
 * Cells are *terminated* by '\t' (or '\v'); the text after the last tab of a
 * line is a cell too but never part of a column, so it is written unpadded. A
 * column block is a run of consecutive lines that all have a terminated cell
 * in that column; its width is max(minwidth, widest cell + padding). That is
 * why an empty last column (`docker history` COMMENT) leaves the previous
 * column's padding as trailing spaces (docker-reference §1.1, §7).
 */
import { stringWidth } from './width.ts';

/** Writer settings; docker uses {@link DOCKER_TABWRITER}. */
export interface TabwriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  /** Go's AlignRight flag; the only flag docker-style tables could need. */
  alignRight?: boolean;
}

/** `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)` from formatter.Context.postFormat. */
export const DOCKER_TABWRITER: TabwriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ' };

interface Cell {
  text: string;
  width: number;
}

/** Split into lines of cells; the final element is the unterminated last line (possibly empty). */
function splitCells(text: string): Cell[][] {
  const lines: Cell[][] = [];
  let line: Cell[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\t' || ch === '\v' || ch === '\n') {
      const cellText = text.slice(start, i);
      line.push({ text: cellText, width: stringWidth(cellText) });
      start = i + 1;
      if (ch === '\n') {
        lines.push(line);
        line = [];
      }
    }
  }
  const rest = text.slice(start);
  if (rest !== '') line.push({ text: rest, width: stringWidth(rest) });
  lines.push(line);
  return lines;
}

/**
 * Render `text` as Go's tabwriter does after Write(text) and Flush(). A '\f'
 * ends the line and flushes, so columns never continue across it.
 */
export function tabwrite(text: string, options: TabwriterOptions = DOCKER_TABWRITER): string {
  const segments = text.split('\f');
  return segments.map((seg, i) => formatSegment(i < segments.length - 1 ? seg + '\n' : seg, options)).join('');
}

function formatSegment(text: string, options: TabwriterOptions): string {
  const lines = splitCells(text);
  const widths: number[] = [];
  const out: string[] = [];
  const pad = (n: number): string => (n > 0 ? options.padchar.repeat(n) : '');

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      line.forEach((c, j) => {
        const padding = j < widths.length ? pad(widths[j] - c.width) : '';
        out.push(options.alignRight ? padding + c.text : c.text + padding);
      });
      // The last buffered line has no newline of its own (Flush writes it as is).
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      writeLines(line0, current);
      line0 = current;
      let width = options.minwidth;
      for (; current < line1; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + options.padding);
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
