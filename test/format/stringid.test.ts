import { describe, expect, it } from 'vitest';
import { ellipsis, truncateId } from '../../worker/cli/format/stringid.ts';
import { runeWidth, stringWidth } from '../../worker/cli/format/width.ts';

describe('truncateId (moby stringid.TruncateID, docker-reference §1.3)', () => {
  it('strips the algorithm prefix and keeps 12 characters', () => {
    expect(truncateId('sha256:8aae4cb5b0040537c44439a1efd02fdc8c21a4f221bb537052695fc7af900d0a')).toEqual('8aae4cb5b004');
    expect(truncateId('29297673005e1c9d0b0c66cc2ab2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e')).toEqual('29297673005e');
  });
  it('only strips up to the first colon and leaves short IDs alone', () => {
    expect(truncateId('a:b:cdefghijklmnop')).toEqual('b:cdefghijkl');
    expect(truncateId('abc')).toEqual('abc');
    expect(truncateId('sha256:')).toEqual('');
  });
});

describe('ellipsis (formatter.Ellipsis, docker-reference §1.6)', () => {
  it('produces the captured ps COMMAND and history CREATED BY cells [cap:26]', () => {
    expect(ellipsis("sh -c 'echo x > /new/file'", 20)).toEqual("sh -c 'echo x > /ne…");
    expect(ellipsis('/bin/sh -c #(nop)  CMD ["cat" "/greeting.txt"]', 45)).toEqual(
      '/bin/sh -c #(nop)  CMD ["cat" "/greeting.txt…',
    );
    expect(ellipsis('RUN /bin/sh -c echo welcome > /etc/motd # buildkit', 45)).toEqual(
      'RUN /bin/sh -c echo welcome > /etc/motd # bu…',
    );
  });
  it('returns strings that fit unchanged', () => {
    expect(ellipsis('sleep 1000', 20)).toEqual('sleep 1000');
    expect(ellipsis('12345678901234567890', 20)).toEqual('12345678901234567890');
  });
  it('counts East-Asian wide characters as two cells', () => {
    expect(ellipsis('日本語のテキスト', 7)).toEqual('日本語…');
    expect(ellipsis('日本語', 6)).toEqual('日本語');
    expect(ellipsis('aé日本', 4)).toEqual('aé…');
  });
  it('handles the degenerate widths like Go', () => {
    expect(ellipsis('hello', 0)).toEqual('');
    expect(ellipsis('hello', -1)).toEqual('');
    expect(ellipsis('hello', 1)).toEqual('h');
    expect(ellipsis('日本', 1)).toEqual('日');
  });
});

describe('display width (go-runewidth)', () => {
  it('measures wide, narrow, ambiguous and zero-width runes', () => {
    expect(stringWidth('abc')).toEqual(3);
    expect(stringWidth('日本')).toEqual(4);
    expect(stringWidth('…')).toEqual(1);
    expect(stringWidth('e\u0301')).toEqual(1);
    expect(stringWidth('한국어')).toEqual(6);
    expect(stringWidth('ＡＢ')).toEqual(4);
    expect(runeWidth('🐳')).toEqual(2);
    expect(runeWidth('\u200b')).toEqual(0);
  });
});
