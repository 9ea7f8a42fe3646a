/**
 * Commands typed over several lines, as the page's terminal gets them: the
 * lab service (the worker side of the page) on a MemoryStore with the real
 * session, driven key by key. Every expected screen was recorded from
 * Debian's bash 5.2.15 run as `bash -i` on a pty (PS1 here is Debian's).
 */
import { describe, expect, it } from 'vitest';
import type { LabApi } from '../../worker/api.ts';
import { createLabService } from '../../worker/terminal/lab-service.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { createSession } from '../../worker/session.ts';
import type { LockManagerLike } from '../../worker/terminal/tab-sync.ts';

const PS1 = 'learner@layerlab:~$ ';

interface Term {
  api: LabApi;
  /** Sends what the terminal would send and returns the screen's bytes it caused. */
  send(data: string): Promise<string>;
}

/** One lock for the tabs of a test, like navigator.locks of one origin. */
function sharedLock(): LockManagerLike {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request(_name, fn) {
      const run = tail.then(fn);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

async function open(store = new MemoryStore(), tabs?: { locks: LockManagerLike; channel: string }): Promise<Term> {
  const api = createLabService({
    openStore: async () => store,
    memoryStore: () => MemoryStore.open(),
    createSession,
    dockerTree: async () => {
      throw new Error('not needed');
    },
    commandNames: async () => [],
    tabId: crypto.randomUUID(),
    ...(tabs ? { locks: tabs.locks, channel: new BroadcastChannel(tabs.channel) as never } : {}),
  });
  let out = '';
  await api.start({ cols: 80, rows: 24 }, (d) => void (out += d), () => undefined);
  const settle = async (): Promise<void> => {
    await api.settled();
    // Writes of one turn go out in a microtask (lab-service `emit`).
    await new Promise((r) => setTimeout(r, 0));
  };
  await settle();
  out = '';
  return {
    api,
    async send(data) {
      await api.input(data);
      await settle();
      const s = out;
      out = '';
      return s;
    },
  };
}

/** Types each line, then Enter, one after the other. */
async function type(t: Term, ...lines: string[]): Promise<string> {
  let screen = '';
  for (const l of lines) screen += await t.send(`${l}\r`);
  return screen;
}

describe('multi-line commands on PS2', () => {
  it('reads a here-document body until its delimiter and writes the file', async () => {
    const t = await open();
    expect(await type(t, 'cat > Dockerfile <<EOF', 'FROM alpine', 'RUN echo $HOME', 'CMD ["sh"]', 'EOF')).toEqual(
      `cat > Dockerfile <<EOF\r\n> FROM alpine\r\n> RUN echo $HOME\r\n> CMD ["sh"]\r\n> EOF\r\n${PS1}`,
    );
    expect(await type(t, 'cat Dockerfile')).toEqual(`cat Dockerfile\r\nFROM alpine\r\nRUN echo /home/learner\r\nCMD ["sh"]\r\n${PS1}`);
  });

  it('keeps a quoted delimiter literal and strips leading tabs with <<-', async () => {
    const t = await open();
    expect(await type(t, "cat <<'EOF'", 'a $HOME', 'EOF')).toEqual(`cat <<'EOF'\r\n> a $HOME\r\n> EOF\r\na $HOME\r\n${PS1}`);
    // Typed, Tab completes; pasted (bracketed), it is text.
    expect(await t.send('\x1b[200~cat <<-END\r\tindented\r\tEND\r\x1b[201~')).toEqual(`cat <<-END\r\n> \tindented\r\n> \tEND\r\nindented\r\n${PS1}`);
  });

  it('ends a here-document at its delimiter whatever its body holds, as bash reads bodies as raw lines', async () => {
    const t = await open();
    expect(await type(t, 'cat > Dockerfile <<EOF', 'RUN apk add --no-cache \\', '    curl', "RUN echo it's \"x", 'EOF')).toEqual(
      `cat > Dockerfile <<EOF\r\n> RUN apk add --no-cache \\\r\n>     curl\r\n> RUN echo it's "x\r\n> EOF\r\n${PS1}`,
    );
    expect(await type(t, 'cat Dockerfile')).toEqual(`cat Dockerfile\r\nRUN apk add --no-cache     curl\r\nRUN echo it's "x\r\n${PS1}`);
    // A stray backquote in a body does not keep the command open (bash would then say
    // `bash: bad substitution: no closing "`" in ` b`; just-bash refuses the whole text).
    expect(await type(t, 'cat <<EOF', 'a ` b', 'EOF')).toEqual(
      `cat <<EOF\r\n> a \` b\r\n> EOF\r\nbash: syntax error: Parse error at 3:4: unexpected EOF while looking for matching \`\`'\r\n${PS1}`,
    );
  });

  it('joins a backslash-newline, an open quote, a for loop, a pipe and && as bash does', async () => {
    const t = await open();
    expect(await type(t, 'echo one \\', 'two')).toEqual(`echo one \\\r\n> two\r\none two\r\n${PS1}`);
    expect(await type(t, 'echo "a', 'b"')).toEqual(`echo "a\r\n> b"\r\na\r\nb\r\n${PS1}`);
    expect(await type(t, 'for i in 1 2 3', 'do echo $i', 'done')).toEqual(`for i in 1 2 3\r\n> do echo $i\r\n> done\r\n1\r\n2\r\n3\r\n${PS1}`);
    expect(await type(t, 'echo x |', 'tr x y')).toEqual(`echo x |\r\n> tr x y\r\ny\r\n${PS1}`);
    expect(await type(t, 'true &&', 'echo y')).toEqual(`true &&\r\n> echo y\r\ny\r\n${PS1}`);
    expect(await type(t, '{ echo z', '}')).toEqual(`{ echo z\r\n> }\r\nz\r\n${PS1}`);
    expect(await type(t, 'if true', 'then echo t', 'fi')).toEqual(`if true\r\n> then echo t\r\n> fi\r\nt\r\n${PS1}`);
    expect(await type(t, 'case a in', 'a) echo A;;', 'esac')).toEqual(`case a in\r\n> a) echo A;;\r\n> esac\r\nA\r\n${PS1}`);
    // A backslash in a comment continues nothing.
    expect(await type(t, 'echo x # c \\')).toEqual(`echo x # c \\\r\nx\r\n${PS1}`);
  });

  it('stores each command as one history entry, joined as bash 5.2 joins it, and recalls it with Up', async () => {
    const t = await open();
    await type(t, 'for i in 1', 'do cat <<EOF', 'x $i', 'EOF', 'done');
    await type(t, 'f()', '{ echo f', '}');
    await type(t, 'echo one \\', 'two');
    await type(t, 'echo "a', 'b"');
    await type(t, 'cat <<EOF | tr a b', 'aa', 'EOF');
    await type(t, 'case a in', 'a) echo A;;', 'esac');
    await type(t, '( echo w', ')');
    expect(await type(t, 'history')).toEqual(
      'history\r\n' +
        '    1  for i in 1\r\ndo cat <<EOF\r\nx $i\r\nEOF\r\n done\r\n' +
        '    2  f() { echo f; }\r\n' +
        '    3  echo one two\r\n' +
        '    4  echo "a\r\nb"\r\n' +
        '    5  cat <<EOF | tr a b\r\naa\r\nEOF\r\n\r\n' +
        '    6  case a in a) echo A;; esac\r\n' +
        '    7  ( echo w; )\r\n' +
        '    8  history\r\n' +
        PS1,
    );
    await type(t, 'for i in 1 2', 'do echo $i', 'done');
    expect(await t.send('\x1b[A')).toEqual(`\r${PS1}for i in 1 2; do echo $i; done\x1b[J`);
    expect(await t.send('\r')).toEqual(`\r\n1\r\n2\r\n${PS1}`);
  });

  it('recalls a here-document with its lines on their own rows, as readline draws it, and runs it again', async () => {
    const t = await open();
    await type(t, 'cat <<EOF', 'a', 'EOF');
    // bash 5.2 draws the recalled entry as `cat <<EOF\r\n\ra\r\n\rEOF\r\n\r`: the cursor on the row after EOF.
    expect(await t.send('\x1b[A')).toEqual(`\r${PS1}cat <<EOF\r\na\r\nEOF\r\n\x1b[J`);
    expect(await t.send('\r')).toEqual(`a\r\n${PS1}`);
    expect(await type(t, 'history')).toEqual(`history\r\n    1  cat <<EOF\r\na\r\nEOF\r\n\r\n    2  history\r\n${PS1}`);
  });

  it('Ctrl-C on a PS2 line drops the whole command, keeps its lines in the history and sets $? to 130, as at PS1', async () => {
    const t = await open();
    expect(await type(t, 'for i in 1', 'do echo')).toEqual(`for i in 1\r\n> do echo\r\n> `);
    expect(await t.send('\x03')).toEqual(`^C\r\n${PS1}`);
    expect(await type(t, 'echo $?')).toEqual(`echo $?\r\n130\r\n${PS1}`);
    expect(await type(t, 'history')).toEqual(`history\r\n    1  for i in 1; do echo\r\n    2  echo $?\r\n    3  history\r\n${PS1}`);
    // On PS1 too (recorded: `true`, `abc` Ctrl-C, `echo $?` prints 130).
    await type(t, 'true');
    expect(await t.send('abc\x03')).toEqual(`abc^C\r\n${PS1}`);
    expect(await type(t, 'echo $?')).toEqual(`echo $?\r\n130\r\n${PS1}`);
  });

  it('Ctrl-D in a here-document warns as bash does, runs the command and goes on', async () => {
    const t = await open();
    await type(t, 'echo 1', 'echo 2');
    expect(await type(t, 'cat <<EOF', 'a')).toEqual(`cat <<EOF\r\n> a\r\n> `);
    expect(await t.send('\x04')).toEqual("\r\nbash: warning: here-document at line 3 delimited by end-of-file (wanted `EOF')\r\na\r\n" + PS1);
    expect(await type(t, 'echo after')).toEqual(`echo after\r\nafter\r\n${PS1}`);
  });

  it('Ctrl-D after an open for or pipe is a syntax error that ends the shell, as in bash', async () => {
    const t = await open();
    await type(t, 'cd /tmp');
    expect(await type(t, 'for i in 1')).toEqual(`for i in 1\r\n> `);
    // bash prints `exit` and ends; the page starts a new login shell in the home directory.
    expect(await t.send('\x04')).toEqual(`\r\nbash: syntax error: unexpected end of file\r\nexit\r\n${PS1}`);
    await type(t, 'echo a |');
    expect(await t.send('\x04')).toEqual(`\r\nbash: syntax error: unexpected end of file\r\nexit\r\n${PS1}`);
    // Ctrl-D on an empty PS1 line is still the end of the shell, `exit` on the same row.
    expect(await t.send('\x04')).toEqual(`exit\r\n${PS1}`);
  });

  it('Ctrl-D after a backslash-newline runs the command, then the shell ends silently', async () => {
    const t = await open();
    await type(t, 'cd /tmp');
    await type(t, 'echo a \\');
    expect(await t.send('\x04')).toEqual(`\r\na\r\n${PS1}`);
  });

  it('Ctrl-D in an open quote reports it, then reads one line to discard; Ctrl-D there ends the shell', async () => {
    const t = await open();
    await type(t, "echo 'a");
    expect(await t.send('\x04')).toEqual("\r\nbash: unexpected EOF while looking for matching `''\r\n> ");
    expect(await t.send('\x04')).toEqual(`\r\nexit\r\n${PS1}`);
    await type(t, 'echo "a');
    expect(await t.send('\x04')).toEqual('\r\nbash: unexpected EOF while looking for matching `"\'\r\n> ');
    expect(await type(t, 'echo thrown away')).toEqual(`echo thrown away\r\n${PS1}`);
  });

  it('runs a pasted block as bash runs it typed line by line, heredoc and continued lines included', async () => {
    const t = await open();
    const block = ['cat > Dockerfile <<EOF', 'FROM alpine', 'CMD ["echo", "hi"]', 'EOF', 'echo one \\', '  two', 'for f in Dockerfile', 'do wc -l $f', 'done', ''].join('\r');
    expect(await t.send(`\x1b[200~${block}\x1b[201~`)).toEqual(
      'cat > Dockerfile <<EOF\r\n> FROM alpine\r\n> CMD ["echo", "hi"]\r\n> EOF\r\n' +
        `${PS1}echo one \\\r\n>   two\r\none two\r\n` +
        `${PS1}for f in Dockerfile\r\n> do wc -l $f\r\n> done\r\n2 Dockerfile\r\n${PS1}`,
    );
    expect(await type(t, 'cat Dockerfile')).toEqual(`cat Dockerfile\r\nFROM alpine\r\nCMD ["echo", "hi"]\r\n${PS1}`);
  });

  it('still feeds typed lines to `cat > file` without a heredoc until Ctrl-D', async () => {
    const t = await open();
    expect(await type(t, 'cat > notes.txt', 'hello', 'for i in')).toEqual(`cat > notes.txt\r\nhello\r\nfor i in\r\n`);
    expect(await t.send('\x04')).toEqual(PS1);
    expect(await type(t, 'cat notes.txt')).toEqual(`cat notes.txt\r\nhello\r\nfor i in\r\n${PS1}`);
  });

  it('keeps a half-typed here-document when another tab changes the lab meanwhile', async () => {
    const store = new MemoryStore();
    const tabs = { locks: sharedLock(), channel: `layerlab-test-${crypto.randomUUID()}` };
    const a = await open(store, tabs);
    const b = await open(store, tabs);
    await type(b, 'mkdir -p work && cd work', 'cat > notes <<EOF', 'one');
    await type(a, 'echo from-a > a.txt');
    await new Promise((r) => setTimeout(r, 20));
    expect(await type(b, 'two', 'EOF')).toEqual(`two\r\n> EOF\r\nlearner@layerlab:~/work$ `);
    expect(await type(b, 'cat notes ../a.txt')).toEqual(`cat notes ../a.txt\r\none\r\ntwo\r\nfrom-a\r\nlearner@layerlab:~/work$ `);
  });
});
