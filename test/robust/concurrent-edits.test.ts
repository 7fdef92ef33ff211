// A user's edit is never overwritten: a file edited (by a user, an editor, `git checkout`) after
// delegate-mtls read it and before its temp file is renamed over it is left as the user made it, named
// on stderr, exit 2. Every edit lands at a fixed point of the write through the writeFaults seam (in
// process) or through a preload that wraps node:fs (the real bin): no sleeps, no races.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { PARALLEL_THRESHOLD } from '../../src/cli/plan-files.js'
import { writeFaults } from '../../src/io/index.js'
import { ENDPOINT, hasStackTrace, makeTmp, runBin, runMain, type CliResult } from './helpers/cli.js'
import { delegateYaml, migrated } from './helpers/fixtures.js'

const test = suite('robust: a file edited during --write is never overwritten')
let tmp: ReturnType<typeof makeTmp>
test.before(() => {
  tmp = makeTmp()
})
test.after.each(() => {
  delete writeFaults.beforeWrite
  delete writeFaults.beforeRename
})
test.after(() => tmp.remove())

/** A whole second: an mtime that utimes can set back exactly (a fraction would lose its nanoseconds). */
const STAMP = 1_700_000_000

let n = 0
/** A fresh folder with `count` delegate manifests `d0.yaml`…, each with the mtime `STAMP`. */
function fleet(count = 5): { dir: string; names: string[]; texts: Map<string, string> } {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  const texts = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    const text = delegateYaml(`d${i}`)
    writeFileSync(join(dir, `d${i}.yaml`), text)
    utimesSync(join(dir, `d${i}.yaml`), STAMP, STAMP)
    texts.set(`d${i}.yaml`, text)
  }
  return { dir, names: [...texts.keys()], texts }
}
const read = (path: string) => readFileSync(path, 'utf8')
const temps = (dir: string) => readdirSync(dir).filter((f) => f.includes('.delegate-mtls-'))
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1
function clean(r: CliResult): void {
  assert.not.ok(r.timedOut, 'a hang')
  assert.not.ok(hasStackTrace(r.stderr), `a stack trace:\n${r.stderr}`)
  assert.not.match(r.stderr, /internal error/)
}
/** The same text with one character changed: same size, other content. */
const sameSizeEdit = (text: string) => text.replace('replicas: 1', 'replicas: 3')

test('same size, mtime set back: the hash catches it, nothing written (all or nothing), exit 2 names it', async () => {
  const { dir, names, texts } = fleet()
  const target = join(dir, 'd2.yaml')
  const edited = sameSizeEdit(texts.get('d2.yaml')!)
  assert.is(edited.length, texts.get('d2.yaml')!.length)
  const before = statSync(target, { bigint: true })
  // d2 is read by now (its temp file exists): the edit keeps inode, size and mtime, only the bytes differ.
  writeFaults.beforeWrite = (_tmp, dest) => {
    if (basename(dest) !== 'd2.yaml') return
    writeFileSync(target, edited)
    utimesSync(target, STAMP, STAMP)
  }
  const r = await runMain(['-e', ENDPOINT, '--write', '.'], { cwd: dir })
  clean(r)
  const after = statSync(target, { bigint: true })
  assert.equal(
    [after.ino, after.size, after.mtimeNs],
    [before.ino, before.size, before.mtimeNs],
    'only the bytes differ',
  )
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd2.yaml: error: changed during the run; run again\n'), 1, r.stderr)
  assert.match(r.stderr, /^5 files: 4 to migrate, 1 error$/m)
  assert.match(
    r.stderr,
    /^nothing was written: a file changed during the run, so every file was left as it was; run again$/m,
  )
  assert.is(read(target), edited, "the user's edit is kept")
  for (const name of names.filter((x) => x !== 'd2.yaml')) assert.is(read(join(dir, name)), texts.get(name))
  assert.equal(temps(dir), [])
})

