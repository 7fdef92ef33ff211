// Faults on disk: a read-only file, permission denied (as an unprivileged user), a full disk (a small
// tmpfs when we may mount one, else an injected ENOSPC), a rename failing half way. Each: a clear
// error naming the file, exit 2, and the other files untouched (every file is planned, and every temp
// file written, before the first is renamed into place); when a write fails after some files were
// renamed, the report says which were written.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFaults } from '../../src/io/index.js'
import { BIN, ENDPOINT, hasStackTrace, makeTmp, ROOT, runBin, runMain, type CliResult } from './helpers/cli.js'
import { delegateYaml, migrated } from './helpers/fixtures.js'

const NOBODY = 65534
const isRoot = process.getuid?.() === 0

const test = suite('robust: faults on disk')
let tmp: ReturnType<typeof makeTmp>
test.before(() => {
  tmp = makeTmp()
  chmodSync(tmp.dir, 0o755) // the unprivileged runs must get in
})
test.after(() => {
  delete writeFaults.beforeWrite
  delete writeFaults.beforeRename
  tmp.remove()
})

let n = 0
/** A fresh folder with `count` delegate manifests `d0.yaml`…; returns the folder and the original texts. */
function fleet(count = 5, size = 0): { dir: string; names: string[]; texts: Map<string, string> } {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  const texts = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    const pad = size > 0 ? ['        - name: PADDING', `          value: "${'x'.repeat(size)}"`] : []
    const text = delegateYaml(`d${i}`, { env: pad })
    writeFileSync(join(dir, `d${i}.yaml`), text)
    texts.set(`d${i}.yaml`, text)
  }
  return { dir, names: [...texts.keys()], texts }
}
const untouched = (dir: string, texts: Map<string, string>) => {
  for (const [name, text] of texts) assert.is(readFileSync(join(dir, name), 'utf8'), text, `${name} changed`)
}
const noTemps = (dir: string) =>
  assert.equal(
    readdirSync(dir).filter((f) => f.includes('.delegate-mtls-')),
    [],
    'a temp file was left',
  )
function clean(r: CliResult): void {
  assert.not.ok(r.timedOut, 'a hang')
  assert.not.ok(hasStackTrace(r.stderr), `a stack trace:\n${r.stderr}`)
  assert.not.match(r.stderr, /internal error/)
}

/** The real bin as uid/gid 65534 (root ignores permissions); undefined when we cannot drop privileges. */
function binAsNobody(args: string[], cwd: string): CliResult | undefined {
  if (!isRoot) {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 30_000 })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 }
  }
  const probe = spawnSync(process.execPath, [BIN, '--version'], { cwd, uid: NOBODY, gid: NOBODY, encoding: 'utf8' })
  if (probe.status !== 0) return undefined // the project is not readable by nobody here
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 }
}

test('a read-only file (chmod 444) is refused, not replaced: exit 2 naming it, the other files untouched', async () => {
  // Decision: a rename would replace it (and root writes anything), but 444 is how people say "generated,
  // do not edit": delegate-mtls refuses it for everyone, and writes nothing (all or nothing).
  const { dir, texts } = fleet()
  chmodSync(join(dir, 'd2.yaml'), 0o444)
  const r = await runMain(['-e', ENDPOINT, '--write', '.'], { cwd: dir })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.match(
    r.stderr,
    /d2\.yaml: error: cannot write: is read-only \(mode 0444\); make it writable \(chmod u\+w\) to migrate it/,
  )
  assert.match(r.stderr, /nothing was written/)
  untouched(dir, texts)
  noTemps(dir)
  assert.is(statSync(join(dir, 'd2.yaml')).mode & 0o777, 0o444)
  // --keep-going writes the others and still exits 2.
  const k = await runMain(['-e', ENDPOINT, '--write', '--keep-going', '.'], { cwd: dir })
  clean(k)
  assert.is(k.code, 2)
  assert.is(readFileSync(join(dir, 'd2.yaml'), 'utf8'), texts.get('d2.yaml'))
  assert.is(readFileSync(join(dir, 'd0.yaml'), 'utf8'), migrated(texts.get('d0.yaml')!).output)
  noTemps(dir)
})

