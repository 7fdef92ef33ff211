// Batches of 200 files or more are planned on several threads (the main thread and workers, taking
// files from one shared counter) and, with --write, each temp file is staged as soon as its plan is in.
// These suites pin down that none of that shows: the bytes written, the modes, the report and the
// diff are what planning one file at a time gives, and a plan that fails after temp files were
// staged still leaves every file as it was. The threaded runs use the real bin (the bundle's workers).
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  watch,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { isTempFileName } from '../../src/io/index.js'
import { migrate } from '../../src/pipeline/migrate.js'
import {
  ENDPOINT,
  FIXTURES,
  NOT_A_DELEGATE,
  SAMPLE,
  makeTmp,
  run,
  runBin,
  smallDelegate,
  smallDelegateMtls,
} from './helpers/cli.js'

const E = ['--endpoint', ENDPOINT]

/** Every file under `dir`, relative, sorted. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [join(dir, e.name).slice(base.length + 1)]))
    .sort()
}
const temps = (dir: string) => walk(dir).filter((f) => f.includes('.delegate-mtls-'))
const snapshot = (file: string) => {
  const st = statSync(file)
  return { bytes: readFileSync(file).toString('base64'), mtimeMs: st.mtimeMs, ino: st.ino, mode: st.mode }
}

const test = suite('batch: planned on threads, written as one thread writes')
let tmp: ReturnType<typeof makeTmp>
test.before.each(() => {
  tmp = makeTmp()
})
test.after.each(() => tmp.remove())

test(
  '2,000 files with --write: every file byte for byte what migrate() gives one file at a time, ' +
    'modes kept, unchanged files untouched, the report per file the same',
  async () => {
    const n = 2000
    const texts = new Map<string, string>()
    for (let i = 0; i < n; i++) {
      const name = `d${i}`
      const kind = i % 10
      const text =
        kind <= 4
          ? SAMPLE.replaceAll('prod-us-east-delegate', name)
          : kind === 5
            ? smallDelegate(name)
            : kind === 6
              ? smallDelegateMtls(name) // already mTLS: nothing to write
              : kind === 7
                ? '\uFEFF' + smallDelegate(name).replaceAll('\n', '\r\n')
                : kind === 8
                  ? NOT_A_DELEGATE // no delegate: nothing to write
                  : SAMPLE.replaceAll('prod-us-east-delegate', name).replaceAll('\n', '\r\n')
      texts.set(join('fleet', `team-${i % 7}`, `${name}.yaml`), text)
    }
    for (const [rel, text] of texts) {
      mkdirSync(join(tmp.dir, rel, '..'), { recursive: true })
      writeFileSync(join(tmp.dir, rel), text)
    }
    const modes = new Map<string, number>()
    let k = 0
    for (const rel of texts.keys()) {
      const mode = [0o644, 0o640, 0o600, 0o664][k++ % 4]!
      chmodSync(join(tmp.dir, rel), mode)
      modes.set(rel, mode)
    }
    const expected = new Map([...texts].map(([rel, text]) => [rel, migrate(text, { endpoint: ENDPOINT, file: rel })]))
    const unchanged = [...texts.keys()].filter((rel) => expected.get(rel)!.output === texts.get(rel))
    assert.ok(unchanged.length >= n / 5, 'the fleet has files with nothing to write')
    const before = new Map(unchanged.map((rel) => [rel, snapshot(join(tmp.dir, rel))]))

    const r = await runBin([...E, '--write', '--format', 'json', 'fleet'], { cwd: tmp.dir })
    assert.is(r.code, 0, r.stderr.slice(0, 2000))
    assert.equal(temps(join(tmp.dir, 'fleet')), [], 'no temp file left')
    assert.equal(
      walk(join(tmp.dir, 'fleet')).map((f) => join('fleet', f)),
      [...texts.keys()].sort(),
    )
    for (const [rel, want] of expected) {
      assert.is(readFileSync(join(tmp.dir, rel), 'utf8'), want.output, rel)
      assert.is(statSync(join(tmp.dir, rel)).mode & 0o7777, modes.get(rel), `${rel}: mode`)
    }
    for (const [rel, snap] of before)
      assert.equal(snapshot(join(tmp.dir, rel)), snap, `${rel} was rewritten although nothing changed`)

    const report = JSON.parse(r.stdout)
    assert.equal(
      report.files.map((f: { path: string }) => f.path),
      [...texts.keys()].sort(),
      'the report lists the files in order',
    )
    const status = { migrated: 'migrated', already: 'already-mtls', none: 'no-delegate', error: 'error' } as const
    for (const f of report.files) {
      const want = expected.get(f.path)!
      const plain = JSON.parse(
        JSON.stringify({
          status: status[want.status],
          written: want.output !== texts.get(f.path),
          changes: want.changes,
          warnings: want.diagnostics.filter((d) => d.severity === 'warning'),
          errors: want.diagnostics.filter((d) => d.severity === 'error'),
        }),
      )
      assert.equal(
        { status: f.status, written: f.written, changes: f.changes, warnings: f.warnings, errors: f.errors },
        plain,
        f.path,
      )
    }
    assert.is(report.summary.written, n - unchanged.length)
  },
)

test('--diff of 250 files (planned on threads, input texts sent back) is the one-thread diffs, in order', async () => {
  mkdirSync(join(tmp.dir, 'fleet'))
  const names = Array.from({ length: 250 }, (_, i) => `d${String(i).padStart(3, '0')}`)
  for (const [i, name] of names.entries())
    writeFileSync(join(tmp.dir, 'fleet', `${name}.yaml`), i % 5 === 0 ? smallDelegateMtls(name) : smallDelegate(name))
  const all = await runBin([...E, '--diff', 'fleet'], { cwd: tmp.dir })
  assert.is(all.code, 0, all.stderr)
  // Under the 200-file threshold: one thread each.
  const files = names.map((nm) => `fleet/${nm}.yaml`)
  const first = await run([...E, '--diff', ...files.slice(0, 150)], { cwd: tmp.dir })
  const second = await run([...E, '--diff', ...files.slice(150)], { cwd: tmp.dir })
  assert.ok(all.stdout.length > 0)
  assert.is(all.stdout, first.stdout + second.stdout)
  assert.is(all.stderr, '')
})

/** 299 delegates to migrate and, last in the batch, a file whose plan fails (a conflict). */
function fleetWithLateConflict(): { dir: string; names: string[] } {
  const dir = join(tmp.dir, 'fleet')
  mkdirSync(dir)
  const names = Array.from({ length: 299 }, (_, i) => `d${String(i).padStart(3, '0')}`)
  for (const name of names) writeFileSync(join(dir, `${name}.yaml`), smallDelegate(name))
  cpSync(join(FIXTURES, 'conflict.yaml'), join(dir, 'zz-conflict.yaml'))
  const past = new Date(Date.now() - 3600_000)
  for (const f of readdirSync(dir)) utimesSync(join(dir, f), past, past)
  return { dir, names }
}

