#!/usr/bin/env node
// Builds dist/: the CLI bundle (dist/cli.cjs, committed: pre-commit installs the hooks from a clone
// without a build step, and one file starts faster than a tree of modules), the library for `import`
// users (dist/index.js and its chunks) and its declarations (dist/types/), both built, never committed.
//   (no flag)  everything: what `npm publish` packs (prepublishOnly)
//   --lib      the library's JavaScript only: what the tests import (scripts/test.mjs builds it first)
//   --types    the declarations only (test/pack.test.ts packs the package as npm publish would)
//   --check    rebuild the CLI bundle into a temporary folder; fail when the committed one differs
import { build } from 'esbuild'
import { yamlDebugSwitches, yamlNodeType } from './yaml-patches.mjs'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const libOnly = process.argv.includes('--lib')
const typesOnly = process.argv.includes('--types')
const outdir = check ? mkdtempSync(join(tmpdir(), 'dmtls-build-')) : join(root, 'dist')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

// The declarations, for TypeScript users of the library (package.json `types`).
function buildDeclarations() {
  rmSync(join(root, 'dist/types'), { recursive: true, force: true })
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    { stdio: ['ignore', 2, 2] },
  )
  if (tsc.status !== 0) {
    console.error('the declarations did not build (tsc -p tsconfig.build.json)')
    process.exit(1)
  }
}
if (typesOnly) {
  buildDeclarations()
  process.exit(0)
}

const validators = spawnSync(process.execPath, [join(root, 'scripts/build-validators.mjs'), '--check'], {
  stdio: 'inherit',
})
if (validators.status !== 0) {
  console.error('src/validate/generated is stale: run node scripts/build-validators.mjs')
  process.exit(1)
}
if (libOnly) {
  rmSync(join(outdir, 'index.js'), { force: true })
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true })
} else if (!check) rmSync(outdir, { recursive: true, force: true })

const common = {
  absWorkingDir: root,
  // A node_modules that is a link (a second work tree sharing the first one's) builds the same bundle.
  preserveSymlinks: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  minifySyntax: true,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  plugins: [yamlDebugSwitches, yamlNodeType],
  // node-forge (the X.509 encoder of `delegate-mtls cert`, about 1 MB of source) stays out of the files and is
  // required from node_modules when `cert` runs: in the bundle, even unevaluated, V8 would scan it and the bin
  // read it, and hash it into the code cache key, on every start of every other command. It is a runtime
  // dependency, so npm (and pre-commit's npm install) puts it beside the package; test/cli/bin.test.ts checks
  // that no other command loads it and test/pack.test.ts that the packed CLI finds it.
  external: ['node-forge'],
  logLevel: 'warning',
}
// The library, for `import` users: ESM, its lazily loaded parts split into chunks.
if (!check)
  await build({
    ...common,
    entryPoints: { index: 'src/index.ts' },
    outdir,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  })
// The CLI: two CommonJS files, so that a run never boots Node's ESM loader and bin/ can compile the start
// chunk with a V8 code cache. dist/cli.cjs, the start chunk, holds what a check or a migration runs (the
// usual command lines' parser, the pipeline, the yaml library); dist/cli-lazy.cjs holds what only other
// commands reach (LAZY): yargs (help, subcommands, unusual command lines), fast-glob (folders and patterns),
// audit, secret, cert, probe, fn and the certificate checks. Every start reads the whole start chunk and
// deserialises a code cache that holds a function for each of its modules, however little of it runs. The
// start chunk requires the other on the first import() of one of those modules, and hands it its own
// modules: both chunks share one copy of each (one UsageError class, one yaml). Modules are evaluated only
// when reached. `import.meta.url` is the start chunk's own URL, worked out when first read (node:url is not
// needed otherwise): planning workers (src/cli/plan-files.ts) start on it, and src/cli/bin.ts sends them to
// the planning code.
if (libOnly) process.exit(0)
const LAZY_CHUNK = 'cli-lazy.cjs'
const LAZY = new Set([
  'src/cli/args.ts',
  'src/cli/run-audit.ts',
  'src/cli/run-cert.ts',
  'src/cli/run-fn.ts',
  'src/cli/run-probe.ts',
  'src/cli/run-secret.ts',
  'src/secret/check-certificate.ts',
  'node_modules/fast-glob/out/index.js',
])
const rel = (file) => relative(root, file).split(sep).join('/')
/** An object literal that requires each of `files` (paths from the root) when its entry is called. */
const requireTable = (files) =>
  `{\n${[...files].map((f) => `  ${JSON.stringify(f)}: () => require(${JSON.stringify(join(root, f))}),\n`).join('')}}`
/** esbuild's resolution of an import, without running this plugin's onResolve again. */
const resolveOnce = (b, args) =>
  b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'once' })

/** The start chunk: LAZY modules become stubs that load the lazy chunk; `shared`: the modules it hands over. */
const startChunk = (shared) => ({
  name: 'start-chunk',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli-lazy\.cjs$/, namespace: 'dmtls-lazy' }, (args) => ({
      path: args.path,
      external: true,
    }))
    b.onResolve({ filter: /^dmtls:lazy$/ }, () => ({ path: 'lazy', namespace: 'dmtls-lazy' }))
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'once') return undefined
      const r = await resolveOnce(b, args)
      return !r.external && LAZY.has(rel(r.path)) ? { path: rel(r.path), namespace: 'dmtls-lazy' } : r
    })
    b.onLoad({ filter: /.*/, namespace: 'dmtls-lazy' }, (args) => ({
      resolveDir: root,
      loader: 'js',
      contents:
        args.path === 'lazy'
          ? `var shared = ${requireTable(shared)}, chunk;\nmodule.exports = (name) => ` +
            `(chunk ??= require("./${LAZY_CHUNK}")((name) => shared[name]())).modules[name]();\n`
          : `module.exports = require("dmtls:lazy")(${JSON.stringify(args.path)});\n`,
    }))
  },
})