test(
  'permission denied, as an unprivileged user: an unreadable input, an unwritable folder, ' + "another user's file",
  async () => {
    // An unreadable file among writable ones: nothing is written.
    const a = fleet()
    chmodSync(a.dir, 0o777)
    for (const name of a.names) chmodSync(join(a.dir, name), 0o666)
    chmodSync(join(a.dir, 'd1.yaml'), 0o600)
    const ra = binAsNobody(['-e', ENDPOINT, '--write', '.'], a.dir)
    if (!ra) {
      console.log('    [permission cases skipped: cannot run as uid 65534 here]')
      return
    }
    clean(ra)
    assert.is(ra.code, 2, ra.stderr)
    assert.match(ra.stderr, /d1\.yaml: error: permission denied/)
    assert.match(ra.stderr, /nothing was written/)
    untouched(a.dir, a.texts)
    noTemps(a.dir)

    // A folder the user cannot write to: the temp files cannot be created.
    const b = fleet()
    for (const name of b.names) chmodSync(join(b.dir, name), 0o666)
    chmodSync(b.dir, 0o755)
    const rb = binAsNobody(['-e', ENDPOINT, '--write', '.'], b.dir)!
    clean(rb)
    assert.is(rb.code, 2, rb.stderr)
    assert.match(rb.stderr, /d0\.yaml: error: cannot write: permission denied/)
    untouched(b.dir, b.texts)
    noTemps(b.dir)

    // Another user's file (0644) in a folder the user may write to: a rename could replace it; refused.
    const c = fleet(3)
    chmodSync(c.dir, 0o777)
    if (!isRoot) {
      console.log("    [another user's file: needs root to set up]")
      return
    }
    chownSync(join(c.dir, 'd0.yaml'), NOBODY, NOBODY)
    chownSync(join(c.dir, 'd2.yaml'), NOBODY, NOBODY)
    const rc = binAsNobody(['-e', ENDPOINT, '--write', '.'], c.dir)!
    clean(rc)
    assert.is(rc.code, 2, rc.stderr)
    assert.match(rc.stderr, /d1\.yaml: error: cannot write: permission denied/)
    untouched(c.dir, c.texts)
    noTemps(c.dir)
  },
)

/** Mounts a tmpfs of `kb` KiB on `dir`; false when not permitted (not root, or no CAP_SYS_ADMIN). */
function mountTmpfs(dir: string, kb: number): boolean {
  if (!isRoot) return false
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]).status === 0
}

