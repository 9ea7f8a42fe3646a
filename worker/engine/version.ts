/**
 * The Docker release the simulator answers as (design.md §3): Engine 28.5,
 * API 1.51, classic overlay2 store. One place, so `docker version`,
 * `docker info`, `/_ping` headers and image metadata agree.
 */
import type { VersionResponse } from './api-types.ts';
import { ansic } from '../common/go-time.ts';

export { ansic };

/** Version facts of the simulated engine. */
export const ENGINE_VERSION = {
  version: '28.5.1',
  api: '1.51',
  minApi: '1.24',
  gitCommit: 'f8215cc',
  goVersion: 'go1.24.8',
  buildTime: '2025-10-08T12:18:25.000000000+00:00',
  // The lab machine's kernel: Debian 12's (the host shell's /etc/os-release and uname), which
  // containers share, as on any Linux Docker Engine host.
  kernel: '6.1.0-27-amd64',
  kernelBuild: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)',
  containerd: { version: '1.7.28', commit: 'b98a3aace656320842a23f4a392a33f46af97866' },
  runc: { version: '1.3.0', commit: 'v1.3.0-0-g4ca628d1' },
  init: { version: '0.19.0', commit: 'de40ad0' },
} as const;


/** The `GET /version` body. */
export function versionResponse(): VersionResponse {
  const v = ENGINE_VERSION;
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: v.version,
        Details: {
          ApiVersion: v.api,
          Arch: 'amd64',
          BuildTime: v.buildTime,
          Experimental: 'false',
          GitCommit: v.gitCommit,
          GoVersion: v.goVersion,
          KernelVersion: v.kernel,
          MinAPIVersion: v.minApi,
          Os: 'linux',
        },
      },
      { Name: 'containerd', Version: v.containerd.version, Details: { GitCommit: v.containerd.commit } },
      { Name: 'runc', Version: v.runc.version, Details: { GitCommit: v.runc.commit } },
      { Name: 'docker-init', Version: v.init.version, Details: { GitCommit: v.init.commit } },
    ],
    Version: v.version,
    ApiVersion: v.api,
    MinAPIVersion: v.minApi,
    GitCommit: v.gitCommit,
    GoVersion: v.goVersion,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: v.kernel,
    BuildTime: v.buildTime,
  };
}