test(
  'a plan that fails after temp files were staged (no --keep-going): exit 2, nothing written, ' +
    'every temp file removed',
  async () => {
    const { dir } = fleetWithLateConflict()
    const before = readdirSync(dir)
      .sort()
      .map((f) => [f, snapshot(join(dir, f))])
    // inotify sees every temp file created, however briefly it lives.
    let staged = 0
    const watcher = watch(dir, (_, name) => {
      if (name && isTempFileName(name)) staged++
    })
    let r: Awaited<ReturnType<typeof runBin>>
    try {
      r = await runBin([...E, '--write', 'fleet'], { cwd: tmp.dir })
      await new Promise((settle) => setTimeout(settle, 100)) // the last events
    } finally {
      watcher.close()
    }
    assert.is(r.code, 2, r.stderr.slice(-500))
    assert.ok(
      staged > 0,
      'temp files were staged while the batch was still being planned (else this test proves nothing)',
    )
    assert.ok(
      r.stderr.endsWith(
        '300 files: 299 to migrate, 1 error\nnothing was written: fix the errors above first (or use ' +
          '--keep-going to write the files that could be migrated)\n',
      ),
      r.stderr.slice(-300),
    )
    assert.equal(
      readdirSync(dir)
        .sort()
        .map((f) => [f, snapshot(join(dir, f))]),
      before,
      'every file as it was, and no temp file',
    )
  },
)

test('the same with --keep-going: every other file written, the conflict untouched, no temp file left', async () => {
  const { dir, names } = fleetWithLateConflict()
  const conflict = snapshot(join(dir, 'zz-conflict.yaml'))
  const r = await runBin([...E, '--write', '--keep-going', '--quiet', 'fleet'], { cwd: tmp.dir })
  assert.is(r.code, 2, r.stderr.slice(-500))
  for (const name of names) assert.is(readFileSync(join(dir, `${name}.yaml`), 'utf8'), smallDelegateMtls(name), name)
  assert.equal(snapshot(join(dir, 'zz-conflict.yaml')), conflict)
  assert.equal(temps(dir), [])
})

test.run()
