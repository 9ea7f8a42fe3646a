/**
 * What docker/cli 28 (cmd/docker/builder.go) prints to stderr before anything
 * else when `DOCKER_BUILDKIT=0` selects the legacy builder while buildx is
 * installed: before the build, and before a flag error of the command.
 */
export const LEGACY_BUILDER_BANNER =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
  '            environment-variable.\n\n';
