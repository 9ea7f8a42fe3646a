/**
 * The layer view's data (design.md §11): plain, JSON-able records the worker
 * derives from engine state and the page only draws. The page imports this
 * file with `import type`.
 *
 * Layers are keyed by ChainID, as the classic store keys them: a ChainID names
 * a layer together with every layer below it, so two images share a layer
 * exactly when they share its ChainID, and the layers of every image form one
 * forest (base layers at the roots). The picture draws that forest once; each
 * image is a path from a root to its top layer.
 */

/** A metadata-only history entry (ENV, CMD, WORKDIR without changes...): drawn between layers, not as one. */
export interface HistoryNote {
  createdBy: string;
  /** Shortened as {@link LayerNode.label}. */
  label: string;
  /** RFC 3339, '' when the config has none. */
  created: string;
  comment: string;
}

/** How the last build got a layer. */
export type BuildMark = 'cached' | 'built';

/** One layer, drawn once however many images use it. */
export interface LayerNode {
  chainId: string;
  diffId: string;
  /** DiffSize: bytes of regular files (what `docker history` prints). */
  size: number;
  /** The history entry that made it (`created_by`), full; '' when the history does not say. */
  createdBy: string;
  /** `createdBy` as the Dockerfile line it came from (`RUN apk add nodejs`), for the picture. */
  label: string;
  /** `size` as `docker history` prints it (`8.31MB`). */
  sizeText: string;
  created: string;
  comment: string;
  /** ChainID of the layer below, '' for a base layer. */
  parent: string;
  /** Position in its stacks, 0 = base. */
  depth: number;
  /** Layers built on this one, in a stable order. */
  children: string[];
  /** Metadata-only history entries between the layer below and this one. */
  notes: HistoryNote[];
  /** IDs of every image that contains this layer (intermediate ones too, as `docker system df` counts). */
  usedBy: string[];
  /** The shown images (not intermediate) that contain it: "shared by" in the picture. */
  shownBy: string[];
  /** Images whose top layer this is (drawn as caps on it): shown images only, not intermediate ones. */
  caps: string[];
  /** Intermediate `<none>` images (legacy builder, parents of other images) whose top layer this is. */
  intermediates: string[];
  /** Set when the last build's image has this layer: from its cache or newly built. */
  build?: BuildMark;
}

/** A tag the last build moved here, and the image it named before. */
export interface MovedTag {
  tag: string;
  /** The image the tag named before the build ('' when it was new). */
  from: string;
}

/** One image. */
export interface ImageView {
  id: string;
  /** 12 hex digits, as `docker images` prints IMAGE ID. */
  shortId: string;
  /** Familiar tags (`hello:v0.2`), sorted. */
  tags: string[];
  /** Familiar digest references (`alpine@sha256:…`). */
  digests: string[];
  /** Untagged and no image's parent: `docker images -f dangling=true`. */
  dangling: boolean;
  /** Untagged parent of another image (legacy builder steps): hidden by `docker images`, shown by `-a`. */
  intermediate: boolean;
  /** Parent image ID (legacy builder, commit) or ''. */
  parent: string;
  /** ChainIDs bottom to top. */
  layers: string[];
  /** Top ChainID, '' for an image without layers. */
  top: string;
  created: string;
  /** SIZE, SHARED SIZE and UNIQUE SIZE as `docker system df -v` prints them. */
  size: number;
  sharedSize: number;
  uniqueSize: number;
  /** The three sizes as `docker system df -v` prints them. */
  sizeText: string;
  sharedText: string;
  uniqueText: string;
  /** Metadata-only history entries after the top layer (CMD, EXPOSE...). */
  notes: HistoryNote[];
  /** IDs of containers created from it. */
  containers: string[];
  /** Tags the last build moved to this image. */
  moved: MovedTag[];
  /** Set on the image the last build produced. */
  lastBuilt: boolean;
}

/** One `docker diff` line of a container's writable layer. */
export interface ChangeView {
  /** Absolute path, as `docker diff` prints it. */
  path: string;
  kind: 'A' | 'C' | 'D';
  /** 'file', 'dir', 'symlink', 'hardlink'; '' for a deletion (a whiteout). */
  type: string;
  /** Bytes of a regular file in the writable layer; 0 otherwise. */
  size: number;
}

