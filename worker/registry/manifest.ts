/**
 * OCI image manifest JSON as Go marshals image-spec's `Manifest` (schemaVersion,
 * mediaType, config, layers; empty optional fields omitted). Our registry serves
 * uncompressed layers (mediaType application/vnd.oci.image.layer.v1.tar), so each layer
 * descriptor's digest is its DiffID and `docker pull` shows the first 12 hex of it.
 */

/** Media types used by the simulated registry. */
export const MEDIA = {
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar',
} as const;

/** The manifest text for a config and its layers. */
export function buildManifest(configDigest: string, configSize: number, layers: ReadonlyArray<{ diffId: string; tarSize: number }>): string {
  const desc = (mediaType: string, digest: string, size: number): string => `{"mediaType":"${mediaType}","digest":"${digest}","size":${size}}`;
  return `{"schemaVersion":2,"mediaType":"${MEDIA.manifest}","config":${desc(MEDIA.config, configDigest, configSize)},"layers":[${layers.map((l) => desc(MEDIA.layer, l.diffId, l.tarSize)).join(',')}]}`;
}
