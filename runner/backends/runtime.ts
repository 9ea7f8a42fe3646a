/**
 * Which OCI runtime the learner's containers run under on this host.
 * gVisor (runsc, Debian's package) puts an application kernel between the
 * container and the host (runner-security.md §3.1, rank 2b); it does not
 * work everywhere (nested sandboxes, missing ptrace/KVM platforms), so
 * RUNNER_RUNTIME=auto tries it once at start and falls back to runc.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's runsc lives. */
export const RUNSC = '/usr/bin/runsc';

/** The outcome of the probe, with the reason when runsc is not used. */
export interface RuntimeDecision {
  runtime: 'runc' | 'runsc';
  reason: string;
}

/**
 * Runs `runsc --network=none do /bin/echo` (a one-off sandbox around a host
 * command): if that prints, a container under runsc starts here too.
 */
export async function probeRunsc(): Promise<{ ok: boolean; reason: string }> {
  if (!existsSync(RUNSC)) return { ok: false, reason: `${RUNSC} is not installed (apt-get install runsc)` };
  const root = mkdtempSync(join(tmpdir(), 'layerlab-runsc-probe-'));
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(RUNSC, ['--network=none', `--root=${root}`, 'do', '/bin/echo', 'layerlab-probe'], { timeout: 30_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message.split('\n')[0]} ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`)) : resolve(stdout),
      ),
    );
    return out.includes('layerlab-probe') ? { ok: true, reason: 'runsc ran a probe sandbox' } : { ok: false, reason: `runsc printed ${JSON.stringify(out.slice(0, 100))}` };
  } catch (e) {
    return { ok: false, reason: `runsc failed: ${(e as Error).message}` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Resolves RUNNER_RUNTIME: `runsc` must work (else the start fails), `auto` uses it when it works. */
export async function decideRuntime(choice: 'auto' | 'runc' | 'runsc'): Promise<RuntimeDecision> {
  if (choice === 'runc') return { runtime: 'runc', reason: 'RUNNER_RUNTIME=runc' };
  const probe = await probeRunsc();
  if (choice === 'runsc') {
    if (!probe.ok) throw new Error(`RUNNER_RUNTIME=runsc but ${probe.reason}`);
    return { runtime: 'runsc', reason: probe.reason };
  }
  return probe.ok ? { runtime: 'runsc', reason: `auto: ${probe.reason}` } : { runtime: 'runc', reason: `auto: ${probe.reason}; containers run under runc` };
}
