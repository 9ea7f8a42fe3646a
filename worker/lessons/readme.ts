/**
 * The field reference of lessons/README.md, generated from the schema's
 * descriptions (build-time only, like schema.ts): the authors' documentation
 * cannot drift from what the validator accepts. `npx tsx
 * worker/lessons/readme.ts` rewrites the generated part of the README;
 * test/lessons/schema.test.ts fails when it is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { Condition, LessonMeta, PageFrontmatter, Question, Start, ValueExpr } from './schema.ts';

/** The markers around the generated part of the README. */
export const BEGIN = '<!-- BEGIN GENERATED from worker/lessons/schema.ts: npx tsx worker/lessons/readme.ts -->';
export const END = '<!-- END GENERATED -->';

type Any = z.ZodType & { description?: string; _zod: { def: Record<string, unknown> & { type: string } } };

function def(s: Any): Record<string, unknown> & { type: string } {
  return s._zod.def;
}

/** Optional and default wrappers off, with the outermost description kept. */
function unwrap(s: Any): { schema: Any; optional: boolean; description: string | undefined } {
  let optional = false;
  let description = s.description;
  let cur = s;
  while (def(cur).type === 'optional' || def(cur).type === 'default' || def(cur).type === 'pipe') {
    if (def(cur).type !== 'pipe') optional = true;
    cur = (def(cur).innerType ?? def(cur).in) as Any;
    description ??= cur.description;
  }
  return { schema: cur, optional, description };
}

/** A short type name for a schema. */
function typeName(s: Any): string {
  const { schema } = unwrap(s);
  const d = def(schema);
  switch (d.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'true/false';
    case 'literal':
      return (d.values as unknown[]).map((v) => JSON.stringify(v)).join(' or ');
    case 'enum':
      return Object.values(d.entries as Record<string, string>).join(' / ');
    case 'array':
      return `list of ${typeName(d.element as Any)}`;
    case 'tuple':
      return `[${(d.items as Any[]).map(typeName).join(', ')}]`;
    case 'record':
      return `map of ${typeName(d.keyType as Any)} to ${typeName(d.valueType as Any)}`;
    case 'object':
      return 'object';
    case 'union':
      return [...new Set((d.options as Any[]).map(typeName))].join(' or ');
    default:
      return d.type;
  }
}

/** The fields of an object schema as a nested markdown list (a union field is documented in its own section). */
function fields(s: Any, depth: number, skip: readonly string[] = []): string[] {
  const { schema } = unwrap(s);
  const shape = def(schema).shape as Record<string, Any> | undefined;
  if (!shape) return [];
  const out: string[] = [];
  const pad = '  '.repeat(depth);
  for (const [key, field] of Object.entries(shape)) {
    if (skip.includes(key)) continue;
    const u = unwrap(field);
    out.push(`${pad}- \`${key}\` (${typeName(field)}${u.optional ? ', optional' : ''}): ${u.description ?? ''}`.trimEnd());
    out.push(...nested(u.schema, depth + 1));
  }
  return out;
}

/** The fields inside an object, a list of objects, or (`unions`) the object options of a union. */
function nested(s: Any, depth: number, unions = false): string[] {
  const d = def(s);
  if (d.type === 'object') return fields(s, depth);
  if (d.type === 'array') return nested(unwrap(d.element as Any).schema, depth);
  if (d.type === 'union' && unions) return (d.options as Any[]).flatMap((o) => (def(unwrap(o).schema).type === 'object' ? nested(unwrap(o).schema, depth) : []));
  return [];
}

/** One entry per union option (conditions, value expressions): its key, then its refinements. */
function options(s: Any): string[] {
  const out: string[] = [];
  for (const o of def(s).options as Any[]) {
    const shape = def(o).shape as Record<string, Any>;
    const [main] = Object.keys(shape);
    const key = unwrap(shape[main!]!);
    out.push(`- \`${main}\` (${typeName(shape[main!]!)}): ${key.description ?? ''}`.trimEnd());
    out.push(...nested(key.schema, 1, true), ...fields(o, 1, [main!, 'say']));
  }
  return out;
}

/** The description of `say` (the same on every condition). */
function sayDescription(): string {
  const first = (def(Condition as unknown as Any).options as Any[])[0]!;
  return (def(first).shape as Record<string, Any>).say!.description ?? '';
}

/** The generated field reference. */
export function generatedReference(): string {
  const a = (s: z.ZodType) => s as unknown as Any;
  return [
    BEGIN,
    '',
    '### `meta.md` frontmatter',
    '',
    `${a(LessonMeta).description}`,
    '',
    ...fields(a(LessonMeta), 0),
    '',
    '### `content.md` frontmatter',
    '',
    `${a(PageFrontmatter).description}`,
    '',
    ...fields(a(PageFrontmatter), 0),
    '',
    '### `start`',
    '',
    `${a(Start).description}`,
    '',
    ...nested(a(Start), 0, true),
    '',
    '### Goal conditions',
    '',
    `${a(Condition).description} \`say\`: ${sayDescription()}`,
    '',
    ...options(a(Condition)),
    '',
    '### Questions',
    '',
    `${a(Question).description}`,
    '',
    ...fields(a(Question), 0),
    '',
    '### Value expressions',
    '',
    `${a(ValueExpr).description}`,
    '',
    ...options(a(ValueExpr)),
    '',
    END,
  ].join('\n');
}

/** The README with its generated part replaced. */
export function updatedReadme(text: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`lessons/README.md has no generated part (between ${BEGIN} and ${END})`);
  return `${text.slice(0, start)}${generatedReference()}${text.slice(end + END.length)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const path = resolve(import.meta.dirname, '../../lessons/README.md');
  writeFileSync(path, updatedReadme(readFileSync(path, 'utf8')));
  console.log(`updated ${path}`);
}
