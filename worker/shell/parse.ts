/**
 * just-bash's parser, in Node and in the browser. `parse` is exported from
 * just-bash's Node entry only; the page loads `just-bash/browser`, whose
 * Bash.transform() parses, runs transform plugins over the tree, then
 * serializes it back to text. Serializing fails on an unterminated
 * here-document ("Cannot serialize an unterminated here-document"), the
 * very tree continuation.ts needs while a heredoc body is being typed, so a
 * plugin takes the tree and stops transform() before it serializes.
 */
import type { ScriptNode } from 'just-bash';
import type { JustBash } from './commands/types.ts';

/** Parses a script or throws just-bash's parse error. */
export type ParseScript = (text: string) => ScriptNode;

/** Carries the tree out of transform() (see the module comment). */
class Parsed extends Error {
  constructor(readonly ast: ScriptNode) {
    super('parsed');
  }
}

/** The parser of the loaded just-bash module: `parse` where exported, else Bash.transform() stopped after parsing. */
export function scriptParser(jb: Pick<JustBash, 'Bash'> & { parse?: ParseScript }): ParseScript {
  if (typeof jb.parse === 'function') return jb.parse;
  let bash: InstanceType<JustBash['Bash']> | undefined;
  return (text) => {
    if (!bash) {
      bash = new jb.Bash();
      bash.registerTransformPlugin({
        name: 'layerlab-parse-only',
        transform: ({ ast }) => {
          throw new Parsed(ast);
        },
      });
    }
    try {
      bash.transform(text);
    } catch (error) {
      if (error instanceof Parsed) return error.ast;
      throw error;
    }
    throw new Error('just-bash transform() ran past its plugins');
  };
}
