import { describe, expect, it } from 'vitest';
import {
  familiarString,
  parseAnyReference,
  parseNormalizedNamed,
  referenceString,
  withDefaultTag,
} from '../../worker/engine/reference.ts';

const err = (s: string) => {
  try {
    parseNormalizedNamed(s);
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('parseNormalizedNamed', () => {
  it('normalises familiar names as distribution/reference does', () => {
    expect(referenceString(parseNormalizedNamed('alpine'))).toBe('docker.io/library/alpine');
    expect(referenceString(parseNormalizedNamed('alpine:3.22'))).toBe('docker.io/library/alpine:3.22');
    expect(referenceString(parseNormalizedNamed('user/app:v1'))).toBe('docker.io/user/app:v1');
    expect(referenceString(parseNormalizedNamed('index.docker.io/library/nginx'))).toBe('docker.io/library/nginx');
    expect(referenceString(parseNormalizedNamed('localhost:5000/x:1'))).toBe('localhost:5000/x:1');
    expect(referenceString(parseNormalizedNamed('Registry.Example.com/a'))).toBe('Registry.Example.com/a');
    const d = `sha256:${'a'.repeat(64)}`;
    expect(referenceString(parseNormalizedNamed(`alpine@${d}`))).toBe(`docker.io/library/alpine@${d}`);
  });

  it('prints familiar strings', () => {
    expect(familiarString(withDefaultTag(parseNormalizedNamed('docker.io/library/alpine')))).toBe('alpine:latest');
    expect(familiarString(parseNormalizedNamed('docker.io/user/x:1'))).toBe('user/x:1');
    expect(familiarString(parseNormalizedNamed('localhost:5000/a/b'))).toBe('localhost:5000/a/b');
  });

  it("gives Docker's errors, recorded from CLI 28.2.2 (docker pull X)", () => {
    expect(err('UPPER')).toBe('invalid reference format: repository name (library/UPPER) must be lowercase');
    expect(err('Bad:Tag')).toBe('invalid reference format: repository name (library/Bad) must be lowercase');
    expect(err('alpine:')).toBe('invalid reference format');
    expect(err('a@sha256:zz')).toBe('invalid reference format');
    expect(err(`a@sha256:${'a'.repeat(40)}`)).toBe('invalid checksum digest length');
    expect(err('a'.repeat(64))).toBe(`invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`);
    expect(err('')).toBe('invalid reference format');
    expect(err(`x:${'t'.repeat(129)}`)).toBe('invalid reference format');
  });

  it('treats a bare 64-hex or sha256: string as an ID', () => {
    expect(parseAnyReference('a'.repeat(64))).toEqual({ id: `sha256:${'a'.repeat(64)}` });
    expect(parseAnyReference(`sha256:${'b'.repeat(64)}`)).toEqual({ id: `sha256:${'b'.repeat(64)}` });
  });
});
