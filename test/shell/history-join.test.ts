/**
 * bash 5.2's history entry for a command typed over several lines. Every
 * expected entry was recorded from Debian's /bin/bash 5.2.15 (`bash -i` on
 * a pty, then `history`).
 */
import { describe, expect, it } from 'vitest';
import { HistoryJoin } from '../../worker/shell/history-join.ts';

function entry(...lines: string[]): string {
  const join = new HistoryJoin(lines[0]!);
  for (const line of lines.slice(1)) join.add(line);
  return join.entry;
}

describe('HistoryJoin', () => {
  it.each([
    [['for i in 1 2', 'do echo $i', 'done'], 'for i in 1 2; do echo $i; done'],
    [['for i', 'in 1', 'do echo $i', 'done'], 'for i in 1; do echo $i; done'],
    [['echo one \\', 'two'], 'echo one two'],
    [['echo b \\', ''], 'echo b \\'],
    [['echo "a', 'b"'], 'echo "a\nb"'],
    [['echo "q\\', 'r"'], 'echo "q\\\nr"'],
    [["echo 'q", "r'"], "echo 'q\nr'"],
    [['echo x |', 'cat'], 'echo x | cat'],
    [['true &&', 'echo y'], 'true && echo y'],
    [['{ echo z', '}'], '{ echo z; }'],
    [['( echo w', ')'], '( echo w; )'],
    [['if true', 'then echo t', 'fi'], 'if true; then echo t; fi'],
    [['case a in', 'a) echo A;;', 'esac'], 'case a in a) echo A;; esac'],
    [['while false', 'do :', 'done'], 'while false; do :; done'],
    [['f()', '{ echo f', '}'], 'f() { echo f; }'],
    [['cat > f <<EOF', 'a', '\tb $HOME', 'EOF'], 'cat > f <<EOF\na\n\tb $HOME\nEOF\n'],
    [['cat <<EOF | tr a b', 'aa', 'EOF'], 'cat <<EOF | tr a b\naa\nEOF\n'],
    [['for i in 1', 'do cat <<EOF', 'x $i', 'EOF', 'done'], 'for i in 1\ndo cat <<EOF\nx $i\nEOF\n done'],
    [['cat <<A <<-B', '1', 'A', '2', 'B'], 'cat <<A <<-B\n1\nA\n2\nB\n'],
    [['for i in 1', 'do echo'], 'for i in 1; do echo'],
    [['cat <<EOF', 'x'], 'cat <<EOF\nx\n'],
  ])('%j', (lines, expected) => {
    expect(entry(...lines)).toEqual(expected);
  });

  it('is not saved when its first line starts with a space (HISTCONTROL=ignorespace)', () => {
    expect([new HistoryJoin(' for i in 1').saved, new HistoryJoin('for i in 1').saved]).toEqual([false, true]);
  });
});