test('same edit with --keep-going: the other files are written, the edited one is kept, exit 2', async () => {
  const { dir, names, texts } = fleet()
  const target = join(dir, 'd2.yaml')
  const edited = sameSizeEdit(texts.get('d2.yaml')!)
  writeFaults.beforeWrite = (_tmp, dest) => {
    if (basename(dest) !== 'd2.yaml') return
    writeFileSync(target, edited)
    utimesSync(target, STAMP, STAMP)
  }
  const r = await runMain(['-e', ENDPOINT, '--write', '--keep-going', '.'], { cwd: dir })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd2.yaml: error: changed during the run; run again\n'), 1, r.stderr)
  assert.match(r.stderr, /^5 files: 4 migrated, 1 error$/m)
  assert.is(read(target), edited)
  for (const name of names.filter((x) => x !== 'd2.yaml'))
    assert.is(read(join(dir, name)), migrated(texts.get(name)!).output, `${name} migrated`)
  assert.equal(temps(dir), [])
})

test('replaced by a file with the same bytes and mtime (an editor saving by rename): the inode tells', async () => {
  const { dir, texts } = fleet(3)
  const target = join(dir, 'd1.yaml')
  const oldIno = statSync(target).ino
  writeFaults.beforeWrite = (_tmp, dest) => {
    if (basename(dest) !== 'd1.yaml') return
    const fresh = join(dir, 'editor-save.tmp')
    writeFileSync(fresh, texts.get('d1.yaml')!)
    utimesSync(fresh, STAMP, STAMP)
    renameSync(fresh, target)
  }
  const r = await runMain(['-e', ENDPOINT, '--write', '.'], { cwd: dir })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd1.yaml: error: changed during the run; run again\n'), 1, r.stderr)
  assert.is.not(statSync(target).ino, oldIno, "the editor's file is in place")
  for (const [name, text] of texts) assert.is(read(join(dir, name)), text)
  assert.equal(temps(dir), [])
})

test('grown in the moment before its own rename: it alone is kept, the rest of the batch is written', async () => {
  // Decision: every target passed the check before the first rename; d0 and d1 are in place when d3
  // is found edited, so the batch goes on (as after a failed rename) and d3 keeps the user's bytes.
  const { dir, names, texts } = fleet()
  const target = join(dir, 'd3.yaml')
  writeFaults.beforeRename = (_tmp, dest) => {
    if (basename(dest) === 'd3.yaml') appendFileSync(target, '# a comment the user added\n')
  }
  const r = await runMain(['-e', ENDPOINT, '--write', ...names], { cwd: dir })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd3.yaml: error: changed during the run; run again\n'), 1, r.stderr)
  assert.match(r.stderr, /^d0\.yaml: migrated \(\d+ changes\)$/m)
  assert.match(r.stderr, /^5 files: 4 migrated, 1 error$/m)
  assert.not.match(r.stderr, /nothing was written/)
  assert.is(read(target), texts.get('d3.yaml') + '# a comment the user added\n')
  for (const name of names.filter((x) => x !== 'd3.yaml'))
    assert.is(read(join(dir, name)), migrated(texts.get(name)!).output, `${name} migrated`)
  assert.equal(temps(dir), [])
})

test('removed meanwhile (git checkout of a branch without it): not written back, exit 2 naming it', async () => {
  const { dir, texts } = fleet(3)
  writeFaults.beforeWrite = (_tmp, dest) => {
    if (basename(dest) === 'd0.yaml') unlinkSync(dest)
  }
  const r = await runMain(['-e', ENDPOINT, '--write', '.'], { cwd: dir })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd0.yaml: error: was removed during the run; run again\n'), 1, r.stderr)
  assert.not.ok(existsSync(join(dir, 'd0.yaml')))
  for (const name of ['d1.yaml', 'd2.yaml']) assert.is(read(join(dir, name)), texts.get(name))
  assert.equal(temps(dir), [])
})

test('a symlink: the check is on the file it points to, and the link stays a link', async () => {
  const { dir, texts } = fleet(1)
  const real = join(dir, 'd0.yaml')
  const links = join(tmp.dir, `links-${++n}`)
  mkdirSync(links)
  symlinkSync(real, join(links, 'link.yaml'))
  const edited = sameSizeEdit(texts.get('d0.yaml')!)
  writeFaults.beforeRename = (_tmp, dest) => {
    assert.is(dest, real, 'the rename targets the real file')
    writeFileSync(real, edited)
    utimesSync(real, STAMP, STAMP)
  }
  const r = await runMain(['-e', ENDPOINT, '--write', 'link.yaml'], { cwd: links })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'link.yaml: error: changed during the run; run again\n'), 1, r.stderr)
  assert.is(read(real), edited)
  assert.ok(lstatSync(join(links, 'link.yaml')).isSymbolicLink())
  assert.is(readlinkSync(join(links, 'link.yaml')), real)
  assert.equal(temps(dir), [])
})

