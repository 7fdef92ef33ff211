#!/usr/bin/env node
// Builds dist/: the CLI bundle (dist/cli.cjs, committed: pre-commit installs the hooks from a clone
// without a build step, and one file starts faster than a tree of modules), the library for `import`
// users (dist/index.js and its chunks) and its declarations (dist/types/), both built, never committed.
//   (no flag)  everything: what `npm publish` packs (prepublishOnly)
//   --lib      the library's JavaScript only: what the tests import (scripts/test.mjs builds it first)
//   --types    the declarations only (test/pack.test.ts packs the package as npm publish would)
//   --check    rebuild the CLI bundle into a temporary folder; fail when the committed one differs
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
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

// yaml's parser and composer read process.env.LOG_TOKENS / LOG_STREAM (debugging switches that print
// every token) once per token. process.env is a C++ interceptor, and on a Kubernetes manifest those
// reads are about a third of the parse time. The bundle reads each switch once, when yaml loads, so it
// still works when set before the run. The build fails if a yaml release no longer matches.
const yamlDebugSwitches = {
  name: 'yaml-debug-switches',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](?:parse[\\/]parser|compose[\\/]composer)\.js$/ },
      (args) => {
        const text = readFileSync(args.path, 'utf8')
        const names = new Set()
        const contents = text.replace(
          /\bnode_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/g,
          (_, name) => (names.add(name), `__yaml_${name}`),
        )
        if (names.size !== 1)
          throw new Error(
            `${args.path}: expected one per-token process.env read (LOG_TOKENS or LOG_STREAM), found ${names.size}: update scripts/build.mjs`,
          )
        const name = [...names][0]
        return { contents: `var __yaml_${name} = require('process').env.${name};\n${contents}`, loader: 'js' }
      },
    )
  },
}
// yaml marks every node it makes with its type (the NODE_TYPE symbol isMap, isPair … read) through
// Object.defineProperty on the node itself: a call into the runtime per scalar and per pair, 5% of a
// fleet --write. The bundle defines it once per node class, on the class's prototype (for the
// classes built on NodeBase, the first time one is made): `node[NODE_TYPE]` gives the same answer
// (still read-only and not enumerable), and a clone (an Object.create of the prototype) inherits it.
// A NodeBase class made with two types would throw, not mislabel (the property is not configurable);
// yaml's classes each pass one. The build fails if a yaml release no longer matches, and
// test/build.test.ts runs the bundle against the sources on every input.
const NODE_TYPE_PATCHES = {
  'Node.js': [
    [
      `    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }`,
      `    constructor(type) {
        const proto = new.target.prototype;
        if (proto[identity.NODE_TYPE] !== type)
            Object.defineProperty(proto, identity.NODE_TYPE, { value: type });
    }`,
    ],
  ],
  'Pair.js': [
    [`        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });\n`, ''],
    [
      `\nexports.Pair = Pair;`,
      `Object.defineProperty(Pair.prototype, identity.NODE_TYPE, { value: identity.PAIR });\n\nexports.Pair = Pair;`,
    ],
  ],
}
const yamlNodeType = {
  name: 'yaml-node-type',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/]nodes[\\/](?:Node|Pair)\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8')
      for (const [from, to] of NODE_TYPE_PATCHES[basename(args.path)]) {
        if (text.split(from).length !== 2)
          throw new Error(`${args.path}: expected once: ${JSON.stringify(from)}: update scripts/build.mjs`)
        text = text.replace(from, to)
      }
      return { contents: text, loader: 'js' }
    })
  },
}
const common = {
  absWorkingDir: root,
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
