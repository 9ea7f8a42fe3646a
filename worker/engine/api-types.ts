/**
 * JSON shapes of the Docker Engine API 1.51 (Docker 28.5) for the operations
 * the engine serves. Field names and order are the daemon's: the API server
 * serializes these objects as they are, and the CLI formats them.
 */

/** `GET /images/json` item (api/types/image.Summary). */
export interface ImageSummary {
  Containers: number;
  Created: number;
  Id: string;
  Labels: Record<string, string> | null;
  ParentId: string;
  RepoDigests: string[];
  RepoTags: string[];
  SharedSize: number;
  Size: number;
}

/** `GET /images/{name}/history` item. */
export interface HistoryItem {
  Comment: string;
  Created: number;
  CreatedBy: string;
  Id: string;
  Size: number;
  Tags: string[] | null;
}

/** `DELETE /images/{name}` item. */
export type DeleteItem = { Untagged: string } | { Deleted: string };

/** `POST /images/prune` response. */
export interface ImagesPruneReport {
  ImagesDeleted: DeleteItem[] | null;
  SpaceReclaimed: number;
}

/** One message of the pull stream (pkg/jsonmessage.JSONMessage). */
export interface JsonMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number; units?: string };
  stream?: string;
  error?: string;
  errorDetail?: { message: string; code?: number };
  aux?: unknown;
}

/** Filters as the API carries them: `{"dangling":{"true":true}}` flattened to value lists. */
export type Filters = Record<string, string[]>;

/** Options of `GET /images/json`. */
export interface ImageListOptions {
  all?: boolean;
  filters?: Filters;
}

/** `GET /version`. */
export interface VersionResponse {
  Platform: { Name: string };
  Components: Array<{ Name: string; Version: string; Details: Record<string, string> }>;
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  KernelVersion: string;
  BuildTime: string;
}