/** One container, atop its image. */
export interface ContainerView {
  id: string;
  shortId: string;
  name: string;
  imageId: string;
  /** The image as `docker ps` names it (a tag, or the short ID). */
  image: string;
  /** `created`, `running`, `exited`... */
  state: string;
  exitCode: number;
  /** The top ChainID of the layers it was created on. */
  top: string;
  /** SizeRw: regular-file bytes of the writable layer. */
  sizeRw: number;
  sizeRwText: string;
  /** The writable layer's changes, from the code `docker diff` runs. */
  changes: ChangeView[];
  counts: { A: number; C: number; D: number };
}

/** One step of the last build. */
export interface BuildStepView {
  stage: number;
  stageName: string;
  instruction: string;
  cached: boolean;
  /** ChainID of the layer it produced, '' for a metadata step. */
  chainId: string;
}

/** The last build, as the builder recorded it. */
export interface BuildView {
  builder: 'legacy' | 'buildkit';
  imageId: string;
  ok: boolean;
  steps: BuildStepView[];
  /** The first step that was not a cache hit (where the cache broke), -1 when every step hit. */
  firstMiss: number;
  tags: MovedTag[];
}

/** What sharing saves, from the figures `docker system df -v` prints. */
export interface SharingSummary {
  /** Sum of the shown images' SIZE: what the images would take with nothing shared. */
  imagesSize: number;
  /** Bytes of every layer stored, each counted once (`docker system df` LayersSize). */
  layersSize: number;
  /** imagesSize − layersSize of the shown images' layers: bytes sharing saves. */
  saved: number;
  /** The three figures in `docker system df`'s units. */
  imagesText: string;
  layersText: string;
  savedText: string;
}

/** The whole view. */
export interface LayerViewModel {
  /** Every layer of every image (and every container's image layers), by ChainID. */
  layers: Record<string, LayerNode>;
  /** Base layers, in a stable order (oldest image first). */
  roots: string[];
  /** Every image: shown and intermediate ones. */
  images: Record<string, ImageView>;
  /** Shown image IDs (not intermediate), oldest first: the order stacks are drawn. */
  shown: string[];
  /** Images without any layer (FROM scratch with metadata only). */
  layerless: string[];
  containers: Record<string, ContainerView>;
  /** Container IDs atop each top ChainID. */
  containersOn: Record<string, string[]>;
  lastBuild?: BuildView;
  sharing: SharingSummary;
}

/** What the explorer opens. */
export type ExploreTarget =
  | { kind: 'layer'; chainId: string }
  | { kind: 'image'; id: string }
  | { kind: 'container'; id: string };

/** One entry of a listing, in walk order (parents first, names in byte order). */
export interface FileRow {
  /** Relative path, no leading '/'. */
  path: string;
  /** Nesting level, 0 at the root. */
  depth: number;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque';
  /** `-rw-r--r--` as `ls -l` prints it (`d`, `l` first letters). */
  mode: string;
  size: number;
  linkname?: string;
  /** In a layer: what it does to the layers below (A added, C changed, D deleted by a whiteout). */
  mark?: 'A' | 'C' | 'D';
  /** In a merged filesystem: the layer the visible file comes from (index, 0 = base; the writable layer = layers.length). */
  from?: number;
  /** In a merged filesystem: layers holding versions it hides (rewritten or deleted later). */
  hiddenIn?: number[];
  /** Whether the explorer can show its text. */
  text: boolean;
}

/** A layer's or a filesystem's files. */
export interface FileListing {
  target: ExploreTarget;
  title: string;
  /** The layers, bottom to top, named for `from` and `hiddenIn` (merged listings). */
  layerNames: string[];
  rows: FileRow[];
  /** Set when rows were cut (`total` rows in all). */
  total: number;
  /**
   * Bytes of file versions a later layer hides: a file added in one layer and
   * deleted or rewritten in a later one still takes its bytes in the lower layer.
   */
  wasted: number;
  /** `wasted` in `docker system df`'s units. */
  wastedText: string;
  /** The files that waste bytes, biggest first (at most 50). */
  wastedFiles: Array<{ path: string; bytes: number; layers: number[] }>;
}

/** A file's text, as `cat` would print it. */
export interface FileText {
  path: string;
  size: number;
  /** The first bytes as UTF-8 (`truncated` when the file is longer). */
  text: string;
  truncated: boolean;
  /** Set for a file that is not text (binary bytes, an executable). */
  binary: boolean;
}
