/**
 * Entrypoint scripts of the service images. Each is a SHORTENED version of the real
 * image's script, written for Layerlab: the same steps in the same order, the same
 * checks and the same messages (the ones a learner sees in `docker logs`), without the
 * parts the simulated shell or engine cannot do (file_env's *_FILE secrets, nss_wrapper,
 * `find -user` ownership fixes, a temporary server run in the background). Each script
 * says so in its own comment. The servers' own log lines come from their programs
 * (worker/programs/apps/services.ts).
 */

/** postgres's /usr/local/bin/docker-entrypoint.sh (shortened). */
export const POSTGRES_ENTRYPOINT = `#!/usr/bin/env bash
set -Eeo pipefail
# Layerlab: docker-library/postgres's docker-entrypoint.sh, shortened. Same steps and
# messages (password check, initdb, a temporary server for /docker-entrypoint-initdb.d,
# then exec postgres); left out: *_FILE secrets, nss_wrapper, the pg_hba.conf details
# and creating POSTGRES_DB. The practice Hub's postgres does not execute SQL.

docker_setup_env() {
	: "\${POSTGRES_USER:=postgres}"
	: "\${POSTGRES_DB:=$POSTGRES_USER}"
	export POSTGRES_USER POSTGRES_DB
	declare -g DATABASE_ALREADY_EXISTS
	if [ -s "$PGDATA/PG_VERSION" ]; then
		DATABASE_ALREADY_EXISTS='true'
	fi
}

docker_create_db_directories() {
	mkdir -p "$PGDATA"
	chmod 00700 "$PGDATA" || :
	mkdir -p /var/run/postgresql || :
	chmod 03775 /var/run/postgresql || :
}

docker_verify_minimum_env() {
	if [ -z "$POSTGRES_PASSWORD" ] && [ 'trust' != "$POSTGRES_HOST_AUTH_METHOD" ]; then
		cat >&2 <<-'EOE'
			Error: Database is uninitialized and superuser password is not specified.
			       You must specify POSTGRES_PASSWORD to a non-empty value for the
			       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

			       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
			       connections without a password. This is *not* recommended.

			       See PostgreSQL documentation about "trust":
			       https://www.postgresql.org/docs/current/auth-trust.html
		EOE
		exit 1
	fi
	if [ 'trust' = "$POSTGRES_HOST_AUTH_METHOD" ]; then
		cat >&2 <<-'EOWARN'
			********************************************************************************
			WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
			         anyone with access to the Postgres port to access your database without
			         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL
			         documentation about "trust":
			         https://www.postgresql.org/docs/current/auth-trust.html
			         In Docker's default configuration, this is effectively any other
			         container on the same system.

			         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace
			         it with "-e POSTGRES_PASSWORD=password" instead to set a password in
			         "docker run".
			********************************************************************************
		EOWARN
	fi
}

docker_init_database_dir() {
	printf '%s\\n' "$POSTGRES_PASSWORD" | initdb --username="$POSTGRES_USER" --pwfile=/dev/stdin $POSTGRES_INITDB_ARGS
}

pg_setup_hba_conf() {
	local auth
	auth="$(postgres -C password_encryption "$@")"
	{
		echo
		echo "host all all all \${POSTGRES_HOST_AUTH_METHOD:-$auth}"
	} >> "$PGDATA/pg_hba.conf"
}

docker_temp_server_start() {
	PGUSER="\${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
}

docker_temp_server_stop() {
	PGUSER="\${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -m fast -w stop
}

docker_process_init_files() {
	echo
	local f
	for f; do
		case "$f" in
			*.sh)
				if [ -x "$f" ]; then
					printf '%s: running %s\\n' "$0" "$f"
					"$f"
				else
					printf '%s: sourcing %s\\n' "$0" "$f"
					. "$f"
				fi
				;;
			*.sql) printf '%s: running %s\\n' "$0" "$f"; psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc --dbname "$POSTGRES_DB" -f "$f"; echo ;;
			*)     printf '%s: ignoring %s\\n' "$0" "$f" ;;
		esac
		echo
	done
}

_pg_want_help() {
	local arg
	for arg; do
		case "$arg" in
			-'?'|--help|--describe-config|-V|--version)
				return 0
				;;
		esac
	done
	return 1
}

_main() {
	if [ "\${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi

	if [ "$1" = 'postgres' ] && ! _pg_want_help "$@"; then
		docker_setup_env
		docker_create_db_directories
		if [ "$(id -u)" = '0' ]; then
			# then restart script as postgres user ("$BASH_SOURCE" in the real script)
			exec gosu postgres "$0" "$@"
		fi

		if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
			docker_verify_minimum_env
			ls /docker-entrypoint-initdb.d/ > /dev/null
			docker_init_database_dir
			pg_setup_hba_conf "$@"
			export PGPASSWORD="\${PGPASSWORD:-$POSTGRES_PASSWORD}"
			docker_temp_server_start "$@"
			docker_process_init_files /docker-entrypoint-initdb.d/*
			docker_temp_server_stop
			unset PGPASSWORD

			cat <<-'EOM'

				PostgreSQL init process complete; ready for start up.

			EOM
		else
			cat <<-'EOM'

				PostgreSQL Database directory appears to contain a database; Skipping initialization

			EOM
		fi
	fi

	exec "$@"
}

_main "$@"
`;

