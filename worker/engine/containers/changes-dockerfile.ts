/**
 * `docker commit --change` (and `import --change`): one Dockerfile
 * instruction applied to a container config, as moby
 * builder/dockerfile.BuildFromConfig dispatches it. Only the instructions of
 * validCommitCommands are allowed; others fail with
 * `<instr> is not a valid change command`.
 */
import { EngineError } from '../errors.ts';
import type { ContainerConfig } from './record.ts';

const VALID = ['cmd', 'entrypoint', 'healthcheck', 'env', 'expose', 'label', 'onbuild', 'stopsignal', 'user', 'volume', 'workdir'];

/** JSON array form (`["a","b"]`) or undefined when the text is shell form. */
function jsonForm(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(rest);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `k=v k2="v 2"` pairs, or the legacy `k v` form. */
function pairs(rest: string): Array<[string, string]> {
  if (!/^[^\s=]+=/.test(rest)) {
    const m = /^(\S+)\s+(.*)$/.exec(rest);
    if (!m) throw new EngineError('InvalidParameter', `ENV must have two arguments`);
    return [[m[1]!, m[2]!]];
  }
  const out: Array<[string, string]> = [];
  const re = /([^\s=]+)=("((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/g;
  for (let m; (m = re.exec(rest)); ) out.push([m[1]!, m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : (m[4] ?? m[5] ?? '')]);
  return out;
}

/** Applies one change line to a copy of the config. */
export function applyChange(config: ContainerConfig, line: string): ContainerConfig {
  const m = /^\s*(\S+)\s*(.*?)\s*$/s.exec(line);
  if (!m) return config;
  const instr = m[1]!.toLowerCase();
  const rest = m[2]!;
  if (!VALID.includes(instr)) throw new EngineError('InvalidParameter', `${instr} is not a valid change command`);
  const c: ContainerConfig = { ...config };
  const shellForm = (s: string): string[] => jsonForm(s) ?? ['/bin/sh', '-c', s];
  switch (instr) {
    case 'cmd':
      c.Cmd = shellForm(rest);
      break;
    case 'entrypoint':
      c.Entrypoint = rest === '' ? null : shellForm(rest);
      c.Cmd = null;
      break;
    case 'env': {
      let env = [...c.Env];
      for (const [k, v] of pairs(rest)) {
        const i = env.findIndex((e) => e.split('=')[0] === k);
        if (i >= 0) env[i] = `${k}=${v}`;
        else env = [...env, `${k}=${v}`];
      }
      c.Env = env;
      break;
    }
    case 'label':
      c.Labels = { ...c.Labels, ...Object.fromEntries(pairs(rest)) };
      break;
    case 'expose': {
      const ports = { ...(c.ExposedPorts ?? {}) };
      for (const p of rest.split(/\s+/).filter(Boolean)) ports[p.includes('/') ? p.toLowerCase() : `${p}/tcp`] = {};
      c.ExposedPorts = ports;
      break;
    }
    case 'user':
      c.User = rest;
      break;
    case 'workdir':
      c.WorkingDir = rest.startsWith('/') ? rest : `${c.WorkingDir || '/'}/${rest}`.replace(/\/+/g, '/');
      break;
    case 'volume': {
      const vols = { ...(c.Volumes ?? {}) };
      for (const v of jsonForm(rest) ?? rest.split(/\s+/).filter(Boolean)) vols[v] = {};
      c.Volumes = vols;
      break;
    }
    case 'stopsignal':
      c.StopSignal = rest;
      break;
    case 'onbuild':
      c.OnBuild = [...(c.OnBuild ?? []), rest];
      break;
    default:
      break;
  }
  return c;
}
