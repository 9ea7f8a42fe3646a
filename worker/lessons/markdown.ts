/**
 * Lesson markdown into the blocks the page draws (build time only).
 *
 * markdown-it with `html: false` (raw HTML in a lesson is shown as text,
 * never parsed) and its default `validateLink`, which refuses `javascript:`,
 * `vbscript:`, `file:` and non-image `data:` URLs. Links leave the page in a
 * new tab with `rel="noopener noreferrer"`, except in-page links (`#/lessons/…`),
 * which navigate the course. Nothing from the lab's state is ever inserted
 * into this HTML: it is fixed when the site is built.
 *
 * Top-level fenced code blocks become `code` blocks (the page draws them with
 * Run and Copy buttons); everything between them is rendered to one `html`
 * block. A fence nested in a list or a quote stays in the HTML, not runnable.
 *
 * A quote that begins `[!REAL-ENGINE]` is a "Try on a real engine" note
 * (a `real-engine` block): something a real engine teaches that the
 * simulator cannot (real apt-get, real node). The page draws it as a note,
 * stressed while a runner is connected. Its commands are not runnable
 * blocks, so the lesson tests (which run on the simulator) leave them alone.
 */
import MarkdownIt from 'markdown-it';
import type { CourseBlock } from '../api.ts';
import type { ScriptLine } from './types.ts';

/** The marker that opens a "Try on a real engine" quote. */
const REAL_ENGINE = /^\[!REAL-ENGINE\][ \t]*\n?/;

/** Fence languages whose blocks are commands to run. */
const RUNNABLE = new Set(['sh', 'bash', 'console', 'shell']);
/** A placeholder the learner fills or the worker resolves: `<container_id>`. */
const PLACEHOLDER = /<([a-z_]+)>/g;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (!String(token.attrGet('href') ?? '').startsWith('#')) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** The placeholders of a command text, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** A rendered body: its blocks and the lines of its runnable blocks (with their expected exit statuses). */
export interface RenderedBody {
  blocks: CourseBlock[];
  runs: ScriptLine[][];
}

/**
 * Renders a page body. A fence's info string may carry `rc=N` after the
 * language (```` ```sh rc=1 ````): the block's last line exits N, as the
 * page expects (a command shown failing on purpose); the tests check it.
 */
export function renderBody(markdown: string): RenderedBody {
  const tokens = md.parse(markdown, {});
  const blocks: CourseBlock[] = [];
  const runs: ScriptLine[][] = [];
  let pending: ReturnType<typeof md.parse> = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const html = md.renderer.render(pending, md.options, {});
    if (html.trim() !== '') blocks.push({ kind: 'html', html });
    pending = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const first = tokens[i + 2];
    if (t.type === 'blockquote_open' && t.level === 0 && first?.type === 'inline' && REAL_ENGINE.test(first.content)) {
      flush();
      let end = i + 1;
      while (!(tokens[end]!.type === 'blockquote_close' && tokens[end]!.level === 0)) end++;
      first.content = first.content.replace(REAL_ENGINE, '');
      // The marker is the first text child; a soft break after it goes too.
      const [head, next] = first.children ?? [];
      if (head?.type === 'text') head.content = head.content.replace(REAL_ENGINE, '');
      if (head?.content === '' && next?.type === 'softbreak') first.children!.splice(0, 2);
      blocks.push({ kind: 'real-engine', html: md.renderer.render(tokens.slice(i + 1, end), md.options, {}) });
      i = end;
      continue;
    }
    if (t.type !== 'fence' || t.level !== 0) {
      pending.push(t);
      continue;
    }
    flush();
    const [lang = '', ...attrs] = t.info.trim().split(/\s+/);
    const text = t.content.replace(/\n$/, '');
    const runnable = RUNNABLE.has(lang);
    blocks.push({ kind: 'code', lang, text, runnable, placeholders: runnable ? placeholdersOf(text) : [] });
    if (runnable) {
      const rc = Number(/^rc=(\d+)$/.exec(attrs.find((a) => a.startsWith('rc=')) ?? '')?.[1] ?? 0);
      const lines = text.split('\n');
      runs.push(lines.map((line, i) => ({ line, rc: i === lines.length - 1 ? rc : 0 })));
    }
  }
  flush();
  return { blocks, runs };
}
