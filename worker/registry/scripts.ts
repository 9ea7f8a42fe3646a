/**
 * Entrypoint scripts shipped by the simulated official images. They are written for
 * Layerlab (same role and shape as the real ones: run /docker-entrypoint.d/* or drop
 * to a service user, then exec "$@"), not copied from the images.
 */

/** nginx's /docker-entrypoint.sh. */
export const NGINX_ENTRYPOINT = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

# The hooks in /docker-entrypoint.d log to fd 3: point it at stdout, or at
# /dev/null when quiet, as the official entrypoint does.
if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
    exec 3>&1
else
    exec 3>/dev/null
fi

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    if /usr/bin/find "/docker-entrypoint.d/" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
        entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"

        entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Sourcing $f";
                        . "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Launching $f";
                        "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *) entrypoint_log "$0: Ignoring $f";;
            esac
        done

        entrypoint_log "$0: Configuration complete; ready for start up"
    else
        entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

/** The four /docker-entrypoint.d scripts of nginx (name → text). */
export const NGINX_HOOKS: Record<string, string> = {
  '10-listen-on-ipv6-by-default.sh': '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nME=$(basename "$0")\nDEFAULT_CONF_FILE="etc/nginx/conf.d/default.conf"\n\n# check if we have ipv6 available\nif [ ! -f "/proc/net/if_inet6" ]; then\n    echo >&3 "$ME: info: ipv6 not available"\n    exit 0\nfi\n\necho >&3 "$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE"\n\nexit 0\n',
  '15-local-resolvers.envsh': '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n\nLC_ALL=C\nPATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n\n[ "${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0\n\nNGINX_LOCAL_RESOLVERS=$(awk \'BEGIN{ORS=" "} $1=="nameserver" {print $2}\' /etc/resolv.conf)\nexport NGINX_LOCAL_RESOLVERS\n',
  '20-envsubst-on-templates.sh': '#!/bin/sh\n\nset -e\n\nME=$(basename "$0")\n\nauto_envsubst() {\n  local template_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"\n  local suffix="${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"\n  local output_dir="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"\n\n  [ -d "$template_dir" ] || return 0\n  if [ ! -w "$output_dir" ]; then\n    echo >&3 "$ME: ERROR: $template_dir exists, but $output_dir is not writable"\n    return 0\n  fi\n}\n\nauto_envsubst\n\nexit 0\n',
  '30-tune-worker-processes.sh': '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n\nLC_ALL=C\nME=$(basename "$0")\nPATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n\n[ "${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0\n\ntouch /etc/nginx/nginx.conf 2>/dev/null || { echo >&2 "$ME: error: can not modify /etc/nginx/nginx.conf (read-only file system?)"; exit 0; }\n\nexit 0\n',
};

/** node's /usr/local/bin/docker-entrypoint.sh. */
export const NODE_ENTRYPOINT = '#!/bin/sh\nset -e\n\n# Run command with node if the first argument contains a "-" or is not a system command. The last\n# part inside the "{}" is a workaround for the following bug in ash/dash:\n# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then\n  set -- node "$@"\nfi\n\nexec "$@"\n';

/** redis's /usr/local/bin/docker-entrypoint.sh. */
export const REDIS_ENTRYPOINT = '#!/bin/sh\nset -e\n\n# first arg is `-f` or `--some-option`\n# or first arg is `something.conf`\nif [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then\n\tset -- redis-server "$@"\nfi\n\n# allow the container to be started with `--user`\nif [ "$1" = \'redis-server\' -a "$(id -u)" = \'0\' ]; then\n\tfind . \\! -user redis -exec chown redis \'{}\' +\n\texec gosu redis "$0" "$@"\nfi\n\n# set an appropriate umask (if one isn\'t set already)\num="$(umask)"\nif [ "$um" = \'0022\' ]; then\n\tumask 0077\nfi\n\nexec "$@"\n';

/** mongo's /usr/local/bin/docker-entrypoint.sh (abridged: user switch, `--bind_ip_all` unless a --bind_ip option is given (the real script also reads a --config file's net.bindIp), then exec; no initdb, no auth setup). */
export const MONGO_ENTRYPOINT = '#!/bin/bash\nset -Eeuo pipefail\n\nif [ "${1:0:1}" = \'-\' ]; then\n\tset -- mongod "$@"\nfi\n\noriginalArgOne="$1"\n\n# allow the container to be started with `--user`\n# all mongo* commands should be dropped to the correct user\nif [[ "$originalArgOne" == mongo* ]] && [ "$(id -u)" = \'0\' ]; then\n\tif [ "$originalArgOne" = \'mongod\' ]; then\n\t\tfind /data/configdb /data/db \\! -user mongodb -exec chown mongodb \'{}\' +\n\tfi\n\n\t# make sure we can write to stdout and stderr as "mongodb"\n\t# (for our "initdb" code later; see "--logpath" below)\n\tchown --dereference mongodb "/proc/$$/fd/1" "/proc/$$/fd/2" || :\n\n\texec gosu mongodb "$BASH_SOURCE" "$@"\nfi\n\n# you should use numactl to start your mongod instances, including the config servers, mongos instances, and any clients.\n# https://docs.mongodb.com/manual/administration/production-notes/#configuring-numa-on-linux\nif [[ "$originalArgOne" == mongo* ]]; then\n\tnumaInterleave=\nif numactl --interleave=all true &> /dev/null; then\n\t\tnumaInterleave=\'numactl --interleave=all\'\n\tfi\nfi\n\n# _mongod_hack_have_arg \'--some-arg\' "$@"\n_mongod_hack_have_arg() {\n\tlocal checkArg="$1"; shift\n\tlocal arg\n\tfor arg; do\n\t\tcase "$arg" in\n\t\t\t"$checkArg"|"$checkArg"=*)\n\t\t\t\treturn 0\n\t\t\t\t;;\n\t\tesac\n\tdone\n\treturn 1\n}\n\nif [ "$originalArgOne" = \'mongod\' ]; then\n\t# MongoDB 3.6+ defaults to localhost-only binding\n\tif ! _mongod_hack_have_arg --bind_ip "$@" && ! _mongod_hack_have_arg --bind_ip_all "$@"; then\n\t\t# so if no "--bind_ip" is specified, let\'s add "--bind_ip_all"\n\t\tset -- "$@" --bind_ip_all\n\tfi\nfi\n\nexec "$@"\n';
