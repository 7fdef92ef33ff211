// bin/delegate-mtls.js keeps a V8 code cache of the CLI bundle: where it goes, with which permissions,
// when it is written and reused, and that no state of it (none, valid, corrupt, planted, unwritable,
// written by many processes at once) changes what a run prints or breaks the run.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawn } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { ENDPOINT, REPO_ROOT, SAMPLE, SAMPLE_MTLS, makeTmp, runBin, type Ran } from './helpers/cli.js'

const E = ['--endpoint', ENDPOINT]
const CHECK = [...E, '--check', 'harness-delegate.yaml']
const CHECKED: Omit<Ran, 'code'> = {
  stdout: 'harness-delegate.yaml: needs migrating (12 changes)\n',
  stderr: '1 file: 1 to migrate\nrun with --write to migrate them\n',
}
const CACHE_NAME = new RegExp(
  `^cli-${process.versions.node.replaceAll('.', '\\.')}-${process.arch}-[0-9a-f]{32}-\\d+-\\d+\\.v8cache$`,
)
const uidKnown = typeof process.getuid === 'function'

let tmp: ReturnType<typeof makeTmp>
let n = 0
/** A cache directory that does not exist yet. */
const freshDir = () => join(tmp.dir, `cache-${++n}`)
const run = (argv: string[], env: Record<string, string>) => runBin(argv, { cwd: tmp.dir, env })
/** The one cache file in `dir` (fails unless there is exactly one, and nothing else). */
function theCache(dir: string): { file: string; ino: number; mtimeMs: number; bytes: Buffer } {
  const names = readdirSync(dir)
  assert.is(names.length, 1, `expected one cache file in ${dir}: ${names.join(', ')}`)
  assert.match(names[0]!, CACHE_NAME)
  const file = join(dir, names[0]!)
  const st = statSync(file)
  return { file, ino: st.ino, mtimeMs: st.mtimeMs, bytes: readFileSync(file) }
}

const cache = suite('code cache')
cache.before(() => {
  tmp = makeTmp('dmtls-cache-')
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
})
cache.after(() => tmp.remove())

cache(
  'the first check creates it (directory 0700, file 0600, named for this Node and bundle); the ' +
    'output is as without a cache',
  async () => {
    const dir = freshDir()
    const off = await run(CHECK, { DELEGATE_MTLS_CACHE: '0' })
    assert.equal(off, { code: 1, ...CHECKED })
    const first = await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir })
    assert.equal(first, off)
    const { file, bytes } = theCache(dir)
    assert.ok(bytes.length > 10_000, `a ${bytes.length}-byte cache`)
    if (process.platform !== 'win32') {
      assert.is(statSync(dir).mode & 0o777, 0o700)
      assert.is(statSync(file).mode & 0o777, 0o600)
    }
  },
)

cache(
  'the second run reuses it: V8 accepts it (a rejected cache is rewritten) and the output is the same',
  async () => {
    const dir = freshDir()
    await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir })
    const before = theCache(dir)
    for (const [argv, stdin, want] of [
      [CHECK, '', { code: 1, ...CHECKED }],
      [E, SAMPLE, { code: 0, stdout: SAMPLE_MTLS, stderr: '' }],
    ] as [string[], string, Ran][]) {
      const r = await runBin(argv, { cwd: tmp.dir, stdin, env: { DELEGATE_MTLS_CACHE_DIR: dir } })
      assert.equal(r, want)
      const after = theCache(dir)
      assert.is(after.ino, before.ino, 'the cache was rewritten: V8 rejected it')
      assert.is(after.mtimeMs, before.mtimeMs)
      assert.ok(after.bytes.equals(before.bytes))
    }
  },
)

cache(
  '--help, --version and usage errors do not create it (it would lack the pipeline); a later check does',
  async () => {
    const dir = freshDir()
    for (const argv of [
      ['--help'],
      ['--version'],
      ['--frobnicate'],
      ['-e', 'http://x', 'a.yaml'],
      [...E, '--check', 'missing.yaml'],
    ]) {
      const r = await run(argv, { DELEGATE_MTLS_CACHE_DIR: dir })
      assert.ok(r.code === 0 || r.code === 2, `${argv.join(' ')}: ${r.code} ${r.stderr}`)
      let names: string[] = []
      try {
        names = readdirSync(dir)
      } catch {}
      assert.equal(names, [], `${argv.join(' ')} wrote a cache`)
    }
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir }), { code: 1, ...CHECKED })
    theCache(dir)
  },
)

