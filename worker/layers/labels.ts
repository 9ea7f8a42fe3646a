/**
 * A history entry's `created_by` as the Dockerfile line it came from, for
 * the picture (the full text stays on hover and focus). BuildKit writes
 * `RUN /bin/sh -c apk add nodejs # buildkit` and `COPY . /app # buildkit`;
 * the legacy builder and older images write the step container's command,
 * `/bin/sh -c #(nop)  CMD ["sh"]` for metadata and `/bin/sh -c apk add …`
 * for a RUN (moby builder/dockerfile/dispatchers.go).
 */

/** The short label of a `created_by`. */
export function instructionLabel(createdBy: string): string {
  let s = createdBy.trim().replace(/\s+# buildkit$/, '');
  const nop = /^\/bin\/(?:ba)?sh -c #\(nop\)\s+/.exec(s);
  if (nop) return s.slice(nop[0].length).trim();
  s = s.replace(/^RUN \/bin\/(?:ba)?sh -c /, 'RUN ');
  const run = /^\/bin\/(?:ba)?sh -c /.exec(s);
  if (run) return `RUN ${s.slice(run[0].length)}`;
  // `|2 A=1 B=2 /bin/sh -c …`: a RUN with build args (moby prefixes their count and values).
  const args = /^\|\d+ (?:\S+=\S* )*\/bin\/(?:ba)?sh -c /.exec(s);
  if (args) return `RUN ${s.slice(args[0].length)}`;
  return s;
}
