/**
 * The docker CLI release the simulator's client answers as: 28.5.1, the
 * client of the engine in engine/version.ts (design.md §3). `docker -v`,
 * `docker version` and `docker info` read it from here.
 */
export const CLIENT_VERSION = {
  version: '28.5.1',
  api: '1.51',
  goVersion: 'go1.24.8',
  gitCommit: 'e180ab8',
  buildTime: '2025-10-08T12:17:26Z',
  buildx: { version: 'v0.29.1', path: '/usr/libexec/docker/cli-plugins/docker-buildx' },
} as const;
