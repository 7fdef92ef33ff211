/**
 * The bundled samples: each `samples/X.yaml` has its migrated form `samples/X.mtls.yaml`, which the real bin prints
 * for the README's quick-start endpoint, byte for byte; the migrated form needs nothing more (`--check` exit 0).
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { REPO_ROOT } from './helpers/corpus.js'

const test = suite('samples')
const SAMPLES = join(REPO_ROOT, 'samples')
const BIN = join(REPO_ROOT, 'bin', 'delegate-mtls.js')
const ENDPOINT = 'https://acme.harness.io:8443'

const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, '--endpoint', ENDPOINT, ...args], { cwd: REPO_ROOT, encoding: 'utf8' })

const inputs = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.mtls.yaml'))
  .sort()

test('the samples are the classic delegate and Delegate 3.x, each with its migrated form', () => {
  assert.equal(inputs, ['delegate-3x.yaml', 'harness-delegate.yaml'])
  for (const f of readdirSync(SAMPLES)) {
    if (f.endsWith('.mtls.yaml')) assert.ok(inputs.includes(f.replace(/\.mtls\.yaml$/, '.yaml')), `${f} has no input`)
  }
})

for (const input of inputs) {
  const expected = input.replace(/\.yaml$/, '.mtls.yaml')
  test(`samples/${input}: the bin prints samples/${expected}, and that needs no change`, () => {
    const r = run(`samples/${input}`)
    assert.is(r.stderr, '')
    assert.is(r.status, 0)
    assert.is(r.stdout, readFileSync(join(SAMPLES, expected), 'utf8'))
    const again = run('--check', `samples/${expected}`)
    assert.is(again.status, 0, again.stdout + again.stderr)
  })
}

test.run()
