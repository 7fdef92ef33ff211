import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import {
  cleanStaleTempFiles,
  DriftError,
  isTempFileName,
  loadFingerprints,
  readInput,
  removeLiveTempFiles,
  stageFileAtomic,
  writeFileAtomic,
} from '../../src/io/index.js'
import { makeTmp } from './helpers/tmp.js'
import { AS_WHOM, CANNOT_AS_ROOT, canTestPermissions, runProbe } from './helpers/unprivileged.js'

const test = suite('writeFileAtomic')
let tmp: ReturnType<typeof makeTmp>
let n = 0
/** A fresh subfolder per test, so "no temp file left" can look at the whole folder. */
function freshDir(): string {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  return dir
}
const mode = (path: string) => statSync(path).mode & 0o7777
const tempsIn = (dir: string) => readdirSync(dir).filter((f) => f.includes('delegate-mtls'))

test.before(() => {
  tmp = makeTmp()
})
test.after(() => tmp.remove())

test('replaces the content byte-exact (BOM, CRLF, non-ASCII) and leaves no temp file', async () => {
  const dir = freshDir()
  const file = join(dir, 'a.yaml')
  writeFileSync(file, 'old\n')
  const text = '\uFEFFkind: Secret\r\nname: café\r\n'
  await writeFileAtomic(file, text)
  assert.ok(readFileSync(file).equals(Buffer.from(text, 'utf8')))
  assert.equal(readdirSync(dir), ['a.yaml'])
})

test('keeps the mode of the file it replaces (0o640, and 0o664 despite the umask)', async () => {
  const dir = freshDir()
  for (const m of [0o640, 0o664]) {
    const file = join(dir, `m${m.toString(8)}.yaml`)
    writeFileSync(file, 'old\n')
    chmodSync(file, m)
    await writeFileAtomic(file, 'new\n')
    assert.is(mode(file).toString(8), m.toString(8))
  }
})

test('opts.mode overrides the old mode (0o600 for a private key)', async () => {
  const dir = freshDir()
  const file = join(dir, 'key.yaml')
  writeFileSync(file, 'old\n')
  chmodSync(file, 0o644)
  await writeFileAtomic(file, 'new\n', { mode: 0o600 })
  assert.is(mode(file).toString(8), '600')
})

test('a new file gets the mode a plain write would (0o666 minus umask)', async () => {
  const dir = freshDir()
  writeFileSync(join(dir, 'plain.yaml'), '')
  await writeFileAtomic(join(dir, 'new.yaml'), 'a: 1\n')
  assert.is(mode(join(dir, 'new.yaml')), mode(join(dir, 'plain.yaml')))
  assert.is(readFileSync(join(dir, 'new.yaml'), 'utf8'), 'a: 1\n')
})

test('follows a symlink: the target is rewritten, the link stays a link, the temp is by the target', async () => {
  const linkDir = freshDir()
  const targetDir = freshDir()
  writeFileSync(join(targetDir, 'real.yaml'), 'old\n')
  chmodSync(join(targetDir, 'real.yaml'), 0o640)
  const rel = `../${targetDir.split('/').pop()}/real.yaml`
  symlinkSync(rel, join(linkDir, 'link.yaml'))
  await writeFileAtomic(join(linkDir, 'link.yaml'), 'new\n')
  assert.ok(lstatSync(join(linkDir, 'link.yaml')).isSymbolicLink())
  assert.is(readlinkSync(join(linkDir, 'link.yaml')), rel)
  assert.is(readFileSync(join(targetDir, 'real.yaml'), 'utf8'), 'new\n')
  assert.is(mode(join(targetDir, 'real.yaml')).toString(8), '640')
  assert.equal(readdirSync(linkDir), ['link.yaml'])
  assert.equal(readdirSync(targetDir), ['real.yaml'])
})

test('a file reached through a symlinked folder is replaced in place; the link stays, no temp left', async () => {
  const realDir = freshDir()
  const linkParent = freshDir()
  writeFileSync(join(realDir, 'a.yaml'), 'old\n')
  chmodSync(join(realDir, 'a.yaml'), 0o640)
  symlinkSync(realDir, join(linkParent, 'folder'))
  await writeFileAtomic(join(linkParent, 'folder', 'a.yaml'), 'new\n')
  assert.ok(lstatSync(join(linkParent, 'folder')).isSymbolicLink())
  assert.is(readFileSync(join(realDir, 'a.yaml'), 'utf8'), 'new\n')
  assert.is(mode(join(realDir, 'a.yaml')).toString(8), '640')
  assert.equal(readdirSync(realDir), ['a.yaml'])
})

