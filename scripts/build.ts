/**
 * `npm run build`: bundles src/ into dist/ with esbuild, as ES modules for node24.
 * - dist/index.js is the entry; each mode's `import()` in src/main.ts (and the Kubernetes
 *   client's in src/kube) becomes a chunk beside it (`splitting`), so a start compiles only
 *   what its mode loads.
 * - Tree-shaken and minified: ncc (webpack) kept the whole of `@kubernetes/client-node`, 19 MB,
 *   and dist's JavaScript was 22 MB against a budget of 5 MB (issue 14, "Overhead").
 * - Names are kept (`keepNames`) so that stack traces and `constructor.name` still read.
 * - dist/licenses.txt: the license of every package the bundle holds, from esbuild's metafile
 *   (name and version, the license field, the LICENSE file's text), as ncc's `--license` wrote.
 * Run after scripts/policy-validator.ts (the standalone schema validator is bundled from src/).
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');

/**
 * Bundled CommonJS calls require() for Node's built-ins and reads __filename/__dirname; an ES
 * module has neither, so the entry and every chunk define them.
 */
const BANNER = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  "import { dirname as __pathDirname } from 'node:path';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  'const __dirname = __pathDirname(__filename);',
].join('\n');

/**
 * @actions/core imports its OIDC client (for `getIDToken`, which the action never calls) and with
 * it @actions/http-client and undici: 0.4 MB compiled at every start, most of `mode: validate`'s
 * load (issue 14). The bundle holds scripts/stubs/oidc-utils.ts in its place, which rejects.
 */
const OIDC_STUB = path.join(ROOT, 'scripts', 'stubs', 'oidc-utils.ts');
const withoutOidc: Plugin = {
  name: 'actions-core-without-oidc',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, ({ importer }) =>
      /@actions\/core\/lib\/core\.js$/.test(importer) ? { path: OIDC_STUB } : undefined,
    );
  },
};

/** The directory of the package an input of the metafile belongs to, or undefined for src/. */
export function packageDirOf(input: string): string | undefined {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const name = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + name).join('/');
}

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

/** dist/licenses.txt: one entry a bundled package, by name, as ncc's `--license` wrote it. */
async function licenses(metafile: Metafile): Promise<string> {
  const dirs = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      if (bytesInOutput > 0) {
        const dir = packageDirOf(input);
        if (dir) dirs.add(dir);
      }
  const entries = new Map<string, string>();
  for (const dir of dirs) {
    const manifest = JSON.parse(await readFile(path.join(ROOT, dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string | { type?: string };
    };
    const license =
      typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? '');
    const file = (await readdir(path.join(ROOT, dir))).sort().find((f) => LICENSE_FILE.test(f));
    const text = file ? (await readFile(path.join(ROOT, dir, file), 'utf8')).trim() : '';
    const key = `${manifest.name}@${manifest.version}`;
    entries.set(key, [key, license, text].filter(Boolean).join('\n'));
  }
  return (
    [...entries.keys()]
      .sort()
      .map((key) => entries.get(key))
      .join('\n\n') + '\n'
  );
}

async function main(): Promise<void> {
  // Chunks are named by content hash: remove the last build's so none is left behind.
  if (existsSync(DIST))
    for (const file of await readdir(DIST))
      if (file.endsWith('.js')) await rm(path.join(DIST, file));
  await mkdir(DIST, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/index.ts'],
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // Paths as seen from the checkout (node_modules/…), wherever node_modules really is: the
    // chunks' names hash their inputs' paths, and a symlinked node_modules must not change them.
    preserveSymlinks: true,
    treeShaking: true,
    minify: true,
    keepNames: true,
    legalComments: 'none',
    chunkNames: '[name]-[hash]',
    banner: { js: BANNER },
    plugins: [withoutOidc],
    metafile: true,
    logLevel: 'warning',
  });
  await writeFile(
    path.join(DIST, 'package.json'),
    JSON.stringify({ type: 'module' }, null, 2) + '\n',
  );
  await writeFile(path.join(DIST, 'licenses.txt'), await licenses(result.metafile));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  await main();