/** The lazy chunk: the LAZY modules, with the start chunk's modules taken from it (their names into `shared`). */
const lazyChunk = (start, shared) => ({
  name: 'lazy-chunk',
  setup(b) {
    b.onResolve({ filter: /^dmtls:entry$/ }, () => ({ path: 'entry', namespace: 'dmtls-lazy' }))
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'once' || args.namespace === 'dmtls-lazy') return undefined
      const r = await resolveOnce(b, args)
      if (r.external || !start.has(rel(r.path))) return r
      shared.add(rel(r.path))
      return { path: rel(r.path), namespace: 'dmtls-shared' }
    })
    b.onLoad({ filter: /.*/, namespace: 'dmtls-lazy' }, () => ({
      resolveDir: root,
      loader: 'js',
      contents: `exports.modules = ${requireTable(LAZY)};\n`,
    }))
    b.onLoad({ filter: /.*/, namespace: 'dmtls-shared' }, (args) => ({
      loader: 'js',
      contents: `module.exports = __dmtls_shared(${JSON.stringify(args.path)});\n`,
    }))
  },
})

const cliCommon = {
  ...common,
  format: 'cjs',
  // import() of a Node built-in (node:worker_threads) becomes require(): no ESM loader, and the start
  // chunk runs as a plain vm.Script.
  supported: { 'dynamic-import': false },
  define: { ...common.define, 'import.meta.url': '__dmtls_meta.url' },
  metafile: true,
}
const buildStart = (shared, write) =>
  build({
    ...cliCommon,
    entryPoints: ['src/cli/bin.ts'],
    outfile: join(outdir, 'cli.cjs'),
    write,
    plugins: [startChunk(shared), ...common.plugins],
    banner: {
      js:
        '"use strict";\nvar __dmtls_meta = { get url() { return ' +
        'require("node:url").pathToFileURL(__filename).href; } };',
    },
  })
// Three builds: the start chunk's modules, then the lazy chunk (which learns which of them it uses), then the
// start chunk with those handed over (which adds no module to it).
const first = await buildStart(new Set(), false)
const startModules = new Set(Object.keys(Object.values(first.metafile.outputs)[0].inputs))
const shared = new Set()
const lazy = await build({
  ...cliCommon,
  entryPoints: ['dmtls:entry'],
  outfile: join(outdir, LAZY_CHUNK),
  plugins: [lazyChunk(startModules, shared), ...common.plugins],
  // A function of the start chunk's modules (see startChunk), called once. yargs reads import.meta.url.
  banner: {
    js:
      '"use strict";\nmodule.exports = function (__dmtls_shared) {\n' +
      'var module = { exports: {} }, exports = module.exports, ' +
      '__dmtls_meta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
  },
  footer: { js: 'return module.exports;\n};' },
})
const cli = await buildStart(new Set([...shared].sort()), true)
for (const f of startModules)
  if (LAZY.has(f) || /^node_modules\/(yargs|fast-glob)\//.test(f))
    throw new Error(`dist/cli.cjs holds ${f}, which only dist/${LAZY_CHUNK} should: a static import of it?`)
// bin/delegate-mtls.js runs the start chunk as a vm.Script, which has no dynamic import().
for (const [out, { imports }] of [...Object.entries(cli.metafile.outputs), ...Object.entries(lazy.metafile.outputs)]) {
  const dynamic = imports.filter((i) => i.kind === 'dynamic-import')
  if (dynamic.length > 0)
    throw new Error(
      `${out} keeps import() of ${dynamic.map((i) => i.path).join(', ')}: the CLI chunks must be plain CommonJS`,
    )
}
const chunks = ['cli.cjs', LAZY_CHUNK]
for (const chunk of chunks) {
  const file = join(outdir, chunk)
  const text = readFileSync(file)
  // bin/delegate-mtls.js reads the start chunk as latin1 (a plain copy, faster than decoding UTF-8): that is
  // only the same text while it is ASCII, which esbuild's default charset gives, except in the comments esbuild
  // keeps inside literals (a module the lazy chunk takes from the start chunk is kept whole, with them).
  if (text.some((b) => b > 0x7f))
    throw new Error(`${file} is not ASCII (a comment in a literal?): bin/delegate-mtls.js reads it as latin1`)
}
// The start chunk's last line names its content: bin/delegate-mtls.js keys its V8 code cache on it (with the
// file's size and mtime), since V8 itself only checks that a cache was made from a source of the same length.
const cliFile = join(outdir, 'cli.cjs')
appendFileSync(
  cliFile,
  `//# delegate-mtls-bundle sha256=${createHash('sha256').update(readFileSync(cliFile)).digest('hex')}\n`,
)

if (check) {
  const stale = chunks.filter((chunk) => {
    try {
      return !readFileSync(join(outdir, chunk)).equals(readFileSync(join(root, 'dist', chunk)))
    } catch {
      return true
    }
  })
  rmSync(outdir, { recursive: true, force: true })
  if (stale.length > 0) {
    const files = chunks.map((c) => `dist/${c}`).join(' and ')
    console.error(
      `${stale.map((c) => `dist/${c}`).join(' and ')} do not match the sources: run npm run build and commit ${files}`,
    )
    process.exit(1)
  }
  console.log(`${chunks.map((c) => `dist/${c}`).join(' and ')} match the sources`)
} else buildDeclarations()
