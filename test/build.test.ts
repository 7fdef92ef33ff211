import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
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

build("the bundle reads yaml's per-token debugging switches once, at load, and they still work", () => {
  const bundle = readFileSync(join(root, 'dist/cli.cjs'), 'utf8')
  // A process.env read per token is a call into C++ each time: about a third of parsing a manifest.
  assert.not.match(bundle, /node_process\.env\.LOG_(TOKENS|STREAM)/)
  assert.match(bundle, /__yaml_LOG_TOKENS = require\("process"\)\.env\.LOG_TOKENS/)
  const sample = join(root, 'samples/harness-delegate.yaml')
  const args = [join(root, 'bin/delegate-mtls.js'), '--check', '--endpoint', 'https://acme.harness.io:8443', sample]
  const plain = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, DELEGATE_MTLS_CACHE: '0' } })
  const traced = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, DELEGATE_MTLS_CACHE: '0', LOG_TOKENS: '1' } })
  assert.is(plain.status, 1)
  assert.is(traced.status, 1)
  assert.not.match(plain.stdout, /^\| /m)
  assert.match(traced.stdout, /^\| "kind"/m)
})

build.run()