test('disk full: a 64 KiB tmpfs filled, the real bin: exit 2 names the file, all untouched, no temp left', async () => {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  if (!mountTmpfs(dir, 64)) {
    // Fall back to the documented seam: the same failure, injected (ENOSPC from the third temp file on).
    const f = fleet()
    let staged = 0
    writeFaults.beforeWrite = () => {
      if (++staged >= 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }
    try {
      const r = await runMain(['-e', ENDPOINT, '--write', '.'], { cwd: f.dir })
      clean(r)
      assert.is(r.code, 2, r.stderr)
      assert.match(r.stderr, /error: cannot write: disk full \(no space left on device\)/)
      untouched(f.dir, f.texts)
      noTemps(f.dir)
    } finally {
      delete writeFaults.beforeWrite
    }
    console.log('    [disk full: mount not permitted, ENOSPC injected through writeFaults]')
    return
  }
  try {
    const texts = new Map<string, string>()
    for (let i = 0; i < 5; i++) {
      const text = delegateYaml(`d${i}`, {
        env: ['        - name: PADDING', `          value: "${'x'.repeat(2500)}"`],
      })
      writeFileSync(join(dir, `d${i}.yaml`), text)
      texts.set(`d${i}.yaml`, text)
    }
    // Fill the rest but two pages (tmpfs counts 4 KiB pages): two temp files fit, the third does not.
    const filler = join(dir, 'filler.bin')
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1k'], { encoding: 'utf8' }) // until the disk is full
    assert.is(spawnSync('truncate', ['-s', `-${8 * 1024}`, filler]).status, 0)
    const r = await runBin(['-e', ENDPOINT, '--write', 'd0.yaml', 'd1.yaml', 'd2.yaml', 'd3.yaml', 'd4.yaml'], {
      cwd: dir,
      timeoutMs: 30_000,
    })
    clean(r)
    assert.is(r.code, 2, r.stderr)
    assert.match(r.stderr, /d\d\.yaml: error: cannot write: disk full \(no space left on device\)/)
    assert.match(r.stderr, /nothing was written: a file could not be written, so every file was left as it was/)
    untouched(dir, texts)
    noTemps(dir)
  } finally {
    spawnSync('umount', [dir])
  }
})

test('a rename failing half way (injected): exit 2, the report names the files written and the failed', async () => {
  const { dir, names, texts } = fleet(5)
  let renamed = 0
  writeFaults.beforeRename = (_tmp, target) => {
    if (++renamed === 3) throw Object.assign(new Error(`EIO: i/o error, rename '${target}'`), { code: 'EIO' })
  }
  try {
    const r = await runMain(['-e', ENDPOINT, '--write', ...names], { cwd: dir })
    clean(r)
    assert.is(r.code, 2, r.stderr)
    assert.match(r.stderr, /d2\.yaml: error: cannot write: input\/output error/)
    // The first two were renamed into place and are reported as migrated; the failed one and the ones
    // after it keep their bytes, and nothing is left half-written.
    for (const name of ['d0.yaml', 'd1.yaml']) {
      assert.is(readFileSync(join(dir, name), 'utf8'), migrated(texts.get(name)!).output)
      assert.match(r.stderr, new RegExp(`^${name.replace('.', '\\.')}: migrated`, 'm'))
    }
    assert.is(readFileSync(join(dir, 'd2.yaml'), 'utf8'), texts.get('d2.yaml'))
    for (const name of ['d3.yaml', 'd4.yaml']) {
      const got = readFileSync(join(dir, name), 'utf8')
      assert.ok(got === texts.get(name) || got === migrated(texts.get(name)!).output)
    }
    noTemps(dir)
  } finally {
    delete writeFaults.beforeRename
  }
})

test('a write error is printed once: on its file line, or (--quiet, --format json) on a line of its own', async () => {
  const count = (s: string, needle: string) => s.split(needle).length - 1
  const { dir, texts } = fleet(3)
  chmodSync(join(dir, 'd1.yaml'), 0o444)
  const readOnly =
    'd1.yaml: error: cannot write: is read-only (mode 0444); make it writable (chmod u+w) to migrate it\n'
  for (const extra of [[], ['--keep-going'], ['--quiet'], ['--format', 'json'], ['-l']]) {
    const r = await runMain(['-e', ENDPOINT, '--write', ...extra, '.'], { cwd: dir })
    clean(r)
    assert.is(r.code, 2, r.stderr)
    assert.is(count(r.stderr, readOnly), 1, `${extra.join(' ')}:\n${r.stderr}`)
    if (extra[0] === '--keep-going')
      for (const name of ['d0.yaml', 'd2.yaml']) writeFileSync(join(dir, name), texts.get(name)!)
  }
  // An injected EACCES when the temp file is written, with --out-dir: the target is named once too.
  const f = fleet(2)
  writeFaults.beforeWrite = () => {
    throw Object.assign(new Error('EACCES: permission denied, write'), { code: 'EACCES' })
  }
  try {
    const r = await runMain(['-e', ENDPOINT, '--out-dir', 'out', '.'], { cwd: f.dir })
    clean(r)
    assert.is(r.code, 2, r.stderr)
    assert.is(count(r.stderr, 'd0.yaml: error: cannot write out/d0.yaml: permission denied\n'), 1, r.stderr)
    assert.is(count(r.stderr, 'd1.yaml: error: cannot write out/d1.yaml: permission denied\n'), 1, r.stderr)
  } finally {
    delete writeFaults.beforeWrite
  }
  // An input that cannot be read (over --max-bytes): its error has no position either.
  const big = await runMain(['-e', ENDPOINT, '--write', '--max-bytes', '100', 'd0.yaml'], { cwd: f.dir })
  clean(big)
  assert.is(big.code, 2)
  assert.is(count(big.stderr, 'd0.yaml: error: is '), 1, big.stderr)
  // The real bin, in a folder it cannot write to (as uid 65534, where we can drop privileges).
  const b = fleet(2)
  for (const name of b.names) chmodSync(join(b.dir, name), 0o666)
  chmodSync(b.dir, 0o755)
  const rb = binAsNobody(['-e', ENDPOINT, '--write', '.'], b.dir)
  if (!rb) return console.log('    [the real bin as uid 65534: skipped, cannot drop privileges here]')
  clean(rb)
  assert.is(rb.code, 2, rb.stderr)
  assert.is(count(rb.stderr, 'd0.yaml: error: cannot write: permission denied\n'), 1, rb.stderr)
  untouched(b.dir, b.texts)
})

test('disk full in a planning worker (the real bin, 200 files): said once, nothing written, no temp left', async () => {
  // The worker threads stage the writes of the files they plan; a preload fails the first temp file a
  // worker creates with ENOSPC.
  const { dir, texts } = fleet(200)
  const script = join(tmp.dir, `worker-enospc-${++n}.cjs`)
  writeFileSync(
    script,
    [
      `const fs = require('node:fs'), path = require('node:path'), { isMainThread } = require('node:worker_threads')`,
      `const real = fs.openSync`,
      `let failed = false`,
      `fs.openSync = function (...args) {`,
      `  const temp = typeof args[0] === 'string' && /\\.delegate-mtls-/.test(path.basename(args[0]))`,
      `  if (!isMainThread && !failed && temp) {`,
      `    failed = true`,
      `    throw Object.assign(new Error('ENOSPC: no space left on device, open'), { code: 'ENOSPC' })`,
      `  }`,
      `  return real.apply(this, args)`,
      `}`,
      '',
    ].join('\n'),
  )
  const r = await runBin(['-e', ENDPOINT, '--write', '.'], {
    cwd: dir,
    env: { NODE_OPTIONS: `--require ${script}`, DELEGATE_MTLS_CACHE: '0' },
    timeoutMs: 60_000,
  })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(r.stderr.split('error: cannot write: disk full (no space left on device)\n').length - 1, 1, r.stderr)
  assert.match(r.stderr, /nothing was written: a file could not be written/)
  untouched(dir, texts)
  noTemps(dir)
})

test('the seam is inert outside tests: writeFaults is empty when the suite does not set it', () => {
  assert.equal(Object.keys(writeFaults), [])
  assert.ok(ROOT.length > 0)
})

test.run()