test('--out-dir: a target that appeared meanwhile is not overwritten; nothing written, exit 2 names it', async () => {
  const { dir, texts } = fleet(3)
  const out = join(dir, 'out')
  writeFaults.beforeWrite = (_tmp, dest) => {
    if (dest === join(out, 'd1.yaml')) writeFileSync(dest, 'made by someone else\n')
  }
  const r = await runMain(['-e', ENDPOINT, '--out-dir', 'out', 'd0.yaml', 'd1.yaml', 'd2.yaml'], { cwd: dir })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd1.yaml: error: out/d1.yaml was created during the run; run again\n'), 1, r.stderr)
  assert.is(read(join(out, 'd1.yaml')), 'made by someone else\n')
  assert.equal(readdirSync(out), ['d1.yaml'], 'nothing else written, no temp file left')
  for (const [name, text] of texts) assert.is(read(join(dir, name)), text, 'the inputs are never touched')
})

test('--out-dir: a target that existed and changed meanwhile is treated as an edited input', async () => {
  const { dir, texts } = fleet(3)
  const out = join(dir, 'out')
  mkdirSync(out)
  // From an older run: what is there differs from the output, so it is to be replaced.
  for (const name of ['d0.yaml', 'd2.yaml']) writeFileSync(join(out, name), texts.get(name)!)
  writeFaults.beforeRename = (_tmp, dest) => {
    if (dest === join(out, 'd2.yaml')) appendFileSync(dest, '# edited\n')
  }
  const r = await runMain(['-e', ENDPOINT, '--out-dir', 'out', 'd0.yaml', 'd1.yaml', 'd2.yaml'], { cwd: dir })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd2.yaml: error: out/d2.yaml changed during the run; run again\n'), 1, r.stderr)
  assert.is(read(join(out, 'd2.yaml')), texts.get('d2.yaml') + '# edited\n')
  for (const name of ['d0.yaml', 'd1.yaml']) assert.is(read(join(out, name)), migrated(texts.get(name)!).output)
  assert.equal(temps(out), [])
})

/**
 * A preload for the real bin (NODE_OPTIONS=--require): wraps node:fs so that an edit lands at one fixed
 * point of the write, the bin itself unchanged. `when: 'stage'`: as the temp file of `file` is created
 * (the file has been read); `when: 'rename'`: as the first temp file is renamed (every file has passed
 * the check before the first rename), editing `file`, which comes later in the batch.
 */
function preload(when: 'stage' | 'rename', file: string, text: string): string {
  const path = join(tmp.dir, `preload-${++n}.cjs`)
  const edit =
    `fs.writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(text)}); ` +
    `fs.utimesSync(${JSON.stringify(file)}, ${STAMP}, ${STAMP})`
  const wrapped = when === 'stage' ? 'openSync' : 'renameSync'
  const trigger =
    when === 'stage'
      ? `typeof args[0] === 'string' && ` +
        `path.basename(args[0]).startsWith(${JSON.stringify(`.${basename(file)}.delegate-mtls-`)})`
      : `/\\.delegate-mtls-\\d+-[0-9a-z]+\\.tmp$/.test(String(args[0]))`
  writeFileSync(
    path,
    [
      `const fs = require('node:fs'), path = require('node:path')`,
      `const real = fs.${wrapped}`,
      `let done = false`,
      `fs.${wrapped} = function (...args) {`,
      `  if (!done && ${trigger}) { done = true; ${edit} }`,
      `  return real.apply(this, args)`,
      `}`,
      '',
    ].join('\n'),
  )
  return path
}

