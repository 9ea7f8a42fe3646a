/**
 * Compiles one layer's project (worker/<layer>/tsconfig.json) with an extra
 * virtual file placed inside the layer, through the TypeScript API, and
 * returns the diagnostics: how the tests prove which imports a layer may make.
 */
import ts from 'typescript';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Diagnostics of `project` (e.g. 'worker/cli') compiled with `source` added at `file` (relative to the repo). */
export function compileWith(project: string, file: string, source: string): string[] {
  const configPath = path.join(ROOT, project, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(configPath));
  const extra = path.join(ROOT, file);
  const options = { ...parsed.options, noEmit: true, configFilePath: configPath };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSource = host.getSourceFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === extra ? source : read(f));
  host.fileExists = (f) => path.resolve(f) === extra || exists(f);
  host.getSourceFile = (f, lang, ...rest) =>
    path.resolve(f) === extra ? ts.createSourceFile(f, source, lang) : getSource(f, lang, ...rest);
  const program = ts.createProgram({ rootNames: [...parsed.fileNames, extra], options, host });
  const diags = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics(program.getSourceFile(extra))];
  return diags.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]!.replaceAll(ROOT + '/', '')}`);
}
