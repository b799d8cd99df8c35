import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { build, type Plugin } from 'vite';

/** Whether a module specifier names a Node builtin (`node:fs`, `fs`, `fs/promises`, …). */
function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier) || builtinModules.includes(specifier.split('/')[0]!);
}

/**
 * Bundles one entry module for the browser with Vite (browser conditions, packages included, nothing
 * written) and returns every import of a Node builtin met on the way, each as the chain of modules
 * from the entry to the builtin (paths relative to the repository root), e.g.
 * `['mock/server/index.ts', 'mock/startMockServer.ts', …, 'node:fs']`. `[]` means the entry's whole
 * import graph runs in a browser (DESIGN §10).
 */
export async function findNodeImports(entry: string): Promise<string[][]> {
  const importerOf = new Map<string, string>();
  const found: Array<{ importer: string; specifier: string }> = [];
  const recorder: Plugin = {
    name: 'find-node-imports',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      if (isNodeBuiltin(source)) {
        found.push({ importer, specifier: source });
        return { id: source, external: true };
      }
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && !importerOf.has(resolved.id)) importerOf.set(resolved.id, importer);
      return resolved;
    },
  };
  await build({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'entry' } },
    plugins: [recorder],
  });
  return found.map(({ importer, specifier }) => {
    const chain = [specifier];
    for (let at: string | undefined = importer, hops = 0; at !== undefined && hops < 100; at = importerOf.get(at), hops++) chain.unshift(relative(process.cwd(), at));
    return chain;
  });
}
