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
import { dirname, join } from 'node:path'
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
// The CLI: one CommonJS file, so a run never boots Node's ESM loader and bin/ can compile it with a
// V8 code cache. The lazily imported parts (the YAML pipeline, yargs, fast-glob) stay in the file but
// are evaluated only when reached. `import.meta.url` is the bundle's own URL, worked out when first
// read (node:url is not needed otherwise): planning workers (src/cli/plan-files.ts) start on it, and
// src/cli/bin.ts sends them to the planning code.
if (libOnly) process.exit(0)
const cli = await build({
  ...common,
  entryPoints: ['src/cli/bin.ts'],
  outfile: join(outdir, 'cli.cjs'),
  format: 'cjs',
  // import() of a Node built-in (node:worker_threads) becomes require(): no ESM loader, and the file
  // runs as a plain vm.Script.
  supported: { 'dynamic-import': false },
  define: { ...common.define, 'import.meta.url': '__dmtls_meta.url' },
  banner: {
    js: '"use strict";\nvar __dmtls_meta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
  },
  metafile: true,
})
// bin/delegate-mtls.js runs the bundle as a vm.Script, which has no dynamic import().
for (const [out, { imports }] of Object.entries(cli.metafile.outputs)) {
  const dynamic = imports.filter((i) => i.kind === 'dynamic-import')
  if (dynamic.length > 0)
    throw new Error(
      `${out} keeps import() of ${dynamic.map((i) => i.path).join(', ')}: the CLI bundle must be plain CommonJS`,
    )
}
const cliFile = join(outdir, 'cli.cjs')
const cliText = readFileSync(cliFile)
// bin/delegate-mtls.js reads the bundle as latin1 (a plain copy, faster than decoding UTF-8): that is
// only the same text while it is ASCII, which esbuild's default charset gives.
if (cliText.some((b) => b > 0x7f)) throw new Error(`${cliFile} is not ASCII: bin/delegate-mtls.js reads it as latin1`)
// The last line names the bundle's content: bin/delegate-mtls.js keys its V8 code cache on it (with the
// file's size and mtime), since V8 itself only checks that a cache was made from a source of the same length.
appendFileSync(cliFile, `//# delegate-mtls-bundle sha256=${createHash('sha256').update(cliText).digest('hex')}\n`)

if (check) {
  const committed = join(root, 'dist/cli.cjs')
  let same = false
  try {
    same = readFileSync(join(outdir, 'cli.cjs')).equals(readFileSync(committed))
  } catch {}
  rmSync(outdir, { recursive: true, force: true })
  if (!same) {
    console.error('dist/cli.cjs does not match the sources: run npm run build and commit dist/cli.cjs')
    process.exit(1)
  }
  console.log('dist/cli.cjs matches the sources')
} else buildDeclarations()
