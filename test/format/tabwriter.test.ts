import { describe, expect, it } from 'vitest';
import { tabwrite } from '../../worker/cli/format/tabwriter.ts';

const rows = (lines: string[][]): string => lines.map((cells) => cells.join('\t') + '\n').join('');

describe('tabwrite (docker tabwriter 10/1/3/space)', () => {
  it('reproduces the captured docker images table [cap:26]', () => {
    const input = rows([
      ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
      ['ref-bk', '2', 'b4d4372e73a9', '4 seconds ago', '1.99MB'],
      ['ref-args', '1', 'bcf907ff538a', 'About a minute ago', '1.99MB'],
      ['busybox', 'latest', '4f8afa73d7b4', '3 minutes ago', '1.99MB'],
      ['ref-bb', 'copy', '4f8afa73d7b4', '3 minutes ago', '1.99MB'],
      ['localhost:5000/alpine', '3.22', 'dc980c18144b', '15 months ago', '1.98MB'],
    ]);
    expect(tabwrite(input)).toEqual(
      'REPOSITORY              TAG       IMAGE ID       CREATED              SIZE\n' +
        'ref-bk                  2         b4d4372e73a9   4 seconds ago        1.99MB\n' +
        'ref-args                1         bcf907ff538a   About a minute ago   1.99MB\n' +
        'busybox                 latest    4f8afa73d7b4   3 minutes ago        1.99MB\n' +
        'ref-bb                  copy      4f8afa73d7b4   3 minutes ago        1.99MB\n' +
        'localhost:5000/alpine   3.22      dc980c18144b   15 months ago        1.98MB\n',
    );
  });

  it('prints a header-only table with minimum widths [cap:26]', () => {
    expect(tabwrite('REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\n')).toEqual(
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
    );
    expect(tabwrite('CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n')).toEqual(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });

  it('pads empty middle cells (ps PORTS) [cap:26]', () => {
    const input = rows([
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      ['29297673005e', 'busybox', '"sleep 1000"', '2 seconds ago', 'Up 2 seconds', '', 'ref-web'],
      ['9cbea8ce3f64', 'busybox', '"sleep 1000"', '2 seconds ago', 'Up 2 seconds (Paused)', '', 'ref-paused'],
      ['7607c65a70f5', 'busybox', '"sh"', '2 seconds ago', 'Created', '', 'ref-created'],
      ['2406c5b03299', 'busybox', '"echo hello"', '2 seconds ago', 'Exited (0) 2 seconds ago', '', 'awesome_mestorf'],
      ['ac82866e4dcd', 'busybox', `"sh -c 'exit 7'"`, '2 seconds ago', 'Exited (7) 2 seconds ago', '', 'determined_heyrovsky'],
    ]);
    expect(tabwrite(input)).toEqual(
      'CONTAINER ID   IMAGE     COMMAND            CREATED         STATUS                     PORTS     NAMES\n' +
        '29297673005e   busybox   "sleep 1000"       2 seconds ago   Up 2 seconds                         ref-web\n' +
        '9cbea8ce3f64   busybox   "sleep 1000"       2 seconds ago   Up 2 seconds (Paused)                ref-paused\n' +
        '7607c65a70f5   busybox   "sh"               2 seconds ago   Created                              ref-created\n' +
        '2406c5b03299   busybox   "echo hello"       2 seconds ago   Exited (0) 2 seconds ago             awesome_mestorf\n' +
        `ac82866e4dcd   busybox   "sh -c 'exit 7'"   2 seconds ago   Exited (7) 2 seconds ago             determined_heyrovsky\n`,
    );
  });

  it('leaves trailing spaces when the last cell is empty (history COMMENT) [cap:26]', () => {
    const input = rows([
      ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
      ['dc980c18144b', '16 months ago', 'CMD ["/bin/sh"]', '0B', 'buildkit.dockerfile.v0'],
      ['<missing>', '16 months ago', 'RUN /bin/sh -c echo welcome > /etc/motd # bu…', '8B', 'buildkit.dockerfile.v0'],
      ['<missing>', '3 minutes ago', '/bin/busybox --install -s /bin', '3.08kB', ''],
      ['<missing>', '10 minutes ago', '', '1.98MB', 'Imported from -'],
    ]);
    expect(tabwrite(input)).toEqual(
      'IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT\n' +
        'dc980c18144b   16 months ago    CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0\n' +
        '<missing>      16 months ago    RUN /bin/sh -c echo welcome > /etc/motd # bu…   8B        buildkit.dockerfile.v0\n' +
        '<missing>      3 minutes ago    /bin/busybox --install -s /bin                  3.08kB    \n' +
        '<missing>      10 minutes ago                                                   1.98MB    Imported from -\n',
    );
  });

  it('starts a new column block when a line has fewer cells (Go tabwriter doc example)', () => {
    // aaaa|bbb|d / aa|b|dd / a| / aa|cccc|eee with minwidth 0, padding 1.
    const out = tabwrite('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n', {
      minwidth: 0,
      tabwidth: 8,
      padding: 1,
      padchar: '.',
    });
    expect(out).toEqual('aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n');
  });

  it('aligns wide characters by display width and keeps unterminated text', () => {
    expect(tabwrite('名前\tX\nab\tY\n')).toEqual('名前      X\nab        Y\n');
    expect(tabwrite('a\tb')).toEqual('a         b');
    expect(tabwrite('')).toEqual('');
    expect(tabwrite('x\n\ny\tz\n')).toEqual('x\n\ny         z\n');
  });

  it('treats a form feed as a line break that ends all columns', () => {
    expect(tabwrite('longer-cell-here\tx\fa\tb\n')).toEqual('longer-cell-here   x\na         b\n');
  });
});