/** postgres's /usr/local/bin/docker-ensure-initdb.sh (shortened). */
export const POSTGRES_ENSURE_INITDB = `#!/usr/bin/env bash
set -Eeuo pipefail
# Layerlab: docker-library/postgres's docker-ensure-initdb.sh, shortened.
# "docker-ensure-initdb.sh" initializes the data directory if it is empty and exits;
# "docker-enforce-initdb.sh" (a link to it) fails if the directory is not empty.

if [ "$#" -eq 0 ] || [ "$1" != 'postgres' ]; then
	set -- postgres "$@"
fi

if [ -s "$PGDATA/PG_VERSION" ]; then
	case "$0" in
		*/docker-enforce-initdb.sh)
			echo >&2 "$0: error: (unexpected) database found in '$PGDATA'"
			exit 1
			;;
	esac
	exit 0
fi
printf '%s\\n' "\${POSTGRES_PASSWORD:-}" | initdb --username="\${POSTGRES_USER:-postgres}" --pwfile=/dev/stdin
`;

/** Shared by mysql and mariadb: the entrypoint's timestamped log lines (mysql_log). */
const MYSQL_LOG = `# logging functions
mysql_log() {
	local type="$1"; shift
	# accept argument string or stdin
	local text="$*"; if [ "$#" -eq 0 ]; then text="$(cat)"; fi
	# the real script runs \`date --rfc-3339=seconds\`: the same text in UTC
	local dt; dt="$(date -u '+%Y-%m-%d %H:%M:%S+00:00')"
	printf '%s [%s] [Entrypoint]: %s\\n' "$dt" "$type" "$text"
}
mysql_note() {
	mysql_log Note "$@"
}
mysql_warn() {
	mysql_log Warn "$@" >&2
}
mysql_error() {
	mysql_log ERROR "$@" >&2
	exit 1
}
`;

