/**
 * Unit tests of the golden normalizer. Inputs are real outputs recorded from
 * CLI 28.2.2 / Engine 26.1.5 (test/golden/fixtures), shortened where noted.
 */
import { describe, expect, it } from 'vitest';
import { createNormalizer, normalize, normalizeSizes, normalizeTable } from './normalize.ts';

const FULL = 'c0172301fd979d42d7fbcf547191505e9c2ad01e6bd8b7d0310208a47960452e';
const OTHER = '19246b7486b43ff61d7902e2d41bec9ccce423d4fabdad3754aa685b3669b126';

describe('normalize: ids', () => {
  it('numbers ids by first appearance and keeps a short id tied to its full id', () => {
    const text = `Deleted: sha256:${OTHER}\nUntagged: x\n${FULL.slice(0, 12)} then sha256:${FULL} and ${OTHER.slice(0, 12)}\n`;
    expect(normalize(text)).toEqual('Deleted: sha256:<id1>\nUntagged: x\n<id2:12> then sha256:<id2> and <id1:12>\n');
  });

  it('keeps the numbering across calls of one normalizer (a transcript)', () => {
    const n = createNormalizer();
    expect(n(`sha256:${FULL}\n`)).toEqual('sha256:<id1>\n');
    expect(n(`${OTHER.slice(0, 12)}\n${FULL.slice(0, 12)}\n`)).toEqual('<id2:12>\n<id1:12>\n');
  });

  it('labels ids by the transcript line that introduced them when lines are given', () => {
    const n = createNormalizer();
    expect(n(`sha256:${FULL}\n`, 3)).toEqual('sha256:<id3.1>\n');
    expect(n(`${OTHER.slice(0, 12)} ${FULL.slice(0, 12)}\n`, 5)).toEqual('<id5.1:12> <id3.1:12>\n');
  });

  it('leaves hex runs of other lengths and words alone', () => {
    expect(normalize('Git commit: e6534b4 abcdefabcdef0 deadbeefcafe1x\n')).toEqual('Git commit: e6534b4 abcdefabcdef0 deadbeefcafe1x\n');
  });
});

describe('normalize: times, names, paths', () => {
  it('replaces HumanDuration phrases and timestamps', () => {
    const json =
      '{"Containers":"N/A","CreatedAt":"2026-11-24 03:10:12 +0000 UTC","CreatedSince":"51 seconds ago","Digest":"\\u003cnone\\u003e"}\n';
    expect(normalize(json)).toEqual('{"Containers":"N/A","CreatedAt":"<time>","CreatedSince":"<since>","Digest":"\\u003cnone\\u003e"}\n');
    expect(normalize('"Created": "2025-10-08T11:04:56Z",\n"LastTagTime": "0001-01-01T00:00:00Z"\n')).toEqual(
      '"Created": "<time>",\n"LastTagTime": "0001-01-01T00:00:00Z"\n',
    );
    expect(normalize('About a minute ago / Less than a second ago / 13 months ago / 1 second ago / Up About an hour\n')).toEqual(
      '<since> / <since> / <since> / <since> / Up <since>\n',
    );
  });

  it('replaces a content hash cut by the CREATED BY ellipsis', () => {
    expect(normalize('/bin/sh -c #(nop) ADD file:b1be1d6708c1b0ea0…\n')).toEqual('/bin/sh -c #(nop) ADD file:<hash>…\n');
  });

  it('replaces generated container names and the oracle data root', () => {
    expect(normalize('gallant_ardinghelli dreamy_gould my_name\n')).toEqual('<name> <name> my_name\n');
    expect(normalize(`"UpperDir": "/tmp/oracle/data/overlay2/${FULL}/diff",\n`)).toEqual('"UpperDir": "/var/lib/docker/overlay2/<id1>/diff",\n');
  });
});

describe('normalize: tables', () => {
  it('re-renders a table with tabwriter padding after replacing cells', () => {
    const real = [
      'REPOSITORY    TAG       IMAGE ID       CREATED                  SIZE',
      'alpine        bash      05a20444aa82   Less than a second ago   1.98MB',
      'hello-world   latest    19246b7486b4   15 months ago            683kB',
      '',
    ].join('\n');
    expect(normalize(real)).toEqual(
      [
        'REPOSITORY    TAG       IMAGE ID   CREATED   SIZE',
        'alpine        bash      <id1:12>   <since>   1.98MB',
        'hello-world   latest    <id2:12>   <since>   683kB',
        '',
      ].join('\n'),
    );
  });

  it('keeps trailing padding when the last column is empty (history COMMENT)', () => {
    const real = [
      'IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT',
      '05a20444aa82   Less than a second ago   sh -c echo "#!/bin/sh" > /bin/bash && chmod …   10B       ',
      'c0172301fd97   13 months ago            CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0',
      '<missing>      13 months ago            ADD alpine-minirootfs-3.22.2-x86_64.tar.gz /…   1.98MB    buildkit.dockerfile.v0',
      '',
    ].join('\n');
    expect(normalizeSizes(normalize(real))).toEqual(
      [
        'IMAGE       CREATED   CREATED BY                                      SIZE      COMMENT',
        '<id1:12>    <since>   sh -c echo "#!/bin/sh" > /bin/bash && chmod …   10B       ',
        '<id2:12>    <since>   CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0',
        '<missing>   <since>   ADD alpine-minirootfs-3.22.2-x86_64.tar.gz /…   <size>    buildkit.dockerfile.v0',
        '',
      ].join('\n'),
    );
  });

  it('leaves a header-only table and non-table text unchanged', () => {
    const empty = 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n';
    expect(normalizeTable(empty)).toEqual(empty);
    const warn = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ';
    expect(normalize(warn)).toEqual(warn);
  });

  it('does not hide a difference in header text or column order', () => {
    const a = normalize('REPOSITORY   TAG       IMAGE ID\nalpine       latest    c0172301fd97\n');
    const b = normalize('REPOSITORY   IMAGE ID       TAG\nalpine       c0172301fd97   latest\n');
    expect(a).not.toEqual(b);
  });
});

describe('normalizeSizes', () => {
  it('hides sizes of 1 kB and more, keeps byte-sized ones', () => {
    expect(normalizeSizes('Total reclaimed space: 682.7kB\n')).toEqual('Total reclaimed space: <size>\n');
    expect(normalizeSizes('Total reclaimed space: 0B\n')).toEqual('Total reclaimed space: 0B\n');
    expect(normalizeSizes('"Size": 1984432,\n"size": 1536,\n"size": 512,\n')).toEqual('"Size": <size>,\n"size": <size>,\n"size": 512,\n');
  });

  it('hides raw byte counts in the SIZE column of `history -H=false`', () => {
    const real = [
      'IMAGE          CREATED AT             CREATED BY                SIZE      COMMENT',
      '72dcea49d357   2026-11-24T03:10:12Z   CMD ["/hello"]            0         buildkit.dockerfile.v0',
      '<missing>      2026-11-24T03:10:12Z   COPY hello / # buildkit   682696    buildkit.dockerfile.v0',
      '',
    ].join('\n');
    expect(normalizeSizes(normalize(real))).toEqual(
      [
        'IMAGE       CREATED AT   CREATED BY                SIZE      COMMENT',
        '<id1:12>    <time>       CMD ["/hello"]            0         buildkit.dockerfile.v0',
        '<missing>   <time>       COPY hello / # buildkit   <size>    buildkit.dockerfile.v0',
        '',
      ].join('\n'),
    );
  });
});
