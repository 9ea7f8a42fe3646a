/**
 * Entrypoint and helper scripts of the language and application images. Where a
 * script says "shortened", it keeps the real one's logic and messages for what a
 * learner meets (the first-argument rules, the messages printed, the final exec)
 * and leaves out the rest (noted in each); the others are the real scripts.
 */

/** eclipse-temurin's /__cacert_entrypoint.sh, shortened: the USE_SYSTEM_CA_CERTS import is left out (Layerlab has no keytool); it only execs its arguments then. */
export const TEMURIN_ENTRYPOINT = `#!/usr/bin/env sh
# Converted to POSIX shell to avoid the need for bash in the image

set -e

# JDK truststore location
JRE_CACERTS_PATH=$JAVA_HOME/lib/security/cacerts

# Opt-in is only activated if the environment variable is set
if [ -n "$USE_SYSTEM_CA_CERTS" ]; then
    # (shortened in Layerlab: importing /certificates into $JRE_CACERTS_PATH with keytool is not simulated)
    echo "Layerlab: USE_SYSTEM_CA_CERTS is not simulated; $JRE_CACERTS_PATH is left as it is" >&2
fi

exec "$@"
`;

/** docker-library/php's docker-php-entrypoint for a variant: a leading option means "options for the default program". */
export function phpEntrypoint(variant: 'cli' | 'apache' | 'fpm' | 'alpine'): string {
  const prog = variant === 'apache' ? 'apache2-foreground' : variant === 'fpm' ? 'php-fpm' : 'php';
  return `#!/bin/sh\nset -e\n\n# first arg is \`-f\` or \`--some-option\`\nif [ "\${1#-}" != "$1" ]; then\n\tset -- ${prog} "$@"\nfi\n\nexec "$@"\n`;
}

/** docker-library/php's docker-php-source. */
export const DOCKER_PHP_SOURCE = `#!/bin/sh
set -e

dir=/usr/src/php

usage() {
	echo "usage: $0 COMMAND"
	echo
	echo "Manage php source tarball lifecycle."
	echo
	echo "Commands:"
	echo "   extract  extract php source tarball into directory $dir if not already done."
	echo "   delete   delete extracted php source located into $dir if not already done."
	echo
}

case "$1" in
	extract)
		mkdir -p "$dir"
		if [ ! -f "$dir/.docker-extracted" ]; then
			tar -Jxf /usr/src/php.tar.xz -C "$dir" --strip-components=1
			touch "$dir/.docker-extracted"
		fi
		;;

	delete)
		rm -rf "$dir"
		;;

	*)
		usage
		exit 1
		;;
esac
`;

/** docker-php-ext-enable, shortened: writes the conf.d ini for each named extension (the real one also checks the .so files' ELF type and Zend extensions). */
export const DOCKER_PHP_EXT_ENABLE = `#!/bin/sh
set -e

extDir="$(php -d 'display_errors=stderr' -r 'echo ini_get("extension_dir");')"
cd "$extDir"

usage() {
	echo "usage: $0 [options] module-name [module-name ...]"
	echo "   ie: $0 gd mysqli"
	echo "       $0 pdo pdo_mysql"
	echo "       $0 --ini-name 0-apc.ini apcu apc"
}

iniName=
modules=
for module; do
	case "$module" in
		--ini-name) iniName=next ;;
		*) if [ "$iniName" = next ]; then iniName="$module"; else modules="$modules $module"; fi ;;
	esac
done

if [ -z "$modules" ]; then
	usage >&2
	exit 1
fi

for module in $modules; do
	ini="$PHP_INI_DIR/conf.d/\${iniName:-"docker-php-ext-$module.ini"}"
	line="extension=$module"
	if [ "$module" = opcache ]; then line="zend_extension=opcache"; fi
	if ! grep -q "$line" "$ini" 2>/dev/null; then
		echo "$line" >> "$ini"
	fi
done
`;

/** docker-php-ext-install and docker-php-ext-configure, shortened: compiling extensions needs the PHP source build, which Layerlab does not run; they say so. */
export function dockerPhpExtBuild(name: 'install' | 'configure'): string {
  return `#!/bin/sh
set -e

# (shortened in Layerlab: the real script extracts /usr/src/php.tar.xz, runs phpize,
# ./configure and make for each extension, then docker-php-ext-enable)
if [ "$#" -eq 0 ]; then
	echo "usage: $0 ${name === 'install' ? '[-jN] [--ini-name file.ini] ext-name [ext-name ...]' : 'ext-name [configure flags]'}" >&2
	exit 1
fi
echo "$0: Layerlab does not compile PHP extensions (no C compiler runs here)" >&2
exit 1
`;
}