/** mysql's /usr/local/bin/docker-entrypoint.sh (shortened). */
export const MYSQL_ENTRYPOINT = `#!/bin/bash
set -eo pipefail
# Layerlab: docker-library/mysql's docker-entrypoint.sh, shortened. Same steps and
# messages (password check, mysqld --initialize-insecure, the temporary server's
# notes, then exec mysqld); left out: *_FILE secrets, the temporary server itself
# (its own log lines), time zone loading and the SQL that creates users and databases.
# The practice Hub's MySQL does not execute SQL.

${MYSQL_LOG}
_mysql_want_help() {
	local arg
	for arg; do
		case "$arg" in
			-'?'|--help|--print-defaults|-V|--version)
				return 0
				;;
		esac
	done
	return 1
}

docker_setup_env() {
	declare -g DATADIR SOCKET
	DATADIR=/var/lib/mysql
	SOCKET=/var/run/mysqld/mysqld.sock
	declare -g DATABASE_ALREADY_EXISTS
	if [ -d "$DATADIR/mysql" ]; then
		DATABASE_ALREADY_EXISTS='true'
	fi
}

docker_create_db_directories() {
	mkdir -p "$DATADIR"
}

docker_verify_minimum_env() {
	if [ -z "$MYSQL_ROOT_PASSWORD" ] && [ -z "$MYSQL_ALLOW_EMPTY_PASSWORD" ] && [ -z "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
		mysql_error <<-'EOF'
			Database is uninitialized and password option is not specified
			    You need to specify one of the following as an environment variable:
			    - MYSQL_ROOT_PASSWORD
			    - MYSQL_ALLOW_EMPTY_PASSWORD
			    - MYSQL_RANDOM_ROOT_PASSWORD
		EOF
	fi
	if [ "$MYSQL_USER" = 'root' ]; then
		mysql_error <<-'EOF'
			MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user
			    Remove MYSQL_USER="root" and use one of the following to control the root user password:
			    - MYSQL_ROOT_PASSWORD
			    - MYSQL_ALLOW_EMPTY_PASSWORD
			    - MYSQL_RANDOM_ROOT_PASSWORD
		EOF
	fi
}

docker_init_database_dir() {
	mysql_note "Initializing database files"
	"$@" --initialize-insecure --default-time-zone=SYSTEM
	mysql_note "Database files initialized"
}

docker_setup_db() {
	if [ -n "$MYSQL_DATABASE" ]; then
		mysql_note "Creating database \${MYSQL_DATABASE}"
	fi
	if [ -n "$MYSQL_USER" ] && [ -n "$MYSQL_PASSWORD" ]; then
		mysql_note "Creating user \${MYSQL_USER}"
		if [ -n "$MYSQL_DATABASE" ]; then
			mysql_note "Giving user \${MYSQL_USER} access to schema \${MYSQL_DATABASE}"
		fi
	fi
}

_main() {
	if [ "\${1:0:1}" = '-' ]; then
		set -- mysqld "$@"
	fi

	if [ "$1" = 'mysqld' ] && ! _mysql_want_help "$@"; then
		mysql_note "Entrypoint script for MySQL Server \${MYSQL_VERSION} started."

		docker_setup_env "$@"
		docker_create_db_directories "$@"

		if [ "$(id -u)" = "0" ]; then
			mysql_note "Switching to dedicated user 'mysql'"
			# "$BASH_SOURCE" in the real script
			exec gosu mysql "$0" "$@"
		fi

		if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
			docker_verify_minimum_env
			ls /docker-entrypoint-initdb.d/ > /dev/null
			docker_init_database_dir "$@"

			mysql_note "Starting temporary server"
			mysql_note "Temporary server started."
			docker_setup_db
			mysql_note "Stopping temporary server"
			mysql_note "Temporary server stopped"

			echo
			mysql_note "MySQL init process done. Ready for start up."
			echo
		fi
	fi
	exec "$@"
}

_main "$@"
`;

