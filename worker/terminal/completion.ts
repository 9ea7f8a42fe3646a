/**
 * The Tab completer of the learner's terminal: command names in command
 * position, the docker CLI's words after `docker` (complete-docker.ts), and
 * file names elsewhere, as bash falls back to filename completion. Where
 * the names come from (the shell's commands, the engine's images and
 * containers, the host filesystem) is injected: the completer itself is pure.
 */
import type { CommandNode } from '../cli/command/catalog.ts';
import type { Candidate, Completer, Completions } from './completion-apply.ts';
import { commandWords, shellEscape } from './completion-words.ts';
import { dockerCompletion } from './complete-docker.ts';

/** One directory entry for filename completion. */
export interface DirEntry {
  name: string;
  dir: boolean;
}

/** Where completion finds names. Each is asked only when needed. */
export interface CompletionSources {
  /** Commands the host shell runs (builtins and programs). */
  commandNames(): Promise<readonly string[]>;
  /** The docker CLI's command tree. */
  dockerTree(): Promise<CommandNode>;
  /** Image references as the CLI prints them (`alpine:3.20`, `myapp:latest`). */
  images(): Promise<readonly string[]>;
  /** Container names. */
  containers(): Promise<readonly string[]>;
  /** Short (12-digit) IDs of images and containers, offered once the word looks like the start of one. */
  ids(kind: 'image' | 'container'): Promise<readonly string[]>;
  /** Entries of a directory given as typed (`''` = the working directory, `~/`, `/etc/`, `src/`). */
  listDir(dir: string): Promise<readonly DirEntry[]>;
}

/** Builds the completer over `sources`. */
export function createCompleter(sources: CompletionSources): Completer {
  return async (line, cursor) => {
    const { words, current, start } = commandWords(line, cursor);
    if (words.length === 0 && !current.includes('/')) {
      return matchWords(start, current, await sources.commandNames());
    }
    if (words[0] === 'docker') {
      const want = dockerCompletion(await sources.dockerTree(), words.slice(1), current);
      switch (want.kind) {
        case 'words':
          return matchWords(start, current, want.words);
        case 'images':
          return matchWords(start, current, [...(await sources.images()), ...(await idsFor(sources, 'image', current))]);
        case 'containers':
          return matchWords(start, current, [...(await sources.containers()), ...(await idsFor(sources, 'container', current))]);
        case 'images-and-containers':
          return matchWords(start, current, [
            ...(await sources.images()),
            ...(await sources.containers()),
            ...(await idsFor(sources, 'image', current)),
            ...(await idsFor(sources, 'container', current)),
          ]);
        case 'none':
          return { start, candidates: [] };
        case 'files':
          break;
      }
    }
    return completeFile(sources, start, current);
  };
}

/** IDs only for a word of hex digits: an empty word would list a screenful of hashes. */
async function idsFor(sources: CompletionSources, kind: 'image' | 'container', word: string): Promise<readonly string[]> {
  return /^[0-9a-f]+$/.test(word) ? sources.ids(kind) : [];
}

/** Candidates among `words` that start with `prefix`, each ending in a space. */
function matchWords(start: number, prefix: string, words: readonly string[]): Completions {
  const candidates: Candidate[] = words
    .filter((w) => w.startsWith(prefix))
    .map((w) => ({ value: shellEscape(w), display: w, suffix: ' ' }));
  return { start, candidates };
}

/** readline's filename completion: the directory part stays, names in it that match the rest. */
async function completeFile(sources: CompletionSources, start: number, current: string): Promise<Completions> {
  const slash = current.lastIndexOf('/');
  const dir = current.slice(0, slash + 1);
  const base = current.slice(slash + 1);
  let entries: readonly DirEntry[];
  try {
    entries = await sources.listDir(dir);
  } catch {
    return { start, candidates: [] };
  }
  // Dot files only when the typed name starts with a dot (readline's match-hidden-files needs the dot).
  const candidates = entries
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
    .map((e) => ({ value: shellEscape(dir) + shellEscape(e.name), display: e.dir ? `${e.name}/` : e.name, suffix: e.dir ? '/' : ' ' }));
  return { start, candidates };
}
