// src/cli/short-run.ts: which runs are short, and pausing V8's optimizing compiler for them without
// changing V8's flag hash for good (a code cache made before must still be accepted after).
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BIN, ENDPOINT, SAMPLE, SAMPLE_MTLS, makeTmp } from './helpers/cli.js'
import { SHORT_RUN_BYTES, SHORT_RUN_FILES, shortRunBytes } from '../../src/cli/short-run.js'

let tmp: ReturnType<typeof makeTmp>
const at = (name: string) => join(tmp.dir, name)

const short = suite('short runs')
short.before(() => {
  tmp = makeTmp()
})
short.after(() => tmp.remove())

short("the input files' total size, up to SHORT_RUN_BYTES and SHORT_RUN_FILES files; else undefined", () => {
  writeFileSync(at('a.yaml'), 'a'.repeat(1000))
  writeFileSync(at('b.yaml'), 'b'.repeat(24))
  assert.is(shortRunBytes([at('a.yaml'), at('b.yaml')]), 1024)
  assert.is(shortRunBytes([]), 0)
  // A missing file is reported when it is read; it adds nothing.
  assert.is(shortRunBytes([at('a.yaml'), at('missing.yaml')]), 1000)
  writeFileSync(at('big.yaml'), 'x'.repeat(SHORT_RUN_BYTES - 1000))
  assert.is(shortRunBytes([at('a.yaml'), at('big.yaml')]), SHORT_RUN_BYTES)
  assert.is(shortRunBytes([at('a.yaml'), at('b.yaml'), at('big.yaml')]), undefined)
  assert.is(shortRunBytes(Array.from({ length: SHORT_RUN_FILES }, () => at('b.yaml'))), SHORT_RUN_FILES * 24)
  assert.is(shortRunBytes(Array.from({ length: SHORT_RUN_FILES + 1 }, () => at('b.yaml'))), undefined)
})

short('a directory, FIFO or device may hold anything: not short', () => {
  mkdirSync(at('dir'))
  assert.is(shortRunBytes([at('b.yaml'), at('dir')]), undefined)
  if (process.platform === 'win32') return
  assert.is(shortRunBytes(['/dev/zero']), undefined)
  assert.is(spawnSync('mkfifo', [at('fifo')]).status, 0)
  assert.is(shortRunBytes([at('fifo')]), undefined)
})

// A probe in a child process: V8 flags are the process's, and the checks must see start-up flags.
const PROBE = `
import vm from 'node:vm'
import { pauseOptimizer } from ${JSON.stringify(fileURLToPath(new URL('../../src/cli/short-run.ts', import.meta.url)))}
const source = 'function f(x) { return x * 2 }; f(1)'
const cachedData = new vm.Script(source, { filename: 'made.js' }).createCachedData()
// Another file name each time, so that V8 compiles anew (it keeps compiled scripts by source and name).
let n = 0
const accepted = () => !new vm.Script(source, { filename: 'read-' + ++n + '.js', cachedData }).cachedDataRejected
const resume = await pauseOptimizer()
const whilePaused = accepted()
resume()
resume()
console.log(JSON.stringify({ whilePaused, afterResume: accepted() }))
`

function probe(execArgv: string[], env: Record<string, string> = {}): { whilePaused: boolean; afterResume: boolean } {
  const r = spawnSync(process.execPath, [...execArgv, '--import', 'tsx', '--input-type=module', '-e', PROBE], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    timeout: 30_000,
  })
  assert.is(r.status, 0, r.stderr)
  return JSON.parse(r.stdout)
}

short(
  "pausing changes V8's flags (a code cache made before is refused), resuming restores them exactly " +
    '(it is accepted again)',
  () => {
    assert.equal(probe([]), { whilePaused: false, afterResume: true })
  },
)

short(
  "compiler flags of the user's own (command line or NODE_OPTIONS) are left alone: nothing is paused or resumed",
  () => {
    for (const flag of ['--no-opt', '--jitless', '--max-lazy']) {
      // --max-lazy names no compiler: that run pauses as any other.
      const want =
        flag === '--max-lazy' ? { whilePaused: false, afterResume: true } : { whilePaused: true, afterResume: true }
      assert.equal(probe([flag]), want, flag)
    }
    // Of these, NODE_OPTIONS allows only --jitless.
    assert.equal(
      probe([], { NODE_OPTIONS: '--jitless' }),
      { whilePaused: true, afterResume: true },
      'NODE_OPTIONS=--jitless',
    )
  },
)

short('the bin under --jitless and --no-opt: the same output (a short run never turns the optimizer back on)', () => {
  writeFileSync(at('harness-delegate.yaml'), SAMPLE)
  for (const flag of ['--jitless', '--no-opt']) {
    const r = spawnSync(process.execPath, [flag, BIN, '--endpoint', ENDPOINT, 'harness-delegate.yaml'], {
      cwd: tmp.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DELEGATE_MTLS_CACHE: '0' },
    })
    assert.is(r.status, 0, `${flag}: ${r.stderr}`)
    assert.is(r.stdout, SAMPLE_MTLS, flag)
  }
})

short.run()
