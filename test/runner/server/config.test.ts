/**
 * RUNNER_* parsing: safe defaults, and a bad value stops the start with a
 * plain message naming the variable (never a silent fallback: a typo in a
 * limit must not mean "no limit").
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseBytes } from '../../../runner/config.ts';

describe('runner configuration', () => {
  it('has safe defaults', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8787,
      allowedOrigins: [],
      backend: 'local',
      dockerd: '/usr/sbin/dockerd',
      stateDir: '/var/lib/layerlab-runner',
      runtime: 'auto',
      network: 'none',
      memoryBytes: 512 * 1024 * 1024,
      nanoCpus: 1e9,
      pidsLimit: 256,
      diskBytes: undefined,
      idleSeconds: 600,
      ttlSeconds: 3600,
      maxSessions: 8,
      sessionsPerIp: 2,
      seedImages: [],
      registryMirror: undefined,
      reapSeconds: 60,
      heartbeatSeconds: 20,
      authSeconds: 5,
      messagesPerSecond: 400,
      trustProxy: false,
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      RUNNER_HOST: '::1', RUNNER_PORT: '9000', RUNNER_ALLOWED_ORIGINS: 'https://lab.example.org, http://localhost:5173',
      RUNNER_BACKEND: 'kubernetes', RUNNER_DOCKERD: '/opt/d/dockerd', RUNNER_STATE_DIR: '/srv/r', RUNNER_RUNTIME: 'runsc',
      RUNNER_NETWORK: 'bridge', RUNNER_MEMORY: '1g', RUNNER_CPUS: '0.5', RUNNER_PIDS: '128', RUNNER_DISK: '2g',
      RUNNER_IDLE_SECONDS: '900', RUNNER_TTL_SECONDS: '7200', RUNNER_MAX_SESSIONS: '40', RUNNER_SESSIONS_PER_IP: '3',
      RUNNER_SEED_IMAGES: '/s/a.tar,/s/b.tar', RUNNER_REGISTRY_MIRROR: 'https://mirror.internal:5000', RUNNER_REAP_SECONDS: '30',
      RUNNER_HEARTBEAT_SECONDS: '10', RUNNER_AUTH_SECONDS: '3', RUNNER_MESSAGES_PER_SECOND: '100', RUNNER_TRUST_PROXY: 'true',
    });
    expect(c).toEqual({
      host: '::1', port: 9000, allowedOrigins: ['https://lab.example.org', 'http://localhost:5173'], backend: 'kubernetes',
      dockerd: '/opt/d/dockerd', stateDir: '/srv/r', runtime: 'runsc', network: 'bridge', memoryBytes: 2 ** 30, nanoCpus: 5e8,
      pidsLimit: 128, diskBytes: 2 * 2 ** 30, idleSeconds: 900, ttlSeconds: 7200, maxSessions: 40, sessionsPerIp: 3,
      seedImages: ['/s/a.tar', '/s/b.tar'], registryMirror: 'https://mirror.internal:5000', reapSeconds: 30, heartbeatSeconds: 10,
      authSeconds: 3, messagesPerSecond: 100, trustProxy: true,
    });
  });

  it.each([
    ['RUNNER_PORT', '80a', 'RUNNER_PORT=80a: expected a whole number between 0 and 65535'],
    ['RUNNER_PORT', '70000', 'RUNNER_PORT=70000: expected a whole number between 0 and 65535'],
    ['RUNNER_PIDS', '0', 'RUNNER_PIDS=0: expected a whole number between 8 and 100000'],
    ['RUNNER_PIDS', '-1', 'RUNNER_PIDS=-1: expected a whole number between 8 and 100000'],
    ['RUNNER_MEMORY', '0', 'RUNNER_MEMORY=0: expected a size such as 512m or 2g, at least 6291456 bytes'],
    ['RUNNER_MEMORY', 'lots', 'RUNNER_MEMORY=lots: expected a size such as 512m or 2g, at least 6291456 bytes'],
    ['RUNNER_CPUS', '0', 'RUNNER_CPUS=0: expected a number of CPUs such as 1 or 0.5 (at most 64)'],
    ['RUNNER_CPUS', '1e3', 'RUNNER_CPUS=1e3: expected a number of CPUs such as 1 or 0.5 (at most 64)'],
    ['RUNNER_RUNTIME', 'kata', 'RUNNER_RUNTIME=kata: expected one of auto, runc, runsc'],
    ['RUNNER_NETWORK', 'host', 'RUNNER_NETWORK=host: expected one of none, bridge'],
    ['RUNNER_BACKEND', 'swarm', 'RUNNER_BACKEND=swarm: expected one of local, kubernetes'],
    ['RUNNER_STATE_DIR', 'state', 'RUNNER_STATE_DIR=state: expected an absolute path'],
    ['RUNNER_ALLOWED_ORIGINS', 'https://lab.example.org/', 'RUNNER_ALLOWED_ORIGINS: https://lab.example.org/ is not an origin as browsers send it (expected https://lab.example.org)'],
    ['RUNNER_ALLOWED_ORIGINS', 'HTTPS://Lab.example.org', 'RUNNER_ALLOWED_ORIGINS: HTTPS://Lab.example.org is not an origin as browsers send it (expected https://lab.example.org)'],
    ['RUNNER_ALLOWED_ORIGINS', 'https://lab.example.org:443', 'RUNNER_ALLOWED_ORIGINS: https://lab.example.org:443 is not an origin as browsers send it (expected https://lab.example.org)'],
    ['RUNNER_ALLOWED_ORIGINS', '*', 'RUNNER_ALLOWED_ORIGINS: * is not an origin such as https://lab.example.org'],
    ['RUNNER_ALLOWED_ORIGINS', 'null', 'RUNNER_ALLOWED_ORIGINS: null is not an origin such as https://lab.example.org'],
    ['RUNNER_SEED_IMAGES', 'alpine.tar', 'RUNNER_SEED_IMAGES: alpine.tar is not an absolute path to an image tar'],
    ['RUNNER_REGISTRY_MIRROR', 'mirror:5000', 'RUNNER_REGISTRY_MIRROR=mirror:5000: expected a URL such as https://mirror.example:5000'],
    ['RUNNER_TRUST_PROXY', 'yes', 'RUNNER_TRUST_PROXY=yes: expected one of true, false'],
    ['RUNNER_HOST', 'a b', 'RUNNER_HOST=a b: expected an address such as 127.0.0.1 or ::1'],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new ConfigError(message));
  });

  it('reads sizes as docker does (binary units)', () => {
    expect(['512m', '512M', '1g', '1.5g', '100', '64k', '2gb', 'x', '-1m'].map(parseBytes)).toEqual([536870912, 536870912, 1073741824, 1610612736, 100, 65536, 2147483648, null, null]);
  });
});