cache(
  'a run longer than a pre-commit check (33 files, or 129 KiB on stdin) does not create it; a later check does',
  async () => {
    const dir = freshDir()
    const fleet = join(tmp.dir, 'fleet')
    mkdirSync(fleet)
    for (let i = 0; i < 33; i++) writeFileSync(join(fleet, `d${i}.yaml`), SAMPLE)
    const long = await run([...E, '--check', '--quiet', 'fleet'], { DELEGATE_MTLS_CACHE_DIR: dir })
    assert.is(long.code, 1, long.stderr)
    const big = await runBin([...E, '--check', '--quiet'], {
      cwd: tmp.dir,
      env: { DELEGATE_MTLS_CACHE_DIR: dir },
      stdin: `${SAMPLE}---\n`.repeat(Math.ceil((129 * 1024) / SAMPLE.length)),
    })
    assert.is(big.code, 1, big.stderr)
    let names: string[] = []
    try {
      names = readdirSync(dir)
    } catch {}
    assert.equal(names, [], 'a long run wrote a cache')
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir }), { code: 1, ...CHECKED })
    theCache(dir)
  },
)

cache('a corrupt or truncated cache is ignored (same output) and rewritten', async () => {
  const dir = freshDir()
  await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir })
  const good = theCache(dir)
  for (const bad of [
    Buffer.from('not a V8 code cache\n'),
    good.bytes.subarray(0, good.bytes.length >> 1),
    Buffer.alloc(good.bytes.length, 0xa5),
  ]) {
    writeFileSync(good.file, bad, { mode: 0o600 })
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir }), { code: 1, ...CHECKED })
    const rewritten = theCache(dir)
    assert.not.ok(rewritten.bytes.equals(bad), 'the corrupt cache was left in place')
    // …and the rewritten one is good: the next run accepts it.
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir }), { code: 1, ...CHECKED })
    assert.is(theCache(dir).ino, rewritten.ino)
  }
})

cache('DELEGATE_MTLS_CACHE=0 turns it off: nothing read, nothing written', async () => {
  const dir = freshDir()
  assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir, DELEGATE_MTLS_CACHE: '0' }), { code: 1, ...CHECKED })
  assert.not.ok(readdirSync(tmp.dir).includes(dir.split(/[\\/]/).pop()!), 'the cache directory was created')
  // With a corrupt cache present and the cache off, the file is not even looked at (not rewritten).
  await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir })
  const { file } = theCache(dir)
  writeFileSync(file, 'garbage')
  assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir, DELEGATE_MTLS_CACHE: '0' }), { code: 1, ...CHECKED })
  assert.is(readFileSync(file, 'utf8'), 'garbage')
})

cache(
  '$XDG_CACHE_HOME/delegate-mtls, else $HOME/.cache/delegate-mtls; no HOME: no cache, and the run is the same',
  async () => {
    const xdg = join(tmp.dir, 'xdg')
    assert.equal(await run(CHECK, { XDG_CACHE_HOME: xdg, HOME: join(tmp.dir, 'home-unused') }), { code: 1, ...CHECKED })
    theCache(join(xdg, 'delegate-mtls'))
    assert.not.ok(readdirSync(tmp.dir).includes('home-unused'))
    const home = join(tmp.dir, 'home')
    mkdirSync(home)
    assert.equal(await run(CHECK, { HOME: home }), { code: 1, ...CHECKED })
    theCache(join(home, '.cache', 'delegate-mtls'))
    // runBin's environment has no HOME at all.
    const before = readdirSync(tmp.dir).sort()
    assert.equal(await run(CHECK, {}), { code: 1, ...CHECKED })
    assert.equal(readdirSync(tmp.dir).sort(), before)
  },
)

cache('a directory it cannot create or write is harmless: same output, exit code, no stray files', async () => {
  const notADir = join(tmp.dir, 'a-file')
  writeFileSync(notADir, 'x')
  for (const dir of [join(notADir, 'cache'), notADir]) {
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir }), { code: 1, ...CHECKED })
    assert.equal(await runBin(E, { cwd: tmp.dir, stdin: SAMPLE, env: { DELEGATE_MTLS_CACHE_DIR: dir } }), {
      code: 0,
      stdout: SAMPLE_MTLS,
      stderr: '',
    })
  }
  assert.is(readFileSync(notADir, 'utf8'), 'x')
  if (process.platform !== 'win32' && process.getuid?.() !== 0) {
    // A read-only HOME (root writes anyway, so only as another user).
    const home = join(tmp.dir, 'ro-home')
    mkdirSync(home, { mode: 0o500 })
    assert.equal(await run(CHECK, { HOME: home }), { code: 1, ...CHECKED })
    assert.equal(readdirSync(home), [])
    chmodSync(home, 0o700)
  }
})

