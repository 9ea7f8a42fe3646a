/**
 * One case per flag the simulator declares it honours (worker/cli/handlers.ts):
 * the same lines run twice in fresh, identically seeded labs, once with the
 * flag (`with`) and once without (`without`); `setup` runs first and
 * `observe` after, in both. The walk test (flags-honoured.test.ts) requires
 * the two transcripts to differ, so a declared flag whose effect is not
 * visible in output, exit codes or state fails it.
 *
 * Keys are `<command path> --<flag>`.
 */
export interface FlagEffect {
  setup?: string[];
  with: string;
  without: string;
  observe?: string[];
  /** Run the lab as on a terminal (flags whose effect only shows there). */
  tty?: boolean;
  /**
   * The flag changes only how long the command takes (a stop timeout), as in
   * Docker itself: the reason, and the test checks the command succeeds with
   * it instead of comparing transcripts.
   */
  timingOnly?: string;
}

const DOCKERFILE = "printf 'FROM alpine\\nARG X=a\\nRUN echo $X > /x\\nCMD [\"cat\", \"/x\"]\\n' > Dockerfile";
const FAILING = "printf 'FROM alpine\\nRUN echo one > /one\\nRUN false\\n' > Dockerfile";
const STAGES = "printf 'FROM alpine AS one\\nRUN echo one > /x\\nFROM alpine\\nRUN echo two > /x\\n' > Dockerfile";
const APK = "printf 'FROM alpine\\nRUN apk add figlet\\n' > Dockerfile";
const LEGACY = 'DOCKER_BUILDKIT=0';
const DONE = "docker run -d --name done alpine echo hi && docker wait done";