test('a dangling symlink: its target is created, the link stays', async () => {
  const dir = freshDir()
  symlinkSync('later.yaml', join(dir, 'link.yaml'))
  await writeFileAtomic(join(dir, 'link.yaml'), 'x: 1\n')
  assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink())
  assert.is(readFileSync(join(dir, 'later.yaml'), 'utf8'), 'x: 1\n')
})

test('a directory as target fails, naming the file, and leaves nothing behind', async () => {
  const dir = freshDir()
  mkdirSync(join(dir, 'd.yaml'))
  try {
    await writeFileAtomic(join(dir, 'd.yaml'), 'x\n')
    assert.unreachable('should have thrown')
  } catch (err) {
    assert.is((err as Error).message, `cannot write ${join(dir, 'd.yaml')}: is a directory`)
  }
  assert.equal(tempsIn(dir), [])
})

test('a missing directory fails with "no such file or directory"', async () => {
  const file = join(tmp.dir, 'nope', 'a.yaml')
  try {
    await writeFileAtomic(file, 'x\n')
    assert.unreachable('should have thrown')
  } catch (err) {
    assert.is((err as Error).message, `cannot write ${file}: no such file or directory`)
    assert.is(((err as Error).cause as NodeJS.ErrnoException).code, 'ENOENT')
  }
})

test('a write that fails half way (file size limit → EFBIG) removes the temp file, keeps the old file', () => {
  const dir = freshDir()
  const file = join(dir, 'big.yaml')
  writeFileSync(file, 'old\n')
  // `ulimit -f 16`: 8 KiB in POSIX sh; the 1 MiB write fails after the temp file exists.
  const r = runProbe(['write-bytes', file, String(1024 * 1024)], { shellPrefix: 'ulimit -f 16', asSelf: true })
  assert.is(r.thrown, `cannot write ${file}: file too large`)
  assert.is(readFileSync(file, 'utf8'), 'old\n')
  assert.equal(readdirSync(dir), ['big.yaml'])
})

;(canTestPermissions() ? test : test.skip)(
  'a read-only directory fails with "permission denied", keeps the old file, leaves no temp' +
    (canTestPermissions() ? AS_WHOM : CANNOT_AS_ROOT),
  async () => {
    chmodSync(tmp.dir, 0o755) // let the unprivileged probe into the folder
    const dir = freshDir()
    const file = join(dir, 'a.yaml')
    writeFileSync(file, 'old\n')
    chmodSync(file, 0o666) // the file itself is writable: only the directory says no
    chmodSync(dir, 0o555)
    try {
      const r = runProbe(['write', file, 'new\n'])
      assert.is(r.thrown, `cannot write ${file}: permission denied`)
    } finally {
      chmodSync(dir, 0o755)
    }
    assert.is(readFileSync(file, 'utf8'), 'old\n')
    assert.equal(readdirSync(dir), ['a.yaml'])
  },
)

test('the temp files that exist are known, for a signal handler: staged, not renamed or aborted ones', async () => {
  const dir = freshDir()
  for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(dir, `${name}.yaml`), 'old\n')
  const [a, b, c, d] = await Promise.all(
    ['a', 'b', 'c', 'd'].map((x) => stageFileAtomic(join(dir, `${x}.yaml`), 'new\n')),
  )
  await a!.commit()
  await b!.abort()
  assert.is(tempsIn(dir).length, 2)
  assert.is(removeLiveTempFiles(), 2)
  assert.equal(tempsIn(dir), [])
  assert.is(readFileSync(join(dir, 'a.yaml'), 'utf8'), 'new\n')
  for (const name of ['b', 'c', 'd']) assert.is(readFileSync(join(dir, `${name}.yaml`), 'utf8'), 'old\n')
  assert.is(removeLiveTempFiles(), 0, 'each is removed once')
  // A staged write whose temp file the handler removed can no longer replace its target.
  try {
    await c!.commit()
    assert.unreachable('committed without a temp file')
  } catch (err) {
    assert.match(String(err), /cannot write .*c\.yaml: no such file or directory/)
  }
  await d!.abort()
  assert.is(readFileSync(join(dir, 'c.yaml'), 'utf8'), 'old\n')
})

