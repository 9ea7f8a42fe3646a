/**
 * The metadata instructions (everything but RUN, COPY, ADD and FROM): the
 * change each makes to the image config, with variables expanded where
 * Docker expands them (ENV, LABEL, ARG defaults, EXPOSE, WORKDIR, USER,
 * VOLUME, STOPSIGNAL — not CMD, ENTRYPOINT, SHELL, HEALTHCHECK), and the
 * text each builder records in history: moby's `#(nop)  <INSTR …>` comment
 * (builder/dockerfile/dispatchers.go) and BuildKit's bare form
 * (dockerfile2llb commitToHistory).
 */
import { checkExposePort, checkStopSignal, healthInterval, healthRetries } from './dockerfile/values.ts';
import type { HealthConfig } from '../image-config.ts';
import type { Instruction } from './dockerfile/instructions.ts';
import { processWord, processWords } from './dockerfile/lex.ts';
import type { StageState } from './stage.ts';
import { goQuoteSlice, goSlice, joinWorkdir, setEnv } from './words.ts';

/** What a metadata step recorded. */
export interface MetaStep {
  /** Legacy history text after `/bin/sh -c #(nop) ` (e.g. ` LABEL a=b`, `WORKDIR /app`). */
  legacy: string;
  /** BuildKit history text. */
  buildkit: string;
  /** WORKDIR: the directory to create. */
  mkdir?: string;
}

/** The default shell of Linux images. */
export const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** Expands one word with the stage's variables (lex.go ProcessWord, unset = empty). */
export function expand(word: string, vars: ReadonlyMap<string, string>, escape: string): string {
  return processWord(word, (k) => vars.get(k), { escapeToken: escape });
}

/** A command line in shell form becomes `SHELL + [cmd]`; exec form stays. */
export function commandLine(st: StageState, args: string[], json: boolean): string[] {
  return json ? args : [...(st.config.Shell ?? DEFAULT_SHELL), args.join(' ')];
}


