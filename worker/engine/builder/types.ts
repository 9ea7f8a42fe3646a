/**
 * The builder's API shapes: the `POST /build` options (Engine API 1.51
 * query parameters), what each builder streams, and the build result with
 * each step's cache hit or miss as data for the layer view.
 *
 * The legacy builder (`version=1`) streams JSON messages (`{stream}`,
 * `{aux}`, `{errorDetail}`), as moby's daemon does. BuildKit (`version=2`)
 * streams solve status: vertices, their statuses and logs — the data of
 * BuildKit's `SolveStatus` that buildx renders as plain or TTY progress.
 * The engine never formats progress; worker/cli/build does.
 */
import type { JsonMessage } from '../api-types.ts';

/** `POST /build` options. */
export interface BuildOptions {
  /** `1` = legacy builder, `2` = BuildKit. */
  version: '1' | '2';
  /** Path of the Dockerfile inside the context (`dockerfile`), default `Dockerfile`. */
  dockerfile?: string;
  /** The Dockerfile's bytes when it lives outside the context (`-f` outside, `-f -`). */
  dockerfileText?: string;
  /** `t`: references to tag. */
  tags?: string[];
  noCache?: boolean;
  pull?: boolean;
  /** `rm` (default true) and `forcerm` for the legacy builder's containers. */
  rm?: boolean;
  forceRm?: boolean;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  target?: string;
  platform?: string;
  /** `network`: `none` runs RUN steps with only loopback; `default` and `host` with the lab's package repositories. */
  network?: 'default' | 'host' | 'none';
  /** `q`: the legacy stream carries only the image ID. */
  quiet?: boolean;
}

/** One BuildKit vertex (a step or an internal operation). */
export interface Vertex {
  /** Sequence number in display order (`#N`). */
  n: number;
  name: string;
  /** Unix ms. */
  started?: number;
  completed?: number;
  cached?: boolean;
  error?: string;
}

/** A status line of a vertex (`transferring context: 2B done`). */
export interface VertexStatus {
  vertex: number;
  id: string;
  current?: number;
  total?: number;
  started?: number;
  completed?: number;
  /** Show the byte counts (transfers) after the id. */
  bytes?: boolean;
}

/** BuildKit progress events, in the order they happen. */
export type SolveEvent =
  | { type: 'vertex'; vertex: Vertex }
  | { type: 'status'; status: VertexStatus }
  | { type: 'log'; vertex: number; time: number; text: string };

/** What a step did, for the layer view and the cache properties. */
export interface StepRecord {
  /** Stage index and name (`''` when unnamed). */
  stage: number;
  stageName: string;
  /** The instruction as the output names it (`RUN echo hi`). */
  instruction: string;
  /** Whether the result came from the cache. */
  cached: boolean;
  /** The DiffID of the layer it added, or '' for a metadata step. */
  diffId: string;
  /** Legacy builder: the intermediate image ID after the step. */
  imageId?: string;
}

/** A finished build. */
export interface BuildResult {
  imageId: string;
  steps: StepRecord[];
}

/** Where build output goes: legacy JSON messages and BuildKit solve events. */
export interface BuildSink {
  message?(m: JsonMessage): void;
  solve?(e: SolveEvent): void;
}

/** A build error: `message` as the daemon words it, plus what the CLI needs to print it as each builder does. */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly data: {
      /** Exit code the CLI returns (legacy RUN failures return the command's code). */
      exitCode?: number;
      /** Dockerfile lines to excerpt (1-based, inclusive), for BuildKit's error block. */
      lines?: [number, number];
      /** The failed vertex (`[2/4] RUN …`) and its logs, for BuildKit's `------` block. */
      vertex?: string;
      logs?: string[];
      /** Legacy: the error is a daemon response (`Error response from daemon: …`), not a stream error. */
      response?: boolean;
      /** The Dockerfile's text and name, for the excerpt. */
      dockerfile?: { name: string; text: string };
    } = {},
  ) {
    super(message);
    this.name = 'BuildError';
  }
}