export const FLAG_EFFECTS: Record<string, FlagEffect> = {
  'image build --build-arg': { setup: [DOCKERFILE], with: 'docker build -q --build-arg X=b -t t .', without: 'docker build -q -t t .', observe: ['docker run --rm t'] },
  'image build --file': { setup: [DOCKERFILE, "printf 'FROM alpine\\nCMD [\"echo\", \"other\"]\\n' > Other"], with: 'docker build -q -f Other -t t .', without: 'docker build -q -t t .', observe: ['docker run --rm t'] },
  'image build --force-rm': { setup: [FAILING], with: `${LEGACY} docker build --force-rm -t t .`, without: `${LEGACY} docker build -t t .`, observe: ['docker ps -aq | wc -l'] },
  'image build --iidfile': { setup: [DOCKERFILE], with: 'docker build -q --iidfile id.txt -t t .', without: 'docker build -q -t t .', observe: ['ls'] },
  'image build --label': { setup: [DOCKERFILE], with: 'docker build -q --label team=blue -t t .', without: 'docker build -q -t t .', observe: ["docker inspect -f '{{json .Config.Labels}}' t"] },
  'image build --network': { setup: [APK], with: 'docker build -q --network=none -t t .', without: 'docker build -q -t t .', observe: ['docker images t'] },
  'image build --no-cache': { setup: [DOCKERFILE, 'docker build -q -t t .'], with: 'docker build --no-cache --progress=plain -t t . 2>&1 | grep -c CACHED', without: 'docker build --progress=plain -t t . 2>&1 | grep -c CACHED' },
  'image build --progress': { setup: [DOCKERFILE], with: 'docker build --progress=quiet -t t .', without: 'docker build -t t .' },
  'image build --pull': { setup: [DOCKERFILE], with: "docker build --pull --progress=plain -t t . 2>&1 | sed -E 's/[0-9]+\\.[0-9]+s//g'", without: "docker build --progress=plain -t t . 2>&1 | sed -E 's/[0-9]+\\.[0-9]+s//g'" },
  'image build --quiet': { setup: [DOCKERFILE], with: 'docker build -q -t t . 2>&1', without: 'docker build -t t . 2>&1 | head -3' },
  'image build --rm': { setup: [DOCKERFILE], with: `${LEGACY} docker build --rm=false -t t . >/dev/null 2>&1`, without: `${LEGACY} docker build -t t . >/dev/null 2>&1`, observe: ['docker ps -aq | wc -l'] },
  'image build --tag': { setup: [DOCKERFILE], with: 'docker build -q -t hello:v1 .', without: 'docker build -q .', observe: ["docker images --format '{{.Repository}}:{{.Tag}}'"] },
  'image build --target': { setup: [STAGES], with: 'docker build -q --target one -t t .', without: 'docker build -q -t t .', observe: ['docker run --rm t cat /x'] },

  'image ls --all': { setup: [DOCKERFILE, `${LEGACY} docker build -q -t t .`], with: 'docker images -a -q | wc -l', without: 'docker images -q | wc -l' },
  'image ls --digests': { with: 'docker images --digests', without: 'docker images' },
  'image ls --filter': { setup: ['docker pull -q hello-world'], with: 'docker images -f reference=alpine', without: 'docker images' },
  'image ls --format': { with: "docker images --format '{{.Repository}}'", without: 'docker images' },
  'image ls --no-trunc': { with: 'docker images --no-trunc', without: 'docker images' },
  'image ls --quiet': { with: 'docker images -q', without: 'docker images' },
  'image ls --tree': { with: 'docker images --tree', without: 'docker images' },
  'image inspect --format': { with: "docker image inspect -f '{{.Os}}' alpine", without: 'docker image inspect alpine' },
  'image history --format': { with: "docker history --format '{{.ID}}' alpine", without: 'docker history alpine' },
  'image history --human': { with: 'docker history --human=false alpine', without: 'docker history alpine' },
  'image history --no-trunc': { with: 'docker history --no-trunc alpine', without: 'docker history alpine' },
  'image history --quiet': { with: 'docker history -q alpine', without: 'docker history alpine' },
  'image rm --force': { setup: ['docker create alpine'], with: 'docker rmi -f alpine', without: 'docker rmi alpine' },
  'image rm --no-prune': { setup: [DOCKERFILE, `${LEGACY} docker build -q -t t .`], with: 'docker rmi --no-prune t', without: 'docker rmi t', observe: ['docker images -aq | wc -l'] },
  'image prune --all': { with: 'docker image prune -a -f', without: 'docker image prune -f', observe: ['docker images'] },
  'image prune --filter': { setup: [DOCKERFILE, 'docker build -q -t t .', 'docker build -q --build-arg X=b -t t .'], with: "docker image prune -f --filter 'until=1h'", without: 'docker image prune -f' },
  'image prune --force': { setup: [DOCKERFILE, 'docker build -q -t t .', 'docker build -q --build-arg X=b -t t .'], with: 'docker image prune -f', without: 'docker image prune < /dev/null', observe: ['docker images -a'] },
  'image pull --all-tags': { with: 'docker pull -q -a hello-world', without: 'docker pull -q hello-world', observe: ['docker images hello-world'] },
  'image pull --platform': { with: 'docker pull -q --platform linux/arm64 hello-world', without: 'docker pull -q hello-world', observe: ['docker images hello-world'] },
  'image pull --quiet': { with: 'docker pull -q hello-world', without: 'docker pull hello-world' },
  'image save --output': { with: 'docker save -o a.tar alpine', without: 'docker save alpine > /dev/null', observe: ['ls'] },
  'image load --input': { setup: ['docker save -o a.tar alpine', 'docker rmi alpine'], with: 'docker load -i a.tar', without: 'docker load < /dev/null' },
  'image load --quiet': { tty: true, setup: ['docker save -o a.tar alpine', 'docker rmi alpine'], with: 'docker load -q -i a.tar', without: 'docker load -i a.tar' },
  'image import --change': { setup: ['docker create --name box alpine', 'docker export -o c.tar box'], with: "docker import -c 'CMD [\"sh\"]' c.tar i", without: 'docker import c.tar i', observe: ["docker inspect -f '{{json .Config.Cmd}}' i"] },
  'image import --message': { setup: ['docker create --name box alpine', 'docker export -o c.tar box'], with: 'docker import -m hello c.tar i', without: 'docker import c.tar i', observe: ["docker history --format '{{.Comment}}' i"] },
};