/** mariadb's /usr/local/bin/docker-entrypoint.sh (shortened). */
export const MARIADB_ENTRYPOINT = `#!/bin/bash
set -eo pipefail
# Layerlab: MariaDB's docker-entrypoint.sh (MariaDB/mariadb-docker), shortened. Same
# steps and messages (password check, mariadb-install-db, the temporary server's notes,
# then exec mariadbd); left out: *_FILE secrets, the temporary server itself (its own
# log lines), time zone loading and the SQL that secures root and creates users.
# The practice Hub's MariaDB does not execute SQL.

${MYSQL_LOG}
_mysql_want_help() {
	local arg
	for arg; do
		case "$arg" in
			-'?'|--help|--print-defaults|-V|--version)
				return 0
				;;
		esac
	done
	return 1
}

docker_setup_env() {
	declare -g DATADIR SOCKET
	DATADIR=/var/lib/mysql
	SOCKET=/run/mysqld/mysqld.sock
	# the MYSQL_* names are accepted for the MARIADB_* ones
	: "\${MARIADB_ROOT_PASSWORD:=\${MYSQL_ROOT_PASSWORD:-}}"
	: "\${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:=\${MYSQL_ALLOW_EMPTY_PASSWORD:-}}"
	: "\${MARIADB_RANDOM_ROOT_PASSWORD:=\${MYSQL_RANDOM_ROOT_PASSWORD:-}}"
	: "\${MARIADB_DATABASE:=\${MYSQL_DATABASE:-}}"
	: "\${MARIADB_USER:=\${MYSQL_USER:-}}"
	: "\${MARIADB_PASSWORD:=\${MYSQL_PASSWORD:-}}"
	declare -g DATABASE_ALREADY_EXISTS
	if [ -d "$DATADIR/mysql" ]; then
		DATABASE_ALREADY_EXISTS='true'
	fi
}

docker_verify_minimum_env() {
	if [ -z "$MARIADB_ROOT_PASSWORD" ] && [ -z "$MARIADB_ROOT_PASSWORD_HASH" ] && [ -z "$MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" ] && [ -z "$MARIADB_RANDOM_ROOT_PASSWORD" ]; then
		mysql_error $'Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD'
	fi
}

docker_init_database_dir() {
	mysql_note "Initializing database files"
	mariadb-install-db --datadir="$DATADIR" --rpm --auth-root-authentication-method=normal --skip-test-db --default-time-zone=SYSTEM --enforce-storage-engine= --skip-log-bin --expire-logs-days=0
	mysql_note "Database files initialized"
}

docker_setup_db() {
	mysql_note "Securing system users (equivalent to running mysql_secure_installation)"
	if [ -n "$MARIADB_DATABASE" ]; then
		mysql_note "Creating database \${MARIADB_DATABASE}"
	fi
	if [ -n "$MARIADB_USER" ] && [ -n "$MARIADB_PASSWORD" ]; then
		mysql_note "Creating user \${MARIADB_USER}"
		if [ -n "$MARIADB_DATABASE" ]; then
			mysql_note "Giving user \${MARIADB_USER} access to schema \${MARIADB_DATABASE}"
		fi
	fi
}

_main() {
	if [ "\${1:0:1}" = '-' ]; then
		set -- mariadbd "$@"
	fi

	if [ "$1" = 'mariadbd' ] || [ "$1" = 'mysqld' ] && ! _mysql_want_help "$@"; then
		mysql_note "Entrypoint script for MariaDB Server \${MARIADB_VERSION} started."

		docker_setup_env "$@"
		mkdir -p "$DATADIR"

		if [ "$(id -u)" = "0" ]; then
			mysql_note "Switching to dedicated user 'mysql'"
			# "$BASH_SOURCE" in the real script
			exec gosu mysql "$0" "$@"
		fi

		if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
			docker_verify_minimum_env
			ls /docker-entrypoint-initdb.d/ > /dev/null
			docker_init_database_dir "$@"

			mysql_note "Starting temporary server"
			mysql_note "Temporary server started."
			docker_setup_db
			mysql_note "Stopping temporary server"
			mysql_note "Temporary server stopped"

			echo
			mysql_note "MariaDB init process done. Ready for start up."
			echo
		fi
	fi
	exec "$@"
}

_main "$@"
`;

/** mariadb's /usr/local/bin/healthcheck.sh (shortened). */
export const MARIADB_HEALTHCHECK = `#!/bin/bash
#
# Healthcheck script for MariaDB
#
# Runs various tests on the MariaDB server to check its health. Pass the tests
# to run as arguments. If all tests succeed, the server is considered healthy,
# otherwise it's not.
#
# Layerlab: shortened. The practice Hub's MariaDB runs no SQL, so every test
# (--connect, --innodb_initialized, ...) checks one thing: that mariadbd is
# running (its pid file exists). Success is silent, as in the real script.
set -eo pipefail

if [ "$#" -eq 0 ]; then
	echo "healthcheck.sh: no tests given (e.g. --connect --innodb_initialized)" >&2
	exit 1
fi
if [ -s /run/mysqld/mysqld.pid ]; then
	exit 0
fi
echo "healthcheck $1 failed" >&2
exit 1
`;