test('a staged write with `expect` refuses a target that changed, was removed or appeared', async () => {
  const dir = freshDir()
  const file = join(dir, 'a.yaml')
  writeFileSync(file, 'old\n')
  await loadFingerprints()
  const read = readInput(file, { maxBytes: 1000, fingerprint: true })
  assert.ok('text' in read && read.fingerprint)
  const expect = read.fingerprint
  const untouched = await stageFileAtomic(file, 'new\n', { expect })
  assert.is(untouched.drift(), undefined)
  await untouched.commit()
  assert.is(readFileSync(file, 'utf8'), 'new\n')

  writeFileSync(file, 'old\n')
  const again = readInput(file, { maxBytes: 1000, fingerprint: true })
  assert.ok('text' in again && again.fingerprint)
  const staged = await stageFileAtomic(file, 'new\n', { expect: again.fingerprint })
  writeFileSync(file, 'odd\n') // same size, within the same clock tick or not: the hash tells
  assert.is(staged.drift(), 'changed')
  try {
    await staged.commit()
    assert.unreachable('replaced an edited file')
  } catch (err) {
    assert.match(String(err), /cannot write .*a\.yaml: changed during the run; run again/)
    assert.instance((err as Error).cause, DriftError)
  }
  assert.is(readFileSync(file, 'utf8'), 'odd\n')
  assert.equal(tempsIn(dir), [])

  const gone = await stageFileAtomic(file, 'new\n', { expect: again.fingerprint })
  unlinkSync(file)
  assert.is(gone.drift(), 'removed')
  await gone.abort()

  const fresh = await stageFileAtomic(join(dir, 'b.yaml'), 'new\n', { expect: 'absent' })
  assert.is(fresh.drift(), undefined)
  writeFileSync(join(dir, 'b.yaml'), 'theirs\n')
  assert.is(fresh.drift(), 'appeared')
  const refused = await fresh.commit().then(
    () => 'committed',
    (err: Error) => err.message,
  )
  assert.match(refused, /b\.yaml: was created during the run; run again/)
  assert.is(readFileSync(join(dir, 'b.yaml'), 'utf8'), 'theirs\n')
  assert.equal(tempsIn(dir), [])
})

const clean = suite('cleanStaleTempFiles')
clean.before(() => {
  tmp = makeTmp()
})
clean.after(() => tmp.remove())

/** A pid no process has: 2**22+123 and up (Linux pid_max is at most 2**22). */
function deadPid(): number {
  for (let pid = 2 ** 22 + 123; ; pid++) {
    try {
      process.kill(pid, 0)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return pid
    }
  }
}

clean('removes a temp file of a dead pid, keeps one of a live pid and everything else', async () => {
  const dir = freshDir()
  const dead = `.a.yaml.delegate-mtls-${deadPid()}-k3j4h5g6.tmp`
  const live = `.b.yaml.delegate-mtls-${process.pid}-a1b2c3d4.tmp`
  const others = ['a.yaml', 'x.delegate-mtls-1-abc.tmp.yaml', 'notes.tmp']
  for (const f of [dead, live, ...others]) writeFileSync(join(dir, f), 'x')
  assert.is(await cleanStaleTempFiles(dir), 1)
  assert.equal(readdirSync(dir).sort(), [live, ...others].sort())
  assert.is(await cleanStaleTempFiles(dir), 0)
})

clean('a missing directory has nothing to clean', async () => {
  assert.is(await cleanStaleTempFiles(join(tmp.dir, 'does-not-exist')), 0)
})

clean('isTempFileName recognises our temp names only', () => {
  assert.ok(isTempFileName('.a.yaml.delegate-mtls-123-abc9.tmp'))
  assert.ok(isTempFileName('/some/dir/.a.yaml.delegate-mtls-123-abc9.tmp'))
  assert.not.ok(isTempFileName('a.yaml'))
  assert.not.ok(isTempFileName('.a.yaml.delegate-mtls-x-abc.tmp'))
  assert.not.ok(isTempFileName('a.yaml.delegate-mtls-123-abc.tmp'))
  assert.not.ok(isTempFileName('.a.yaml.delegate-mtls-123-abc.tmp.yaml'))
})

test.run()
clean.run()