test('the real bin: an edit made once the temp files are being written is kept, nothing written, exit 2', async () => {
  const { dir, texts } = fleet(5)
  const target = join(dir, 'd3.yaml')
  const edited = sameSizeEdit(texts.get('d3.yaml')!)
  const r = await runBin(['-e', ENDPOINT, '--write', '.'], {
    cwd: dir,
    env: { NODE_OPTIONS: `--require ${preload('stage', target, edited)}`, DELEGATE_MTLS_CACHE: '0' },
    timeoutMs: 30_000,
  })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd3.yaml: error: changed during the run; run again\n'), 1, r.stderr)
  assert.match(r.stderr, /nothing was written: a file changed during the run/)
  assert.is(read(target), edited)
  for (const [name, text] of texts) if (name !== 'd3.yaml') assert.is(read(join(dir, name)), text)
  assert.equal(temps(dir), [])
})

test('the real bin: an edit made while the renames run is kept, the rest of the batch is written', async () => {
  const { dir, texts } = fleet(5)
  const target = join(dir, 'd4.yaml')
  const edited = sameSizeEdit(texts.get('d4.yaml')!)
  const r = await runBin(['-e', ENDPOINT, '--write', '.'], {
    cwd: dir,
    env: { NODE_OPTIONS: `--require ${preload('rename', target, edited)}`, DELEGATE_MTLS_CACHE: '0' },
    timeoutMs: 30_000,
  })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  assert.is(count(r.stderr, 'd4.yaml: error: changed during the run; run again\n'), 1, r.stderr)
  assert.match(r.stderr, /^5 files: 4 migrated, 1 error$/m)
  assert.is(read(target), edited)
  for (const [name, text] of texts) if (name !== 'd4.yaml') assert.is(read(join(dir, name)), migrated(text).output)
  assert.equal(temps(dir), [])
})

test('the real bin, a batch planned on worker threads (200 files): every file edited is kept and named', async () => {
  // Every file is edited as its temp file is created, so files planned by the worker and by the main
  // thread are both among them: each must carry what it was when read.
  const { dir, names, texts } = fleet(PARALLEL_THRESHOLD)
  const script = join(tmp.dir, `preload-${++n}.cjs`)
  writeFileSync(
    script,
    [
      `const fs = require('node:fs'), path = require('node:path')`,
      `const real = fs.openSync`,
      `fs.openSync = function (...args) {`,
      `  const m = typeof args[0] === 'string' && /^\\.(d\\d+\\.yaml)\\.delegate-mtls-/.exec(path.basename(args[0]))`,
      `  if (m) {`,
      `    const file = path.join(path.dirname(args[0]), m[1])`,
      `    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('replicas: 1', 'replicas: 3'))`,
      `    fs.utimesSync(file, ${STAMP}, ${STAMP})`,
      `  }`,
      `  return real.apply(this, args)`,
      `}`,
      '',
    ].join('\n'),
  )
  const r = await runBin(['-e', ENDPOINT, '--write', '--quiet', '.'], {
    cwd: dir,
    env: { NODE_OPTIONS: `--require ${script}`, DELEGATE_MTLS_CACHE: '0' },
    timeoutMs: 60_000,
  })
  clean(r)
  assert.is(r.code, 2, r.stderr)
  for (const name of names) {
    assert.is(count(r.stderr, `${name}: error: changed during the run; run again\n`), 1, `${name}:\n${r.stderr}`)
    assert.is(read(join(dir, name)), sameSizeEdit(texts.get(name)!))
  }
  assert.equal(temps(dir), [])
})

test('no edit, no refusal: a --write and an --out-dir over an existing target go through (exit 0)', async () => {
  const { dir, texts } = fleet(3)
  mkdirSync(join(dir, 'out'))
  writeFileSync(join(dir, 'out', 'd1.yaml'), 'an older output\n')
  const o = await runMain(['-e', ENDPOINT, '--out-dir', 'out', 'd0.yaml', 'd1.yaml', 'd2.yaml'], { cwd: dir })
  clean(o)
  assert.is(o.code, 0, o.stderr)
  for (const [name, text] of texts) assert.is(read(join(dir, 'out', name)), migrated(text).output)
  const w = await runMain(['-e', ENDPOINT, '--write', 'd0.yaml', 'd1.yaml', 'd2.yaml'], { cwd: dir })
  clean(w)
  assert.is(w.code, 0, w.stderr)
  for (const [name, text] of texts) assert.is(read(join(dir, name)), migrated(text).output)
})

test.run()
