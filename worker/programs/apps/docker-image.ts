/**
 * The programs of the docker image: the docker CLI and its compose plugin
 * (docker:cli), dockerd and moby's hack/dind wrapper (docker:dind). Versions print
 * as the real binaries do. No engine runs inside a container here: the CLI has no
 * daemon to talk to, and dind fails without --privileged exactly where the real
 * wrapper does (its first mounts), and with it says plainly that nested engines are
 * not simulated.
 */
import type { Program, ProgramRun } from '../program.ts';

const BUILDS: Record<string, { cli: string; engine: string }> = { '28.3.2': { cli: '578ccf6', engine: 'e77ff99' } };

function version(run: ProgramRun): string {
  return run.spec.env.DOCKER_VERSION ?? '28.3.2';
}

/** The docker CLI's commands (`docker help CMD` succeeds for these; docker-entrypoint.sh relies on it). */
const COMMANDS = new Set('attach build builder buildx checkpoint commit compose config container context cp create diff events exec export history image images import info init inspect kill load login logout logs manifest network node pause plugin port ps pull push rename restart rm rmi run save search secret service stack start stats stop swarm system tag top trust unpause update version volume wait'.split(' '));

const NESTED = 'Layerlab does not simulate a Docker engine inside a container (nested engines are not simulated); the lab\'s own docker is the one in the terminal';

/** docker (the CLI binary of docker:cli). */
export const docker: Program = async (run) => {
  const { spec } = run;
  const [cmd, ...rest] = run.args;
  if (run.args.length === 1 && (cmd === '--version' || cmd === '-v')) {
    spec.stdout(`Docker version ${version(run)}, build ${BUILDS[version(run)]?.cli ?? ''}\n`);
    return 0;
  }
  if (cmd === 'help' && rest.length === 1) return COMMANDS.has(rest[0]!) ? 0 : 1;
  if (cmd === 'compose' && rest.length === 1 && rest[0] === 'version') {
    spec.stdout(`Docker Compose version v${spec.env.DOCKER_COMPOSE_VERSION ?? ''}\n`);
    return 0;
  }
  spec.stderr(`${run.name}: ${NESTED}\n`);
  return 1;
};

/** docker-compose (the standalone link to the compose plugin). */
export const dockerCompose: Program = async (run) => {
  if (run.args.length === 1 && (run.args[0] === 'version' || run.args[0] === '--version' || run.args[0] === '-v')) {
    run.spec.stdout(`Docker Compose version v${run.spec.env.DOCKER_COMPOSE_VERSION ?? ''}\n`);
    return 0;
  }
  run.spec.stderr(`${run.name}: ${NESTED}\n`);
  return 1;
};

/** dockerd: `dockerd --version`; starting it needs the privileges a simulated container does not give. */
export const dockerd: Program = async (run) => {
  if (run.args.length === 1 && (run.args[0] === '--version' || run.args[0] === '-v')) {
    run.spec.stdout(`Docker version ${version(run)}, build ${BUILDS[version(run)]?.engine ?? ''}\n`);
    return 0;
  }
  return dind(run);
};

/**
 * /usr/local/bin/dind (moby hack/dind, a shell script in the real image): it mounts
 * securityfs and a tmpfs on /tmp before exec'ing dockerd. Without --privileged the
 * first mount fails (busybox mount's message), the script warns, and the tmpfs mount
 * fails under `set -e`: exit 1, as `docker run docker:dind` ends on a real engine.
 */
export const dind: Program = async (run) => {
  const { spec } = run;
  if (!spec.privileged) {
    spec.stderr('mount: permission denied (are you root?)\nCould not mount /sys/kernel/security.\nAppArmor detection and --privileged mode might break.\nmount: permission denied (are you root?)\n');
    return 1;
  }
  spec.stderr(`${run.name}: ${NESTED}\n`);
  return 1;
};