/** php:*-apache's /usr/local/bin/apache2-foreground, shortened: the loop that creates every APACHE_*_DIR is spelled out for the three directories envvars names (the simulated bash has no \${!prefix@}), and envvars is sourced with errexit off (see there). */
export const APACHE2_FOREGROUND = `#!/bin/bash
set -e

# Note: we don't just use "apache2ctl" here because it itself is just a shell-script wrapper around apache2 which provides extra functionality like "apache2ctl start" for launching apache2 in the background.
# (also, when run as "apache2ctl <apache args>", it does not use "exec", which leaves an undesirable resident shell process)

: "\${APACHE_CONFDIR:=/etc/apache2}"
: "\${APACHE_ENVVARS:=$APACHE_CONFDIR/envvars}"
if test -f "$APACHE_ENVVARS"; then
	# (Layerlab: sourced with errexit off, because the simulated bash's \`set -e\` wrongly stops inside envvars' if-test)
	set +e; . "$APACHE_ENVVARS"; set -e
fi

# Apache gets grumpy about PID files pre-existing
: "\${APACHE_RUN_DIR:=/var/run/apache2}"
: "\${APACHE_PID_FILE:=$APACHE_RUN_DIR/apache2.pid}"
rm -f "$APACHE_PID_FILE"

# create missing directories
# (especially APACHE_RUN_DIR, APACHE_LOCK_DIR, and APACHE_LOG_DIR)
for dir in "$APACHE_RUN_DIR" "$APACHE_LOCK_DIR" "$APACHE_LOG_DIR"; do
	mkdir -p "$dir"
done

exec apache2 -DFOREGROUND "$@"
`;

/** wordpress's /usr/local/bin/docker-entrypoint.sh, shortened: the copy (cp -R instead of tar | tar) and its messages are the real ones; wp-config.php from WORDPRESS_* variables is reduced to the copy of wp-config-docker.php. */
export const WORDPRESS_ENTRYPOINT = `#!/usr/bin/env bash
set -Eeuo pipefail

if [[ "$1" == apache2* ]] || [ "$1" = 'php-fpm' ]; then
	uid="$(id -u)"
	gid="$(id -g)"
	if [ "$uid" = '0' ]; then
		case "$1" in
			apache2*)
				user="\${APACHE_RUN_USER:-www-data}"
				group="\${APACHE_RUN_GROUP:-www-data}"
				;;
			*) # php-fpm
				user='www-data'
				group='www-data'
				;;
		esac
	else
		user="$uid"
		group="$gid"
	fi

	if [ ! -e index.php ] && [ ! -e wp-includes/version.php ]; then
		echo >&2 "WordPress not found in $PWD - copying now..."
		if [ -n "$(find -mindepth 1 -maxdepth 1 -not -name wp-content)" ]; then
			echo >&2 "WARNING: $PWD is not empty! (copying anyhow)"
		fi
		# (shortened in Layerlab: the real script streams \`tar --create --directory /usr/src/wordpress --owner "$user" --group "$group" . | tar --extract\`;
		# the simulated shell's pipes carry text, not a tar stream, so the files are copied with cp, and the copies belong to root, not www-data)
		for f in /usr/src/wordpress/* /usr/src/wordpress/.htaccess; do
			case "$f" in
				*/wp-content)
					# wp-content/{plugins,themes,uploads} exist already (the image made them): copy into them.
					for d in "$f"/*; do
						if [ -d "wp-content/\${d##*/}" ]; then
							for e in "$d"/*; do
								if [ -e "$e" ]; then cp -R "$e" "wp-content/\${d##*/}/"; fi
							done
						else
							cp -R "$d" wp-content/
						fi
					done
					;;
				*) cp -R "$f" . ;;
			esac
		done
		echo >&2 "Complete! WordPress has been successfully copied to $PWD"
	fi

	wpEnvs=( "\${!WORDPRESS_@}" )
	if [ ! -s wp-config.php ] && [ "\${#wpEnvs[@]}" -gt 0 ]; then
		for wpConfigDocker in \\
			wp-config-docker.php \\
			/usr/src/wordpress/wp-config-docker.php \\
		; do
			if [ -s "$wpConfigDocker" ]; then
				echo >&2 "No 'wp-config.php' found in $PWD, but 'WORDPRESS_...' variables supplied; copying '$wpConfigDocker' (\${wpEnvs[*]})"
				cp "$wpConfigDocker" wp-config.php
				break
			fi
		done
	fi
fi

exec "$@"
`;

