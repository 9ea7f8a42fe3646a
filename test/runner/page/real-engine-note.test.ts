/**
 * The lessons' "Try on a real engine" note: a quote that begins
 * `[!REAL-ENGINE]` becomes its own block (the page draws it as a note,
 * stressed while a runner answers), its commands are not runnable blocks
 * (the lesson tests run on the simulator), and other quotes stay quotes.
 */
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../worker/lessons/markdown.ts';

describe('the real-engine note', () => {
  it('becomes a real-engine block without its marker', () => {
    const md = 'Before.\n\n> [!REAL-ENGINE]\n> Real `apt-get` here.\n>\n> ```sh\n> apt-get update\n> ```\n\n> A plain quote.\n\n```sh\necho after\n```\n';
    expect(renderBody(md)).toEqual({
      blocks: [
        { kind: 'html', html: '<p>Before.</p>\n' },
        { kind: 'real-engine', html: '<p>Real <code>apt-get</code> here.</p>\n<pre><code class="language-sh">apt-get update\n</code></pre>\n' },
        { kind: 'html', html: '<blockquote>\n<p>A plain quote.</p>\n</blockquote>\n' },
        { kind: 'code', lang: 'sh', text: 'echo after', runnable: true, placeholders: [] },
      ],
      runs: [[{ line: 'echo after', rc: 0 }]],
    });
  });

  it('takes the marker on the same line as the text', () => {
    expect(renderBody('> [!REAL-ENGINE] Real node.\n').blocks).toEqual([{ kind: 'real-engine', html: '<p>Real node.</p>\n' }]);
  });
});
