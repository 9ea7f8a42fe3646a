/**
 * Starts a runner in-process for a test: the configuration from a few
 * RUNNER_* overrides (through loadConfig, so the tests parse what operators
 * write), a backend, and the open test policy unless told otherwise.
 */
import { loadConfig } from '../../../runner/config.ts';
import { startRunner, type Runner } from '../../../runner/server.ts';
import type { SessionBackend } from '../../../runner/backends/backend.ts';
import type { PolicyModule } from '../../../runner/proxy/connection.ts';
import { openPolicy } from './open-policy.ts';

/** The page origin the tests' runner allows. */
export const ORIGIN = 'http://page.test';

/** A runner on an ephemeral loopback port; `events` collects its log lines. */
export async function runner(backend: SessionBackend, env: Record<string, string> = {}, policy: PolicyModule | 'default' = openPolicy): Promise<Runner & { events: { event: string; fields: Record<string, unknown> }[] }> {
  const cfg = loadConfig({ RUNNER_PORT: '0', RUNNER_ALLOWED_ORIGINS: ORIGIN, RUNNER_STATE_DIR: '/tmp/unused', ...env });
  const events: { event: string; fields: Record<string, unknown> }[] = [];
  const r = await startRunner({ cfg, backend, ...(policy === 'default' ? {} : { policy }), log: (event, fields = {}) => void events.push({ event, fields }) });
  return Object.assign(r, { events });
}