/** Go maps marshal with sorted keys; keeping them sorted makes every JSON view agree. */
function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Applies a metadata instruction to the stage; returns what history records. */
export function applyMeta(st: StageState, ins: Instruction, vars: Map<string, string>, escape: string): MetaStep {
  const cfg = st.config;
  const x = (w: string) => expand(w, vars, escape);
  switch (ins.kind) {
    case 'env': {
      const parts: string[] = [];
      for (const p of ins.pairs) {
        const k = x(p.key);
        const v = x(p.value);
        cfg.Env = setEnv(cfg.Env ?? [], k, v);
        vars.set(k, v);
        parts.push(`${k}=${v}`);
      }
      return { legacy: ` ENV ${parts.join(' ')}`, buildkit: `ENV ${parts.join(' ')}` };
    }
    case 'label': {
      const parts: string[] = [];
      for (const p of ins.pairs) {
        const k = x(p.key);
        const v = x(p.value);
        cfg.Labels = sortedKeys({ ...(cfg.Labels ?? {}), [k]: v });
        parts.push(`${k}=${v}`);
      }
      return { legacy: ` LABEL ${parts.join(' ')}`, buildkit: `LABEL ${parts.join(' ')}` };
    }
    case 'arg': {
      const parts: string[] = [];
      for (const a of ins.args) {
        const v = a.value === undefined ? undefined : x(a.value);
        st.args.set(a.key, v);
        parts.push(v === undefined ? a.key : `${a.key}=${v}`);
      }
      return { legacy: ` ARG ${parts.join(' ')}`, buildkit: `ARG ${parts.join(' ')}` };
    }
    case 'cmd':
    case 'entrypoint': {
      const line = commandLine(st, ins.args, ins.json);
      if (ins.kind === 'cmd') {
        cfg.Cmd = line;
        st.cmdSet = true;
      } else {
        cfg.Entrypoint = line;
        if (!st.cmdSet) delete cfg.Cmd;
      }
      const word = ins.kind.toUpperCase();
      return { legacy: ` ${word} ${goQuoteSlice(line)}`, buildkit: `${word} ${goQuoteSlice(line)}` };
    }
    case 'expose': {
      const ports = ins.ports.flatMap((p) => processWords(p, (k) => vars.get(k), { escapeToken: escape }));
      for (const p of ports) checkExposePort(p);
      const norm = ports.map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
      const ports2: Record<string, Record<string, never>> = { ...(cfg.ExposedPorts ?? {}) };
      for (const p of norm) ports2[p] = {};
      cfg.ExposedPorts = sortedKeys(ports2);
      return { legacy: ` EXPOSE ${[...ports].sort().join(' ')}`, buildkit: `EXPOSE ${goSlice(norm)}` };
    }
    case 'workdir': {
      const dir = joinWorkdir(cfg.WorkingDir ?? '', x(ins.value));
      cfg.WorkingDir = dir;
      return { legacy: `WORKDIR ${dir}`, buildkit: `WORKDIR ${dir}`, mkdir: dir };
    }
    case 'user':
      cfg.User = x(ins.value);
      return { legacy: ` USER ${cfg.User}`, buildkit: `USER ${cfg.User}` };
    case 'volume': {
      const vols = ins.volumes.map(x);
      const v2: Record<string, Record<string, never>> = { ...(cfg.Volumes ?? {}) };
      for (const v of vols) v2[v] = {};
      cfg.Volumes = sortedKeys(v2);
      return { legacy: ` VOLUME ${goSlice(vols)}`, buildkit: `VOLUME ${goSlice(vols)}` };
    }
    case 'stopsignal':
      checkStopSignal(x(ins.value));
      cfg.StopSignal = x(ins.value);
      return { legacy: ` STOPSIGNAL ${cfg.StopSignal}`, buildkit: `STOPSIGNAL ${cfg.StopSignal}` };
    case 'shell':
      cfg.Shell = ins.shell;
      return { legacy: ` SHELL ${goSlice(ins.shell)}`, buildkit: `SHELL ${goSlice(ins.shell)}` };
    case 'maintainer':
      st.image.author = ins.value;
      return { legacy: ` MAINTAINER ${ins.value}`, buildkit: `MAINTAINER ${ins.value}` };
    case 'onbuild':
      cfg.OnBuild = [...(cfg.OnBuild ?? []), ins.expression];
      return { legacy: ` ONBUILD ${ins.expression}`, buildkit: `ONBUILD ${ins.expression}` };
    case 'healthcheck': {
      let hc: HealthConfig;
      if (ins.test === 'NONE') hc = { Test: ['NONE'] };
      else {
        // container.HealthConfig marshals its durations and retries with omitempty.
        const full: HealthConfig = {
          Test: ins.json ? ['CMD', ...ins.test] : ['CMD-SHELL', ins.test.join(' ')],
          Interval: healthInterval('interval', ins.flags.interval),
          Timeout: healthInterval('timeout', ins.flags.timeout),
          StartPeriod: healthInterval('start-period', ins.flags['start-period']),
          StartInterval: healthInterval('start-interval', ins.flags['start-interval']),
          Retries: healthRetries(ins.flags.retries),
        };
        hc = Object.fromEntries(Object.entries(full).filter(([, v]) => v !== 0)) as HealthConfig;
      }
      cfg.Healthcheck = hc;
      const fmt = (ns: number | undefined) => `${(ns ?? 0) / 1e9}s`;
      const legacy = `&{${goQuoteSlice(hc.Test ?? [])} "${fmt(hc.Interval)}" "${fmt(hc.Timeout)}" "${fmt(hc.StartPeriod)}" "${fmt(hc.StartInterval)}" '\\x${(hc.Retries ?? 0).toString(16).padStart(2, '0')}'}`;
      return { legacy: ` HEALTHCHECK ${legacy}`, buildkit: `HEALTHCHECK ${legacy}` };
    }
    default:
      throw new Error(`not a metadata instruction: ${ins.kind}`);
  }
}