/** wordpress's /usr/src/wordpress/wp-config-docker.php, shortened to its database settings (the real file also reads the keys, salts and WORDPRESS_CONFIG_EXTRA). */
export const WP_CONFIG_DOCKER = `<?php
/**
 * The base configuration for WordPress
 *
 * The wp-config.php creation script uses this file during the installation.
 * You don't have to use the website, you can copy this file to "wp-config.php"
 * and fill in the values.
 */

// a helper function to lookup "env_FILE", "env", then fallback
if (!function_exists('getenv_docker')) {
	function getenv_docker($env, $default) {
		if ($fileEnv = getenv($env . '_FILE')) {
			return rtrim(file_get_contents($fileEnv), "\\r\\n");
		}
		else if (($val = getenv($env)) !== false) {
			return $val;
		}
		else {
			return $default;
		}
	}
}

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', getenv_docker('WORDPRESS_DB_NAME', 'wordpress') );

/** Database username */
define( 'DB_USER', getenv_docker('WORDPRESS_DB_USER', 'example username') );

/** Database password */
define( 'DB_PASSWORD', getenv_docker('WORDPRESS_DB_PASSWORD', 'example password') );

/** Database hostname */
define( 'DB_HOST', getenv_docker('WORDPRESS_DB_HOST', 'mysql') );

/** Database charset to use in creating database tables. */
define( 'DB_CHARSET', getenv_docker('WORDPRESS_DB_CHARSET', 'utf8') );

$table_prefix = getenv_docker('WORDPRESS_TABLE_PREFIX', 'wp_');

define( 'WP_DEBUG', !!getenv_docker('WORDPRESS_DEBUG', '') );

/* That's all, stop editing! Happy publishing. */

/** Absolute path to the WordPress directory. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

/** Sets up WordPress vars and included files. */
require_once ABSPATH . 'wp-settings.php';
`;

/** docker's /usr/local/bin/docker-entrypoint.sh, shortened: the TLS environment (DOCKER_TLS_VERIFY/DOCKER_CERT_PATH from /certs/client) is left out. */
export const DOCKER_ENTRYPOINT = `#!/bin/sh
set -eu

# first arg is \`-f\` or \`--some-option\`
if [ "$#" -eq 0 ] || [ "\${1#-}" != "$1" ]; then
	set -- docker "$@"
fi

# if our command is a valid Docker subcommand, let's invoke it through Docker instead
# (this allows for "docker run docker ps", etc)
if docker help "$1" > /dev/null 2>&1; then
	set -- docker "$@"
fi

# if DOCKER_HOST isn't set (no custom setting, no default socket), let's set it to a sane remote value
if [ -z "\${DOCKER_HOST:-}" ] && [ ! -S /var/run/docker.sock ]; then
	export DOCKER_HOST='tcp://docker:2375'
fi

if [ "$1" = 'dockerd' ]; then
	cat >&2 <<-'EOW'

		📎 Hey there!  It looks like you're trying to run a Docker daemon.

		   You probably should use the "dind" image variant instead, something like:

		     docker run --privileged --name some-docker ... docker:dind ...

		   See https://hub.docker.com/_/docker/ for more documentation and usage examples.

	EOW
	sleep 3
fi

exec "$@"
`;

/** docker:dind's /usr/local/bin/dockerd-entrypoint.sh, shortened: TLS certificate generation, rootless mode and the iptables checks are left out; the command it builds and execs is the real one's. */
export const DOCKERD_ENTRYPOINT = `#!/bin/sh
set -eu

# no arguments passed
# or first arg is \`-f\` or \`--some-option\`
if [ "$#" -eq 0 ] || [ "\${1#-}" != "$1" ]; then
	# set "dockerSocket" to the default "--host" *unix socket* value (for both standard or rootless)
	dockerSocket='unix:///var/run/docker.sock'
	# add our default arguments
	set -- dockerd \\
		--host="$dockerSocket" \\
		--host=tcp://0.0.0.0:2376 \\
		--tlsverify \\
		--tlscacert "$DOCKER_TLS_CERTDIR/server/ca.pem" \\
		--tlscert "$DOCKER_TLS_CERTDIR/server/cert.pem" \\
		--tlskey "$DOCKER_TLS_CERTDIR/server/key.pem" \\
		"$@"
fi

if [ "$1" = 'dockerd' ]; then
	# explicitly remove Docker's default PID file to ensure that it can start properly if it was stopped uncleanly (and thus didn't clean up the PID file)
	find /run /var/run -iname 'docker*.pid' -delete || :

	if [ -x '/usr/local/bin/dind' ]; then
		# if we have the (mostly defunct now) Docker-in-Docker wrapper script, use it
		set -- '/usr/local/bin/dind' "$@"
	fi
fi

exec "$@"
`;

/** docker's /usr/local/bin/modprobe ("modprobe" without modprobe). */
export const DOCKER_MODPROBE = `#!/bin/sh
set -eu

# "modprobe" without modprobe
# https://twitter.com/lucabruno/status/902934379835662336

# this isn't 100% fool-proof, but it'll have a much higher success rate than simply using the "real" modprobe

# Docker often uses "modprobe -va foo bar baz"
# so we ignore modules that start with "-"
for module; do
	if [ "\${module#-}" = "$module" ]; then
		ip link show "$module" || true
		lsmod | grep "$module" || true
	fi
done

# remove /usr/local/... from PATH so we can exec the real modprobe as a last resort
export PATH='/usr/sbin:/usr/bin:/sbin:/bin'
exec modprobe "$@"
`;
