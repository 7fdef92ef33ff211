// Ctrl-C (SIGINT) and `kill` (SIGTERM) while the real bin --writes a few hundred manifests: the run
// removes its temp files before it exits, with the exit code a shell gives such a command (130, 143)
// and a line on stderr; every file is exactly its original or exactly its migrated bytes.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isTempFileName } from '../../src/io/index.js'
import type { migrate as Migrate } from '../../src/pipeline/migrate.js'
import { BIN, ENDPOINT, hasStackTrace, makeTmp, runBin } from './helpers/cli.js'
import { delegateYaml } from './helpers/fixtures.js'

/** The bundle's own migrate() (dist/index.js), the code the bin runs, as in crash-safety.test.ts. */
const DIST = '../../dist/index.js'
let migrateDist: typeof Migrate

/** At or above the 200 files planned on worker threads: the signal must end those too. */
const FILES = 300

const test = suite('robust: SIGINT and SIGTERM during --write')
let tmp: ReturnType<typeof makeTmp>
test.before(async () => {
  migrateDist = ((await import(DIST)) as { migrate: typeof Migrate }).migrate
  tmp = makeTmp('dmtls-signal-')
})
test.after(() => tmp.remove())

let n = 0
/** `FILES` manifests (LF and CRLF; one in ten already migrated): name → [original, migrated]. */
function fleet(): { dir: string; files: Map<string, [Buffer, Buffer]> } {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  const files = new Map<string, [Buffer, Buffer]>()
  for (let i = 0; i < FILES; i++) {
    let text = delegateYaml(`delegate-${i}`)
    if (i % 4 === 1) text = text.replace(/\n/g, '\r\n')
    const out = migrateDist(text, { endpoint: ENDPOINT })
    assert.is(out.status, 'migrated')
    const original = i % 10 === 9 ? out.output : text
    files.set(`d${i}.yaml`, [Buffer.from(original), Buffer.from(out.output)])
    writeFileSync(join(dir, `d${i}.yaml`), original)
  }
  return { dir, files }
}

/** Starts --write on `dir`, sends `signal` as soon as a temp file exists, and waits for the exit. */
function interruptWrite(
  dir: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: string | null; stderr: string; sent: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '-e', ENDPOINT, '--write', '--quiet', '.'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', DELEGATE_MTLS_CACHE: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    let sent = false
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    // The temp files appear while the rest of the batch is still being planned, seconds before the end.
    const poll = setInterval(() => {
      if (sent || !readdirSync(dir).some((f) => isTempFileName(f))) return
      sent = true
      clearInterval(poll)
      child.kill(signal)
    }, 2)
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', (code, sig) => {
      clearInterval(poll)
      clearTimeout(guard)
      resolve({ code, signal: sig, stderr, sent })
    })
  })
}

/** Every file is its original or its migrated bytes, nothing else is in the folder; returns how many were migrated. */
function inspect(dir: string, files: Map<string, [Buffer, Buffer]>): number {
  const names = readdirSync(dir)
  assert.equal(
    names.filter((f) => isTempFileName(f)),
    [],
    'a temp file was left',
  )
  assert.equal(names.sort(), [...files.keys()].sort())
  let done = 0
  for (const [name, [original, after]] of files) {
    const got = readFileSync(join(dir, name))
    assert.ok(got.equals(original) || got.equals(after), `${name}: neither its original nor its migrated bytes`)
    if (!original.equals(after) && got.equals(after)) done++
  }
  return done
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} once temp files exist: exit ${code}, a line on stderr, no temp file left, no file torn`, async () => {
    const { dir, files } = fleet()
    const r = await interruptWrite(dir, signal)
    assert.ok(r.sent, 'the run ended before a temp file was seen')
    assert.is(r.signal, null, `the bin died of ${r.signal} instead of cleaning up`)
    assert.is(r.code, code, r.stderr)
    assert.not.ok(hasStackTrace(r.stderr), r.stderr)
    inspect(dir, files)
    assert.match(
      r.stderr,
      new RegExp(
        `^delegate-mtls: interrupted by ${signal}; removed \\d+ temporary files?: ` +
          'every file is either as it was or completely written\\n$',
      ),
    )
    if (signal === 'SIGTERM') {
      // The next run finishes the job.
      const next = await runBin(['-e', ENDPOINT, '--write', '--quiet', '.'], { cwd: dir, timeoutMs: 60_000 })
      assert.is(next.code, 0, next.stderr)
      const changing = [...files.values()].filter(([a, b]) => !a.equals(b)).length
      assert.is(inspect(dir, files), changing)
    }
  })
}

test('a signal while a planning worker creates a temp file the main thread has not heard of: none left', async () => {
  // A preload makes the first temp file a worker thread creates send SIGINT to the process and hold the
  // worker for a moment, so that the handler runs before the worker's message (with the file's name)
  // can arrive: the handler must find the file by this process's pid in the folder.
  const { dir, files } = fleet()
  const script = join(tmp.dir, 'worker-signal.cjs')
  writeFileSync(
    script,
    [
      `const fs = require('node:fs'), path = require('node:path'), { isMainThread } = require('node:worker_threads')`,
      `const real = fs.openSync`,
      `let sent = false`,
      `fs.openSync = function (...args) {`,
      `  const fd = real.apply(this, args)`,
      `  const temp = typeof args[0] === 'string' && /\\.delegate-mtls-/.test(path.basename(args[0]))`,
      `  if (!isMainThread && !sent && temp) {`,
      `    sent = true`,
      `    fs.writeFileSync(${JSON.stringify(join(tmp.dir, 'worker-temp.txt'))}, args[0])`,
      `    process.kill(process.pid, 'SIGINT')`,
      `    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300)`,
      `  }`,
      `  return fd`,
      `}`,
      '',
    ].join('\n'),
  )
  const r = await runBin(['-e', ENDPOINT, '--write', '--quiet', '.'], {
    cwd: dir,
    env: { NODE_OPTIONS: `--require ${script}`, DELEGATE_MTLS_CACHE: '0' },
    timeoutMs: 60_000,
  })
  assert.is(r.code, 130, r.stderr)
  assert.not.ok(hasStackTrace(r.stderr), r.stderr)
  assert.match(r.stderr, /^delegate-mtls: interrupted by SIGINT; removed \d+ temporary files?: /)
  assert.match(readFileSync(join(tmp.dir, 'worker-temp.txt'), 'utf8'), /^.+\.delegate-mtls-\d+-[0-9a-z]+\.tmp$/)
  inspect(dir, files)
})

test.run()