/** Effects of the flags `docker run` and `docker create` share, observed through inspect. */
function createCases(verb: 'run' | 'create'): Record<string, FlagEffect> {
  const d = verb === 'run' ? 'docker run --name box' : 'docker create --name box';
  const inspect = (f: string) => [`docker inspect -f '${f}' box`];
  return {
    [`container ${verb} --attach`]: { with: `${d} -a stderr alpine echo hi`, without: `${d} alpine echo hi`, observe: inspect('{{.Config.AttachStdout}}') },
    [`container ${verb} --entrypoint`]: { with: `${d} --entrypoint echo alpine hi`, without: `${d} alpine echo hi`, observe: inspect('{{json .Config.Entrypoint}}') },
    [`container ${verb} --env`]: { with: `${d} -e A=1 alpine env`, without: `${d} alpine env`, observe: inspect('{{json .Config.Env}}') },
    [`container ${verb} --env-file`]: { setup: ['echo B=2 > vars'], with: `${d} --env-file vars alpine env`, without: `${d} alpine env`, observe: inspect('{{json .Config.Env}}') },
    [`container ${verb} --expose`]: { with: `${d} --expose 80 alpine true`, without: `${d} alpine true`, observe: inspect('{{json .Config.ExposedPorts}}') },
    [`container ${verb} --hostname`]: { with: `${d} -h box alpine hostname`, without: `${d} alpine hostname`, observe: inspect('{{.Config.Hostname}}') },
    [`container ${verb} --interactive`]: { with: `echo typed | ${d} -i alpine cat`, without: `echo typed | ${d} alpine cat`, observe: inspect('{{.Config.OpenStdin}}') },
    [`container ${verb} --mount`]: { with: `${d} --mount type=volume,source=vol,target=/v alpine true`, without: `${d} alpine true`, observe: [...inspect('{{json .Mounts}}'), 'docker volume ls -q'] },
    [`container ${verb} --read-only`]: { with: `${d} --read-only alpine touch /x`, without: `${d} alpine touch /x`, observe: inspect('{{.HostConfig.ReadonlyRootfs}}') },
    [`container ${verb} --privileged`]: { with: `${d} --privileged alpine true`, without: `${d} alpine true`, observe: inspect('{{.HostConfig.Privileged}}') },
    [`container ${verb} --restart`]: { with: `${d} --restart on-failure:3 alpine true`, without: `${d} alpine true`, observe: inspect('{{json .HostConfig.RestartPolicy}}') },
    [`container ${verb} --tmpfs`]: { with: `${d} --read-only --tmpfs /tmp alpine touch /tmp/x`, without: `${d} --read-only alpine touch /tmp/x`, observe: inspect('{{json .HostConfig.Tmpfs}}') },
    [`container ${verb} --volume`]: { setup: ['mkdir data && echo hi > data/f'], with: `${d} -v $PWD/data:/data alpine cat /data/f`, without: `${d} alpine cat /data/f`, observe: inspect('{{json .HostConfig.Binds}}') },
    [`container ${verb} --label`]: { with: `${d} -l a=b alpine true`, without: `${d} alpine true`, observe: inspect('{{json .Config.Labels}}') },
    [`container ${verb} --net`]: { setup: ['docker network create n1'], with: `${d} --net n1 alpine true`, without: `${d} alpine true`, observe: inspect('{{.HostConfig.NetworkMode}}') },
    [`container ${verb} --net-alias`]: { setup: ['docker network create n1'], with: `${d} --network n1 --net-alias db alpine true`, without: `${d} --network n1 alpine true`, observe: inspect('{{json .NetworkSettings.Networks.n1.Aliases}}') },
    [`container ${verb} --network`]: { with: `${d} --network none alpine ip addr`, without: `${d} alpine ip addr`, observe: inspect('{{.HostConfig.NetworkMode}}') },
    [`container ${verb} --network-alias`]: { setup: ['docker network create n1'], with: `${d} --network n1 --network-alias db alpine true`, without: `${d} --network n1 alpine true`, observe: inspect('{{json .NetworkSettings.Networks.n1.Aliases}}') },
    [`container ${verb} --name`]: { with: `docker ${verb} --name named alpine true`, without: `docker ${verb} alpine true`, observe: ["docker ps -a --format '{{.Names}}' | grep -c named"] },
    [`container ${verb} --platform`]: { with: `${d} --platform linux/arm64 alpine true`, without: `${d} alpine true` },
    [`container ${verb} --publish`]: { with: `${d} -p 8080:80 alpine true`, without: `${d} alpine true`, observe: inspect('{{json .HostConfig.PortBindings}}') },
    [`container ${verb} --pull`]: { with: `${d} --pull=never hello-world`, without: `${d} hello-world` },
    [`container ${verb} --rm`]: { with: `${d} --rm alpine true`, without: `${d} alpine true`, observe: inspect('{{.HostConfig.AutoRemove}}') },
    [`container ${verb} --stop-signal`]: { with: `${d} --stop-signal SIGINT alpine true`, without: `${d} alpine true`, observe: inspect('{{.Config.StopSignal}}') },
    [`container ${verb} --stop-timeout`]: { with: `${d} --stop-timeout 3 alpine true`, without: `${d} alpine true`, observe: inspect('{{json .Config.StopTimeout}}') },
    [`container ${verb} --tty`]: { with: `${d} -t alpine echo hi | od -c`, without: `${d} alpine echo hi | od -c`, observe: inspect('{{.Config.Tty}}') },
    [`container ${verb} --user`]: { with: `${d} -u 1000 alpine id`, without: `${d} alpine id`, observe: inspect('{{.Config.User}}') },
    [`container ${verb} --workdir`]: { with: `${d} -w /tmp alpine pwd`, without: `${d} alpine pwd`, observe: inspect('{{.Config.WorkingDir}}') },
  };
}

