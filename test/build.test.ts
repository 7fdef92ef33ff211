import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const build = suite('build')

build('the sources type-check under strict TypeScript', () => {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(root, 'tsconfig.json')], { encoding: 'utf8' })
  assert.is(r.stdout + r.stderr, '')
  assert.is(r.status, 0)
})

build('the committed dist/ bundle is what the sources build to', () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--check'], { encoding: 'utf8' })
  assert.is(r.status, 0, r.stderr)
})

build.run()
