#!/usr/bin/env node
// Bundles the CLI and the library into dist/ (committed: pre-commit installs hooks without a build
// step, and one file starts faster than a tree of modules). `--check` rebuilds into a temporary
// folder and fails when the committed dist/ differs from what the sources give.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const outdir = check ? mkdtempSync(join(tmpdir(), 'dmtls-build-')) : join(root, 'dist')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

const validators = spawnSync(process.execPath, [join(root, 'scripts/build-validators.mjs'), '--check'], { stdio: 'inherit' })
if (validators.status !== 0) {
  console.error('src/validate/generated is stale: run node scripts/build-validators.mjs')
  process.exit(1)
}
if (!check) rmSync(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/bin.ts', index: 'src/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  minifySyntax: true,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
})

if (check) {
  const list = (dir) => readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile()).map(String).sort()
  const committed = join(root, 'dist')
  const want = list(outdir)
  let have = []
  try {
    have = list(committed)
  } catch {}
  const stale = [...new Set([...want, ...have])].filter((f) => {
    try {
      return !readFileSync(join(outdir, f)).equals(readFileSync(join(committed, f)))
    } catch {
      return true
    }
  })
  rmSync(outdir, { recursive: true, force: true })
  if (stale.length > 0) {
    console.error(`dist/ does not match the sources (${stale.map((f) => relative(root, join(committed, f))).join(', ')}): run npm run build and commit dist/`)
    process.exit(1)
  }
  console.log('dist/ matches the sources')
}
