/**
 * Every flag of every implemented docker command is either honoured or
 * refused (issue: "each handler declares the flags it supports"). Walks the
 * catalog: a flag the handler declares must change what the learner sees
 * (flag-effects.ts: the same lines with and without it, in identically seeded
 * labs, must differ); any other flag must be refused with one plain line,
 * exit 125, and the lab left exactly as it was. Global options too.
 */
import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../worker/cli/handlers.ts';
import { specByPath } from '../../worker/cli/command/catalog.ts';
import type { FlagSpec } from '../../worker/cli/command/spec.ts';
import { createSession, type LineResult } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';
import { FLAG_EFFECTS, type FlagEffect } from './flag-effects.ts';

async function lab(tty = false) {
  const s = await createSession({ store: new MemoryStore(), preload: ['alpine'], clock: () => NOW, random: seeded(7), isTTY: tty });
  return (line: string): Promise<LineResult> => s.runLine(line);
}

async function transcript(effect: FlagEffect, line: string): Promise<LineResult[]> {
  const run = await lab(effect.tty);
  for (const l of effect.setup ?? []) await run(l);
  const out = [await run(line)];
  for (const l of effect.observe ?? []) out.push(await run(l));
  return out.map(({ cmd: _cmd, stdoutBytes: _b, ...rest }) => rest as LineResult);
}

/** A value each flag type parses, so the refusal (not a parse error) is what answers. */
function valueFor(f: FlagSpec): string | undefined {
  if (f.type === 'bool') return undefined;
  if (f.validate === 'attach') return 'stdout';
  if (f.validate === 'ip-address') return '127.0.0.1';
  if (f.validate === 'extra-host') return 'h:127.0.0.1';
  if (f.validate === 'label' || f.type === 'map' || f.type === 'filter') return 'a=b';
  if (['int', 'int64', 'uint', 'uint16', 'uint32', 'uint64', 'float', 'decimal'].includes(f.type)) return '1';
  if (f.type === 'duration') return '1s';
  if (f.type === 'bytes') return '64m';
  return 'x';
}

/** Positional arguments that satisfy each command's arity. */
const ARGS: Record<string, string> = {
  'image build': '.', 'image inspect': 'alpine', 'image history': 'alpine', 'image rm': 'alpine', 'image pull': 'alpine',
  'image save': 'alpine', 'image import': 'x.tar', 'container run': 'alpine true', 'container create': 'alpine true',
  'container exec': 'box true', 'container cp': 'f box:/f', inspect: 'alpine',
  'network create': 'n1', 'network inspect': 'bridge', 'network rm': 'bridge', 'network connect': 'bridge box', 'network disconnect': 'bridge box',
  'volume create': 'vol', 'volume inspect': 'vol', 'volume rm': 'vol',
  ...Object.fromEntries(['start', 'stop', 'kill', 'restart', 'rm', 'logs', 'attach', 'inspect', 'commit', 'export'].map((c) => [`container ${c}`, 'box'])),
};

const STATE = ['docker ps -a --no-trunc', 'docker images -a --no-trunc', 'docker network ls --no-trunc', 'ls -la'];

describe('every flag of an implemented command is honoured or refused', () => {
  for (const [path, impl] of Object.entries(HANDLERS)) {
    const spec = specByPath(path)!;
    it(`${path}: declares only flags it has`, () => {
      expect(impl.flags.filter((f) => !spec.flags.some((s) => s.name === f))).toEqual([]);
    });
    for (const flag of spec.flags) {
      if (flag.name === 'help') continue;
      const key = `${path} --${flag.name}`;
      if (impl.flags.includes(flag.name)) {
        it(`${key} is honoured: its effect shows`, async () => {
          const effect = FLAG_EFFECTS[key];
          expect(effect, `no case in flag-effects.ts for ${key}`).toBeDefined();
          if (effect!.timingOnly !== undefined) {
            expect((await transcript(effect!, effect!.with))[0]!.rc).toEqual(0);
            return;
          }
          const [withFlag, without] = [await transcript(effect!, effect!.with), await transcript(effect!, effect!.without)];
          expect(withFlag).not.toEqual(without);
        });
      } else {
        it(`${key} is refused in plain words, the lab unchanged`, async () => {
          const run = await lab();
          await run('docker create --name box alpine');
          const before = await Promise.all(STATE.map(run));
          const value = valueFor(flag);
          const line = `docker ${path} --${flag.name}${value === undefined ? '' : `=${value}`} ${ARGS[path] ?? ''}`;
          const r = await run(line);
          expect({ stdout: r.stdout, stderr: r.stderr, rc: r.rc }).toEqual({
            stdout: '',
            stderr: `docker: flag --${flag.name} of 'docker ${path}' is not simulated in Layerlab yet; run the command without it.\n`,
            rc: 125,
          });
          expect(await Promise.all(STATE.map(run))).toEqual(before);
        });
      }
    }
  }

  it('every case in flag-effects.ts names a declared flag', () => {
    const declared = new Set(Object.entries(HANDLERS).flatMap(([path, impl]) => impl.flags.map((f) => `${path} --${f}`)));
    expect(Object.keys(FLAG_EFFECTS).filter((k) => !declared.has(k))).toEqual([]);
  });

  for (const flag of specByPath('')!.flags) {
    if (flag.name === 'help' || flag.name === 'version') continue;
    it(`global --${flag.name} is refused`, async () => {
      const run = await lab();
      const value = valueFor(flag);
      const r = await run(`docker --${flag.name}${value === undefined ? '' : `=${flag.name === 'host' ? 'unix:///x.sock' : flag.name === 'log-level' ? 'debug' : value}`} images`);
      expect({ stdout: r.stdout, stderr: r.stderr, rc: r.rc }).toEqual({
        stdout: '',
        stderr: `docker: the global option --${flag.name} is not simulated in Layerlab; run the command without it.\n`,
        rc: 125,
      });
    });
  }
});