cache(
  'never a directory or file others can write: a world-writable directory, a group-writable or ' +
    'symlinked cache are not used',
  async () => {
    if (!uidKnown) return
    // A world-writable directory (like /tmp): neither read nor written.
    const shared = freshDir()
    mkdirSync(shared)
    chmodSync(shared, 0o777)
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: shared }), { code: 1, ...CHECKED })
    assert.equal(readdirSync(shared), [])
    chmodSync(shared, 0o700)
    await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: shared })
    const good = theCache(shared)
    chmodSync(shared, 0o777)
    writeFileSync(good.file, 'planted')
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: shared }), { code: 1, ...CHECKED })
    assert.is(
      readFileSync(good.file, 'utf8'),
      'planted',
      'a cache in a world-writable directory was rewritten (so it was in use)',
    )
    chmodSync(shared, 0o700)

    // A cache file others may write: not read, replaced by the user's own (0600).
    const dir = freshDir()
    await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir })
    const own = theCache(dir)
    chmodSync(own.file, 0o666)
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir }), { code: 1, ...CHECKED })
    const replaced = theCache(dir)
    assert.is.not(replaced.ino, own.ino)
    assert.is(statSync(replaced.file).mode & 0o777, 0o600)

    // A symlink where the cache goes: not followed (its target is untouched), replaced by a file.
    const target = join(tmp.dir, 'symlink-target')
    copyFileSync(replaced.file, target)
    chmodSync(target, 0o600)
    const targetBytes = readFileSync(target)
    const dir2 = freshDir()
    mkdirSync(dir2, { mode: 0o700 })
    symlinkSync(target, join(dir2, replaced.file.split(/[\\/]/).pop()!))
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir2 }), { code: 1, ...CHECKED })
    assert.ok(lstatSync(theCache(dir2).file).isFile(), 'the symlink is still there')
    assert.ok(readFileSync(target).equals(targetBytes))
  },
)

cache('another bundle (here: the same bytes, touched) gets its own cache', async () => {
  // A copy of bin/ and the CLI's chunks, so that the repository's bundle is not touched.
  const root = join(tmp.dir, 'copy')
  mkdirSync(join(root, 'bin'), { recursive: true })
  mkdirSync(join(root, 'dist'))
  for (const f of ['bin/delegate-mtls.js', 'bin/package.json', 'dist/cli.cjs', 'dist/cli-lazy.cjs'])
    copyFileSync(join(REPO_ROOT, f), join(root, f))
  const dir = freshDir()
  const bin = join(root, 'bin', 'delegate-mtls.js')
  const runCopy = () =>
    new Promise<Ran>((done) => {
      const child = spawn(process.execPath, [bin, ...CHECK], {
        cwd: tmp.dir,
        env: { PATH: process.env.PATH, DELEGATE_MTLS_CACHE_DIR: dir },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (s) => (stdout += s))
      child.stderr.on('data', (s) => (stderr += s))
      child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
      child.stdin.end()
    })
  assert.equal(await runCopy(), { code: 1, ...CHECKED })
  const first = theCache(dir)
  const later = new Date(Date.now() + 60_000)
  utimesSync(join(root, 'dist', 'cli.cjs'), later, later)
  assert.equal(await runCopy(), { code: 1, ...CHECKED })
  const names = readdirSync(dir).sort()
  assert.is(names.length, 2, names.join(', '))
  assert.ok(names.includes(first.file.split(/[\\/]/).pop()!))
})

cache(
  'many processes at once with no cache: all print the same, and one whole cache file is left (no temporary files)',
  async () => {
    const dir = freshDir()
    const runs = await Promise.all(Array.from({ length: 8 }, () => run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir })))
    for (const r of runs) assert.equal(r, { code: 1, ...CHECKED })
    const { ino } = theCache(dir)
    // Whichever process won the rename, the file is a cache V8 accepts.
    assert.equal(await run(CHECK, { DELEGATE_MTLS_CACHE_DIR: dir }), { code: 1, ...CHECKED })
    assert.is(theCache(dir).ino, ino)
  },
)

cache.run()