/** memcached's /usr/local/bin/docker-entrypoint.sh (the real one is this short). */
export const MEMCACHED_ENTRYPOINT = '#!/bin/sh\nset -e\n\n# first arg is `-f` or `--some-option`\nif [ "${1#-}" != "$1" ]; then\n\tset -- memcached "$@"\nfi\n\nexec "$@"\n';

/** rabbitmq's /usr/local/bin/docker-entrypoint.sh (shortened). */
export const RABBITMQ_ENTRYPOINT = `#!/bin/bash
set -euo pipefail
# Layerlab: docker-library/rabbitmq's docker-entrypoint.sh, shortened: the
# \`find ... -exec chown\` ownership fix and the deprecated-variable checks are left out.

# allow the container to be started with \`--user\`
if [[ "$1" == rabbitmq* ]] && [ "$(id -u)" = '0' ]; then
	# "$BASH_SOURCE" in the real script
	exec gosu rabbitmq "$0" "$@"
fi

exec "$@"
`;

/** rabbitmq's /etc/rabbitmq/conf.d/10-defaults.conf. */
export const RABBITMQ_DEFAULTS = `## DEFAULT SETTINGS ARE NOT MEANT TO BE TAKEN STRAIGHT INTO PRODUCTION
## see https://www.rabbitmq.com/configure.html for further information
## on configuring RabbitMQ

## allow access to the guest user from anywhere on the network
## https://www.rabbitmq.com/access-control.html#loopback-users
## https://www.rabbitmq.com/production-checklist.html#users
loopback_users.guest = false

## Send all logs to stdout/TTY. Necessary to see logs when running via
## a container
log.console = true
`;

/** httpd's /usr/local/bin/httpd-foreground (the real one is this short). */
export const HTTPD_FOREGROUND = '#!/bin/sh\nset -e\n\n# Apache gets grumpy about PID files pre-existing\nrm -f /usr/local/apache2/logs/httpd.pid\n\nexec httpd -DFOREGROUND "$@"\n';

/** traefik's /entrypoint.sh (the real one is this short). */
export const TRAEFIK_ENTRYPOINT = `#!/bin/sh
set -e

# first arg is \`-f\` or \`--some-option\`
if [ "\${1#-}" != "$1" ]; then
    set -- traefik "$@"
fi

# if our command is a valid Traefik subcommand, let's invoke it through Traefik instead
# (this allows for "docker run traefik version", etc)
if traefik "$1" --help >/dev/null 2>&1
then
    set -- traefik "$@"
else
    echo "= '$1' is not a Traefik command: assuming shell execution." 1>&2
fi

exec "$@"
`;

/** haproxy's /usr/local/bin/docker-entrypoint.sh (the real one is this short). */
export const HAPROXY_ENTRYPOINT = `#!/bin/sh
set -e

# first arg is \`-f\` or \`--some-option\`
if [ "\${1#-}" != "$1" ]; then
	set -- haproxy "$@"
fi

if [ "$1" = 'haproxy' ]; then
	shift # "haproxy"
	# if the user wants "haproxy", let's add a couple useful flags
	#   -W  -- "master-worker mode" (similar to the old "haproxy-systemd-wrapper"; allows for reload via "SIGUSR2")
	#   -db -- disables background mode
	set -- haproxy -W -db "$@"
fi

exec "$@"
`;

/** registry's /entrypoint.sh (the real one is this short). */
export const REGISTRY_ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

/** registry's config.yml (config-example.yml of distribution); `storage` root and port as in the image. */
export function registryConfig(v3: boolean): string {
  return `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
${v3 ? '' : '  delete:\n    enabled: true\n'}http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;
}