Object.assign(FLAG_EFFECTS, createCases('run'), createCases('create'), {
  'container run --detach': { with: 'docker run -d --name box alpine echo hi', without: 'docker run --name box alpine echo hi' },
  'container ls --all': { setup: [DONE], with: 'docker ps -a --format {{.Names}}', without: 'docker ps --format {{.Names}}' },
  'container ls --filter': { setup: [DONE, 'docker create --name other alpine'], with: 'docker ps -a -f name=other --format {{.Names}}', without: 'docker ps -a --format {{.Names}}' },
  'container ls --format': { setup: [DONE], with: 'docker ps -a --format {{.Names}}', without: 'docker ps -a' },
  'container ls --last': { setup: [DONE, 'docker create --name other alpine'], with: 'docker ps -n 1 --format {{.Names}}', without: 'docker ps -a --format {{.Names}}' },
  'container ls --latest': { setup: [DONE, 'docker create --name other alpine'], with: 'docker ps -l --format {{.Names}}', without: 'docker ps -a --format {{.Names}}' },
  'container ls --no-trunc': { setup: [DONE], with: 'docker ps -a --no-trunc', without: 'docker ps -a' },
  'container ls --quiet': { setup: [DONE], with: 'docker ps -a -q', without: 'docker ps -a' },
  'container ls --size': { setup: [DONE], with: 'docker ps -a -s', without: 'docker ps -a' },
  'container start --attach': { setup: ['docker create --name box alpine echo hi'], with: 'docker start -a box', without: 'docker start box' },
  'container start --interactive': { setup: ['docker create -i --name box alpine cat'], with: 'echo typed | docker start -ai box', without: 'echo typed | docker start -a box' },
  // sleep as PID 1 ignores every signal but SIGKILL (137 either way, as in Docker); nginx tells which one it got.
  'container stop --signal': { setup: ['docker run -d --name box nginx'], with: 'docker stop -s SIGTERM box', without: 'docker stop box', observe: ["docker logs box 2>&1 | grep -o 'signal [0-9]* (SIG[A-Z]*) received, [a-z ]*'"] },
  'container stop --time': { timingOnly: 'how long docker waits before SIGKILL; the simulated stop takes at most 1 s of real time either way', setup: ['docker run -d --name box alpine sleep 100'], with: 'docker stop --time 0 box', without: 'docker stop box', observe: ["docker inspect -f '{{.State.ExitCode}}' box"] },
  'container stop --timeout': { timingOnly: 'how long docker waits before SIGKILL; the simulated stop takes at most 1 s of real time either way', setup: ['docker run -d --name box alpine sleep 100'], with: 'docker stop -t 0 box', without: 'docker stop box', observe: ["docker inspect -f '{{.State.ExitCode}}' box"] },
  'container kill --signal': { setup: ['docker run -d --name box alpine sleep 100'], with: 'docker kill -s SIGTERM box', without: 'docker kill box', observe: ["docker inspect -f '{{.State.ExitCode}}' box"] },
  'container restart --signal': { timingOnly: 'the signal that stops the container before it starts again: the restarted container shows no trace of it, in Docker too', setup: ['docker run -d --name box alpine sleep 100'], with: 'docker restart -s SIGKILL box', without: 'docker restart box', observe: ['docker logs box', "docker inspect -f '{{.RestartCount}} {{.State.Status}}' box"] },
  'container restart --time': { timingOnly: 'how long docker waits before SIGKILL; the simulated stop takes at most 1 s of real time either way', setup: ['docker run -d --name box alpine sleep 100'], with: 'docker restart --time 0 box', without: 'docker restart box', observe: ["docker inspect -f '{{.State.Status}}' box"] },
  'container restart --timeout': { timingOnly: 'how long docker waits before SIGKILL; the simulated stop takes at most 1 s of real time either way', setup: ['docker run -d --name box alpine sleep 100'], with: 'docker restart -t 0 box', without: 'docker restart box', observe: ["docker inspect -f '{{.State.Status}}' box"] },
  'container rm --volumes': { setup: ['docker create --name box -v /anon alpine'], with: 'docker rm -v box', without: 'docker rm box', observe: ['docker volume ls -q | wc -l'] },
  'container rm --force': { setup: ['docker run -d --name box alpine sleep 100'], with: 'docker rm -f box', without: 'docker rm box' },
  'container logs --follow': { setup: ["docker run -d --name box alpine sh -c 'echo a; sleep 1; echo b'"], with: 'docker logs -f box', without: 'docker logs box' },
  'container logs --tail': { setup: ["docker run --name box alpine sh -c 'echo a; echo b'"], with: 'docker logs --tail 1 box', without: 'docker logs box' },
  'container logs --timestamps': { setup: ["docker run --name box alpine echo a"], with: 'docker logs -t box', without: 'docker logs box' },
  'container exec --detach': { setup: ['docker run -d --name box alpine sleep 100'], with: 'docker exec -d box echo hi', without: 'docker exec box echo hi' },
  'container exec --env': { setup: ['docker run -d --name box alpine sleep 100'], with: 'docker exec -e A=1 box env', without: 'docker exec box env' },
  'container exec --interactive': { setup: ['docker run -d --name box alpine sleep 100'], with: 'echo typed | docker exec -i box cat', without: 'echo typed | docker exec box cat' },
  'container exec --tty': { setup: ['docker run -d --name box alpine sleep 100'], with: 'docker exec -t box echo hi | od -c', without: 'docker exec box echo hi | od -c' },
  'container exec --user': { setup: ['docker run -d --name box alpine sleep 100'], with: 'docker exec -u 1000 box id', without: 'docker exec box id' },
  'container exec --workdir': { setup: ['docker run -d --name box alpine sleep 100'], with: 'docker exec -w /tmp box pwd', without: 'docker exec box pwd' },
  'container inspect --format': { setup: [DONE], with: "docker container inspect -f '{{.Name}}' done", without: 'docker container inspect done' },
  'container inspect --size': { setup: [DONE], with: "docker container inspect -s -f '{{json .SizeRw}}' done", without: "docker container inspect -f '{{json .SizeRw}}' done" },
  'container commit --author': { setup: [DONE], with: 'docker commit -a me done i', without: 'docker commit done i', observe: ["docker inspect -f '{{.Author}}' i"] },
  'container commit --change': { setup: [DONE], with: "docker commit -c 'ENV A=1' done i", without: 'docker commit done i', observe: ["docker inspect -f '{{json .Config.Env}}' i"] },
  'container commit --message': { setup: [DONE], with: 'docker commit -m note done i', without: 'docker commit done i', observe: ["docker history --format '{{.Comment}}' i"] },
  'container export --output': { setup: [DONE], with: 'docker export -o c.tar done', without: 'docker export done > /dev/null', observe: ['ls'] },
  'container prune --filter': { setup: [DONE], with: "docker container prune -f --filter 'label=x'", without: 'docker container prune -f' },
  'container prune --force': { setup: [DONE], with: 'docker container prune -f', without: 'docker container prune < /dev/null', observe: ['docker ps -a'] },
  'container cp --archive': { setup: ['docker create --name box alpine', 'echo hi > f'], with: 'docker cp -a f box:/f', without: 'docker cp f box:/f', observe: ['docker export box | tar -tvf - f'] },
  'container cp --quiet': { tty: true, setup: ['docker create --name box alpine', 'echo hi > f'], with: 'docker cp -q f box:/f', without: 'docker cp f box:/f' },
  'network create --attachable': { with: 'docker network create --attachable n1', without: 'docker network create n1', observe: ["docker network inspect -f '{{.Attachable}}' n1"] },
  'network create --driver': { with: 'docker network create -d nosuch n1', without: 'docker network create n1', observe: ['docker network ls -q | wc -l'] },
  'network create --gateway': { with: 'docker network create --subnet 10.1.0.0/24 --gateway 10.1.0.254 n1', without: 'docker network create --subnet 10.1.0.0/24 n1', observe: ["docker network inspect -f '{{json .IPAM.Config}}' n1"] },
  'network create --internal': { with: 'docker network create --internal n1', without: 'docker network create n1', observe: ["docker network inspect -f '{{.Internal}}' n1"] },
  'network create --label': { with: 'docker network create --label a=b n1', without: 'docker network create n1', observe: ["docker network inspect -f '{{json .Labels}}' n1"] },
  'network create --subnet': { with: 'docker network create --subnet 10.1.0.0/24 n1', without: 'docker network create n1', observe: ["docker network inspect -f '{{json .IPAM.Config}}' n1"] },
  'network ls --filter': { setup: ['docker network create n1'], with: 'docker network ls -f name=n1', without: 'docker network ls' },
  'network ls --format': { with: "docker network ls --format '{{.Name}}'", without: 'docker network ls' },
  'network ls --no-trunc': { with: 'docker network ls --no-trunc', without: 'docker network ls' },
  'network ls --quiet': { with: 'docker network ls -q', without: 'docker network ls' },
  'network inspect --format': { with: "docker network inspect -f '{{.Name}}' bridge", without: 'docker network inspect bridge' },
  'network rm --force': { with: 'docker network rm -f nosuch', without: 'docker network rm nosuch' },
  'network prune --filter': { setup: ['docker network create --label keep=1 n1', 'docker network create n2'], with: 'docker network prune -f --filter label=keep=1', without: 'docker network prune -f', observe: ["docker network ls --format '{{.Name}}'"] },
  'network prune --force': { setup: ['docker network create n1'], with: 'docker network prune -f', without: 'docker network prune < /dev/null', observe: ["docker network ls --format '{{.Name}}'"] },
  'network connect --alias': { setup: ['docker network create n1', 'docker network create n2', 'docker create --name box --network n1 alpine'], with: 'docker network connect --alias db n2 box', without: 'docker network connect n2 box', observe: ["docker inspect -f '{{json .NetworkSettings.Networks.n2.Aliases}}' box"] },
  'volume create --driver': { with: 'docker volume create -d other vol', without: 'docker volume create vol' },
  'volume create --label': { with: 'docker volume create --label a=b vol', without: 'docker volume create vol', observe: ["docker volume inspect -f '{{json .Labels}}' vol"] },
  'volume create --name': { with: 'docker volume create --name vol', without: 'docker volume create', observe: ['docker volume ls -q'] },
  'volume ls --filter': { setup: ['docker volume create one', 'docker volume create two'], with: 'docker volume ls -f name=one', without: 'docker volume ls' },
  'volume ls --format': { setup: ['docker volume create one'], with: "docker volume ls --format '{{.Name}}'", without: 'docker volume ls' },
  'volume ls --quiet': { setup: ['docker volume create one'], with: 'docker volume ls -q', without: 'docker volume ls' },
  'volume inspect --format': { setup: ['docker volume create one'], with: "docker volume inspect -f '{{.Name}}' one", without: 'docker volume inspect one' },
  'volume rm --force': { with: 'docker volume rm -f missing', without: 'docker volume rm missing' },
  'volume prune --all': { setup: ['docker volume create one'], with: 'docker volume prune -a -f', without: 'docker volume prune -f', observe: ['docker volume ls -q'] },
  'volume prune --filter': { setup: ['docker volume create --label a=b one', 'docker volume create two'], with: "docker volume prune -a -f --filter 'label=a=b'", without: 'docker volume prune -a -f', observe: ['docker volume ls -q'] },
  'volume prune --force': { setup: ['docker volume create'], with: 'docker volume prune -f', without: 'docker volume prune < /dev/null', observe: ['docker volume ls -q | wc -l'] },
  'system df --format': { with: "docker system df --format '{{.Type}}'", without: 'docker system df' },
  'system df --verbose': { with: 'docker system df -v', without: 'docker system df' },
  'system info --format': { with: "docker info -f '{{.ServerVersion}}'", without: 'docker info' },
  'search --filter': { with: 'docker search -f stars=13000 o', without: 'docker search o' },
  'search --format': { with: "docker search --format '{{.Name}}' nginx", without: 'docker search nginx' },
  'search --limit': { with: 'docker search --limit 1 o', without: 'docker search o' },
  'search --no-trunc': { with: 'docker search --no-trunc python', without: 'docker search python' },
  'version --format': { with: "docker version -f '{{.Server.Version}}'", without: 'docker version' },
  'inspect --format': { with: "docker inspect -f '{{.Os}}' alpine", without: 'docker inspect alpine' },
  'inspect --size': { setup: [DONE], with: "docker inspect -s -f '{{json .SizeRw}}' done", without: "docker inspect -f '{{json .SizeRw}}' done" },
  'inspect --type': { setup: ['docker create --name alpine alpine'], with: "docker inspect --type image -f '{{.Os}}' alpine", without: "docker inspect -f '{{.Os}}' alpine" },
} satisfies Record<string, FlagEffect>);
