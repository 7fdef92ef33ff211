// Fleet migration (issue 3): per-file report and summary, --format json against
// schemas/report.schema.json, progress bar and colour rules, symlinks, file modes, mtimes,
// all-or-nothing writes, two processes at once, thousands of files in one process.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { Ajv } from 'ajv'
import { spawn } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import {
  BIN,
  ENDPOINT,
  FIXTURES,
  NOT_A_DELEGATE,
  REPO_ROOT,
  SAMPLE,
  SAMPLE_MTLS,
  makeTmp,
  run,
  runBin,
  smallDelegate,
  smallDelegateMtls,
  type Ran,
} from './helpers/cli.js'

const E = ['--endpoint', ENDPOINT]
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'report.schema.json'), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

/** Parses a JSON report and fails the test, with ajv's reasons, unless it matches the schema. */
function validReport(stdout: string): any {
  const report = JSON.parse(stdout)
  const ok = validate(report)
  assert.ok(ok, `report does not match schemas/report.schema.json: ${JSON.stringify(validate.errors, null, 2)}`)
  return report
}

const ageFile = (file: string) => {
  const past = new Date(Date.now() - 3600_000)
  utimesSync(file, past, past)
}
const snapshot = (file: string) => {
  const st = statSync(file)
  return { text: readFileSync(file, 'utf8'), mtimeMs: st.mtimeMs, ino: st.ino, mode: st.mode }
}

/** The example fleet: 7 to migrate, 3 already mTLS, 1 without a delegate, 1 conflict. */
function makeFleet(dir: string): void {
  mkdirSync(join(dir, 'fleet'))
  for (let i = 1; i <= 7; i++) writeFileSync(join(dir, 'fleet', `m${i}.yaml`), smallDelegate(`m${i}`))
  for (let i = 1; i <= 3; i++) writeFileSync(join(dir, 'fleet', `a${i}.yaml`), smallDelegateMtls(`a${i}`))
  writeFileSync(join(dir, 'fleet', 'ci.yaml'), NOT_A_DELEGATE)
  cpSync(join(FIXTURES, 'conflict.yaml'), join(dir, 'fleet', 'conflict.yaml'))
  for (const f of readdirSync(join(dir, 'fleet'))) ageFile(join(dir, 'fleet', f))
}

// ---------------------------------------------------------------------------------------------
const report = suite('batch: the text report')
let tmp: ReturnType<typeof makeTmp>
report.before.each(() => {
  tmp = makeTmp()
  makeFleet(tmp.dir)
})
report.after.each(() => tmp.remove())

/** Splits stderr into the diagnostic lines (file:line:col: …) and the rest. */
const split = (r: Ran) => {
  const lines = r.stderr.trimEnd().split('\n')
  return {
    diagnostics: lines.filter((l) => /^[^ ]+:\d+:\d+: (error|warning): /.test(l)),
    report: lines.filter((l) => !/^[^ ]+:\d+:\d+: (error|warning): /.test(l)),
  }
}
const CONFLICT_LINE = /^fleet\/conflict\.yaml: error: volume "client-certificate" exists but .+$/

report(
  '--write --keep-going: one line per file, then "12 files: 7 migrated, 3 already mTLS, 1 without a delegate, 1 error"',
  async () => {
    const r = await run([...E, '--write', '--keep-going', 'fleet'], { cwd: tmp.dir })
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    const { diagnostics, report: lines } = split(r)
    assert.is(diagnostics.length, 1)
    assert.match(diagnostics[0]!, /^fleet\/conflict\.yaml:22:9: error: /)
    assert.match(lines[4]!, CONFLICT_LINE)
    lines[4] = '<conflict>'
    assert.equal(lines, [
      'fleet/a1.yaml: already mTLS',
      'fleet/a2.yaml: already mTLS',
      'fleet/a3.yaml: already mTLS',
      'fleet/ci.yaml: nothing to do',
      '<conflict>',
      'fleet/m1.yaml: migrated (6 changes)',
      'fleet/m2.yaml: migrated (6 changes)',
      'fleet/m3.yaml: migrated (6 changes)',
      'fleet/m4.yaml: migrated (6 changes)',
      'fleet/m5.yaml: migrated (6 changes)',
      'fleet/m6.yaml: migrated (6 changes)',
      'fleet/m7.yaml: migrated (6 changes)',
      '12 files: 7 migrated, 3 already mTLS, 1 without a delegate, 1 error',
    ])
    for (let i = 1; i <= 7; i++)
      assert.is(readFileSync(join(tmp.dir, 'fleet', `m${i}.yaml`), 'utf8'), smallDelegateMtls(`m${i}`))
    assert.is(
      readFileSync(join(tmp.dir, 'fleet', 'conflict.yaml'), 'utf8'),
      readFileSync(join(FIXTURES, 'conflict.yaml'), 'utf8'),
    )
  },
)

report('--write without --keep-going: the same lines, but "to migrate", and nothing written', async () => {
  const before = readdirSync(join(tmp.dir, 'fleet')).map((f) => snapshot(join(tmp.dir, 'fleet', f)))
  const r = await run([...E, '--write', 'fleet'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  const { report: lines } = split(r)
  assert.is(lines[5], 'fleet/m1.yaml: needs migrating (6 changes)')
  assert.equal(lines.slice(-2), [
    '12 files: 7 to migrate, 3 already mTLS, 1 without a delegate, 1 error',
    'nothing was written: fix the errors above first (or use --keep-going to write the files that could be migrated)',
  ])
  assert.equal(
    readdirSync(join(tmp.dir, 'fleet')).map((f) => snapshot(join(tmp.dir, 'fleet', f))),
    before,
  )
})

report('--write on the fixed fleet: everything is already mTLS, no file rewritten', async () => {
  writeFileSync(join(tmp.dir, 'fleet', 'conflict.yaml'), smallDelegateMtls('conflict'))
  assert.is((await run([...E, '--write', '-q', 'fleet'], { cwd: tmp.dir })).code, 0)
  for (const f of readdirSync(join(tmp.dir, 'fleet'))) ageFile(join(tmp.dir, 'fleet', f))
  const before = readdirSync(join(tmp.dir, 'fleet')).map((f) => snapshot(join(tmp.dir, 'fleet', f)))
  const r = await run([...E, '--write', 'fleet'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stderr.split('\n').at(-2), '12 files: 11 already mTLS, 1 without a delegate')
  assert.equal(
    readdirSync(join(tmp.dir, 'fleet')).map((f) => snapshot(join(tmp.dir, 'fleet', f))),
    before,
  )
})
report.run()

// ---------------------------------------------------------------------------------------------
const json = suite('batch: --format json (validated against schemas/report.schema.json)')
json.before.each(() => {
  tmp = makeTmp()
  makeFleet(tmp.dir)
})
json.after.each(() => tmp.remove())

json('the schema itself compiles under ajv strict mode and rejects a wrong report', () => {
  assert.not.ok(validate({ version: 1, mode: 'check', files: [{ path: 'a.yaml', status: 'done' }], summary: {} }))
  assert.not.ok(
    validate({
      version: 1,
      mode: 'check',
      files: [],
      summary: { files: 0, migrated: 0, alreadyMtls: 0, noDelegate: 0, errors: 0, written: 0 },
      extra: true,
    }),
  )
  assert.ok(
    validate({
      version: 1,
      mode: 'check',
      files: [],
      summary: { files: 0, migrated: 0, alreadyMtls: 0, noDelegate: 0, errors: 0, written: 0 },
    }),
  )
})

json(
  '--check --format json: one object on stdout, nothing else; per file path, status, changes, warnings, errors',
  async () => {
    const r = await run([...E, '--check', '--format', 'json', 'fleet'], { cwd: tmp.dir })
    assert.is(r.code, 2)
    const rep = validReport(r.stdout)
    assert.is(rep.mode, 'check')
    assert.equal(rep.summary, { files: 12, migrated: 7, alreadyMtls: 3, noDelegate: 1, errors: 1, written: 0 })
    assert.equal(
      rep.files.map((f: any) => [f.path, f.status]),
      [
        ['fleet/a1.yaml', 'already-mtls'],
        ['fleet/a2.yaml', 'already-mtls'],
        ['fleet/a3.yaml', 'already-mtls'],
        ['fleet/ci.yaml', 'no-delegate'],
        ['fleet/conflict.yaml', 'error'],
        ...[1, 2, 3, 4, 5, 6, 7].map((i) => [`fleet/m${i}.yaml`, 'migrated']),
      ],
    )
    const m1 = rep.files[5]
    assert.equal(m1.changes[0], {
      resource: { document: 0, kind: 'Deployment', name: 'm1', namespace: 'harness-delegate-ng' },
      path: 'spec.template.spec.containers[name=delegate].env[name=MANAGER_HOST_AND_PORT].value',
      op: 'set',
      before: 'https://app.harness.io',
      after: 'https://acme.harness.io:8443',
      role: 'endpoint',
      reason: m1.changes[0].reason,
    })
    const env = 'spec.template.spec.containers[name=delegate].env'
    assert.equal(
      m1.changes.slice(1).map((c: any) => [c.op, c.path, c.after]),
      [
        ['append', env, { name: 'DELEGATE_CLIENT_CERTIFICATE_PATH', value: '/etc/mtls/client.crt' }],
        ['append', env, { name: 'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH', value: '/etc/mtls/client.key' }],
        ['append', env, { name: 'GRPC_AUTHORITY_MODIFICATION_DISABLED', value: 'true' }],
        [
          'append',
          'spec.template.spec.containers[name=delegate].volumeMounts',
          { name: 'client-certificate', mountPath: '/etc/mtls', readOnly: true },
        ],
        [
          'append',
          'spec.template.spec.volumes',
          { name: 'client-certificate', secret: { secretName: 'client-certificate', defaultMode: 256 } },
        ],
      ],
    )
    const conflict = rep.files[4]
    assert.is(conflict.errors.length, 1)
    assert.equal(
      { ...conflict.errors[0], message: '' },
      { code: 'CONFLICT', severity: 'error', message: '', file: 'fleet/conflict.yaml', line: 22, col: 9 },
    )
    assert.match(
      r.stderr,
      /^fleet\/conflict\.yaml:22:9: error: [^\n]+\n$/,
      'stderr carries the diagnostics, for the humans reading the CI log',
    )
  },
)

json('--write --keep-going --format json: written is true exactly for the rewritten files', async () => {
  const r = await run([...E, '--write', '--keep-going', '--format', 'json', 'fleet'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  const rep = validReport(r.stdout)
  assert.is(rep.mode, 'write')
  assert.equal(
    rep.files.filter((f: any) => f.written).map((f: any) => f.path),
    [1, 2, 3, 4, 5, 6, 7].map((i) => `fleet/m${i}.yaml`),
  )
  assert.is(rep.summary.written, 7)
})

json('-l and --out-dir name their mode; stdin is <stdin>; an unmatched glob is a file-less error', async () => {
  let rep = validReport((await run([...E, '-l', '--format', 'json', 'fleet/m1.yaml'], { cwd: tmp.dir })).stdout)
  assert.is(rep.mode, 'list-different')
  rep = validReport(
    (await run([...E, '--out-dir', 'out', '--format', 'json', 'fleet/m1.yaml', 'fleet/ci.yaml'], { cwd: tmp.dir }))
      .stdout,
  )
  assert.is(rep.mode, 'out-dir')
  assert.equal(
    rep.files.map((f: any) => f.written),
    [true, true],
  )
  const s = await run([...E, '--check', '--format', 'json'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(s.code, 1)
  rep = validReport(s.stdout)
  assert.is(rep.files[0].path, '<stdin>')
  assert.is(rep.files[0].changes.length, 12)
  const g = await run([...E, '--check', '--format', 'json', 'nomatch/*.yaml'], { cwd: tmp.dir })
  assert.is(g.code, 2)
  rep = validReport(g.stdout)
  assert.equal(rep.files[0], {
    path: 'nomatch/*.yaml',
    status: 'error',
    unresolved: false,
    written: false,
    changes: [],
    warnings: [],
    errors: [
      { code: 'IO', severity: 'error', message: 'no files match the pattern "nomatch/*.yaml"', file: 'nomatch/*.yaml' },
    ],
  })
})

json('the migrated sample: every change validates, including append/add values', async () => {
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
  const r = await run([...E, '--check', '--format', 'json', '--ti-service', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 1)
  const rep = validReport(r.stdout)
  assert.is(rep.files[0].changes.length, 13)
  assert.ok(rep.files[0].changes.every((c: any) => typeof c.reason === 'string' && c.reason.length > 0))
})
json.run()

// ---------------------------------------------------------------------------------------------
const tty = suite('batch: progress bar and colour')
tty.before(() => {
  tmp = makeTmp()
  for (const n of [50, 51]) {
    mkdirSync(join(tmp.dir, `f${n}`))
    for (let i = 0; i < n; i++)
      writeFileSync(join(tmp.dir, `f${n}`, `d${String(i).padStart(3, '0')}.yaml`), smallDelegate(`d${i}`))
  }
})
tty.after(() => tmp.remove())

const BAR_END = '[##############################] 51/51 files'

tty('more than 50 files and stderr a terminal: a bar redrawn in place with \\r, erased before the report', async () => {
  const r = await run([...E, '--check', 'f51'], { cwd: tmp.dir, stderrTTY: true, env: { NO_COLOR: '1' } })
  assert.is(r.code, 1)
  assert.ok(
    r.stderr.startsWith('\rdelegate-mtls: checking [------------------------------] 0/51 files'),
    JSON.stringify(r.stderr.slice(0, 80)),
  )
  assert.ok(r.stderr.includes(`\rdelegate-mtls: checking ${BAR_END}`))
  const erase = '\r' + ' '.repeat(`delegate-mtls: checking ${BAR_END}`.length) + '\r'
  assert.ok(
    r.stderr.endsWith(`${erase}51 files: 51 to migrate\nrun with --write to migrate them\n`),
    JSON.stringify(r.stderr.slice(-200)),
  )
  assert.not.ok(r.stdout.includes('\r'), 'the bar never goes to stdout')
  assert.is(r.stdout.split('\n').length, 52)
})

tty('NO_COLOR: no escape sequence at all; without it the bar and the labels are coloured', async () => {
  const plain = await run([...E, '--write', 'f51'], { cwd: tmp.dir, stderrTTY: true, env: { NO_COLOR: '1' } })
  assert.is(plain.code, 0)
  assert.not.ok(plain.stderr.includes('\x1b'), 'NO_COLOR=1 must mean no ANSI escapes')
  assert.ok(plain.stderr.includes('\rdelegate-mtls: planning ['))
  assert.ok(plain.stderr.includes('\rdelegate-mtls: writing ['))
  assert.ok(plain.stderr.includes('f51/d000.yaml: migrated (6 changes)\n'))
  const colour = await run([...E, '--check', 'f51'], { cwd: tmp.dir, stderrTTY: true, env: { TERM: 'xterm-256color' } })
  assert.ok(colour.stderr.includes('\x1b[36m[###'), 'the bar is cyan')
  assert.is(colour.stdout.includes('\x1b'), false, 'stdout never gets colour')
  const again = await run([...E, '--write', 'f51'], { cwd: tmp.dir, stderrTTY: true, env: {} })
  assert.ok(
    again.stderr.includes('f51/d000.yaml: \x1b[2malready mTLS\x1b[22m\n'),
    JSON.stringify(again.stderr.slice(-300)),
  )
  const empty = await run([...E, '--check', 'f51'], { cwd: tmp.dir, stderrTTY: true, env: { NO_COLOR: '' } })
  assert.ok(empty.stderr.includes('\x1b['), 'an empty NO_COLOR does not count (no-color.org)')
})

tty('stderr not a terminal: no bar, no colour', async () => {
  const r = await run([...E, '--check', 'f51'], { cwd: tmp.dir, stderrTTY: false, env: {} })
  assert.not.ok(r.stderr.includes('\r'))
  assert.not.ok(r.stderr.includes('\x1b'))
  assert.is(r.stderr, '51 files: 51 already mTLS\n')
})

tty('--quiet: no bar either', async () => {
  const r = await run([...E, '--check', '--quiet', 'f51'], { cwd: tmp.dir, stderrTTY: true, env: { NO_COLOR: '1' } })
  assert.is(r.stderr, '')
})

tty('50 files is not large: no bar', async () => {
  const r = await run([...E, '--check', 'f50'], { cwd: tmp.dir, stderrTTY: true, env: { NO_COLOR: '1' } })
  assert.not.ok(r.stderr.includes('\r'))
  assert.is(r.stderr, '50 files: 50 to migrate\nrun with --write to migrate them\n')
})

tty('a diagnostic on a terminal has its severity coloured, plain otherwise', async () => {
  cpSync(join(FIXTURES, 'conflict.yaml'), join(tmp.dir, 'conflict.yaml'))
  const c = await run([...E, '--check', 'conflict.yaml'], { cwd: tmp.dir, stderrTTY: true, env: {} })
  assert.match(c.stderr, /^conflict\.yaml:22:9: \x1b\[31merror\x1b\[39m: volume/)
  const p = await run([...E, '--check', 'conflict.yaml'], { cwd: tmp.dir, stderrTTY: true, env: { NO_COLOR: 'yes' } })
  assert.match(p.stderr, /^conflict\.yaml:22:9: error: volume/)
})
tty.run()

// ---------------------------------------------------------------------------------------------
const fsx = suite('batch: symlinks, modes, mtimes, failed writes')
fsx.before.each(() => {
  tmp = makeTmp()
})
fsx.after.each(() => tmp.remove())

fsx('a symlinked file is followed: its target is rewritten, the link stays a link', async () => {
  mkdirSync(join(tmp.dir, 'real'))
  writeFileSync(join(tmp.dir, 'real', 'delegate.yaml'), SAMPLE)
  symlinkSync('real/delegate.yaml', join(tmp.dir, 'link.yaml'))
  const r = await run([...E, '--write', 'link.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stderr, 'link.yaml: migrated (12 changes)\n1 file: 1 migrated\n')
  assert.ok(lstatSync(join(tmp.dir, 'link.yaml')).isSymbolicLink())
  assert.is(readlinkSync(join(tmp.dir, 'link.yaml')), 'real/delegate.yaml')
  assert.is(readFileSync(join(tmp.dir, 'real', 'delegate.yaml'), 'utf8'), SAMPLE_MTLS)
  assert.equal(readdirSync(join(tmp.dir, 'real')), ['delegate.yaml'])
})

fsx('the file mode is kept (0640 stays 0640, 0755 stays 0755)', async () => {
  writeFileSync(join(tmp.dir, 'a.yaml'), SAMPLE)
  writeFileSync(join(tmp.dir, 'b.yaml'), smallDelegate('b'))
  chmodSync(join(tmp.dir, 'a.yaml'), 0o640)
  chmodSync(join(tmp.dir, 'b.yaml'), 0o755)
  const r = await run([...E, '--write', 'a.yaml', 'b.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(statSync(join(tmp.dir, 'a.yaml')).mode & 0o7777, 0o640)
  assert.is(statSync(join(tmp.dir, 'b.yaml')).mode & 0o7777, 0o755)
  assert.is(readFileSync(join(tmp.dir, 'b.yaml'), 'utf8'), smallDelegateMtls('b'))
})

fsx('CRLF and a BOM survive --write', async () => {
  const crlf = '\ufeff' + smallDelegate('w').replaceAll('\n', '\r\n')
  writeFileSync(join(tmp.dir, 'w.yaml'), crlf)
  const r = await run([...E, '--write', 'w.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(readFileSync(join(tmp.dir, 'w.yaml'), 'utf8'), '\ufeff' + smallDelegateMtls('w').replaceAll('\n', '\r\n'))
})

fsx('a write that fails half way (file size limit) leaves every file as it was, exit 2', async () => {
  // ulimit -f caps what the process may write: the small manifests fit, the big one does not.
  // The temp files of the small ones are written first and must be removed, their targets kept.
  for (const n of ['a', 'b']) writeFileSync(join(tmp.dir, `${n}.yaml`), smallDelegate(n))
  const big = SAMPLE + '# padding\n'.repeat(2000)
  writeFileSync(join(tmp.dir, 'z-big.yaml'), big)
  for (const f of readdirSync(tmp.dir)) ageFile(join(tmp.dir, f))
  const before = readdirSync(tmp.dir)
    .sort()
    .map((f) => snapshot(join(tmp.dir, f)))
  const r = await new Promise<Ran>((done) => {
    const child = spawn(
      '/bin/sh',
      ['-c', 'ulimit -f 16; exec "$@"', 'sh', process.execPath, BIN, ...E, '--write', 'a.yaml', 'b.yaml', 'z-big.yaml'],
      { cwd: tmp.dir, env: { PATH: process.env.PATH } },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (s) => (stdout += s))
    child.stderr.on('data', (s) => (stderr += s))
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
  })
  assert.is(r.code, 2, r.stderr)
  assert.ok(r.stderr.includes('z-big.yaml: error: cannot write: file too large\n'), r.stderr)
  assert.ok(
    r.stderr.endsWith(
      '3 files: 2 to migrate, 1 error\nnothing was written: a file could not be written, so every ' +
        'file was left as it was\n',
    ),
    r.stderr,
  )
  assert.equal(
    readdirSync(tmp.dir)
      .sort()
      .map((f) => snapshot(join(tmp.dir, f))),
    before,
    'targets untouched, no temp file left',
  )
})
fsx.run()

// ---------------------------------------------------------------------------------------------
const scale = suite('batch: concurrency and scale (the real bin)')
scale.before.each(() => {
  tmp = makeTmp()
})
scale.after.each(() => tmp.remove())

scale(
  'two processes on disjoint halves of one folder at once (what pre-commit does): every file right, no temp file left',
  async () => {
    const dir = join(tmp.dir, 'manifests')
    mkdirSync(dir)
    const names = Array.from({ length: 200 }, (_, i) => `d${String(i).padStart(3, '0')}`)
    for (const n of names) writeFileSync(join(dir, `${n}.yaml`), smallDelegate(n))
    const files = names.map((n) => `manifests/${n}.yaml`)
    const odd = files.filter((_, i) => i % 2 === 1)
    const even = files.filter((_, i) => i % 2 === 0)
    const [a, b] = await Promise.all([
      runBin([...E, '--write', '-q', ...even], { cwd: tmp.dir }),
      runBin([...E, '--write', '-q', ...odd], { cwd: tmp.dir }),
    ])
    assert.equal([a.code, a.stderr, b.code, b.stderr], [0, '', 0, ''])
    assert.equal(
      readdirSync(dir).sort(),
      names.map((n) => `${n}.yaml`),
    )
    for (const n of names) assert.is(readFileSync(join(dir, `${n}.yaml`), 'utf8'), smallDelegateMtls(n), n)
    const check = await runBin([...E, '--check', 'manifests'], { cwd: tmp.dir })
    assert.is(check.code, 0)
    assert.is(check.stderr, '200 files: 200 already mTLS\n')
  },
)

scale('one process, 2,000 files in a tree: planned and written in one run', async () => {
  const n = 2000
  const teams = 20
  const path = (t: number, i: number) =>
    join(tmp.dir, 'clusters', `team-${String(t).padStart(2, '0')}`, `d${String(i).padStart(3, '0')}.yaml`)
  for (let t = 0; t < teams; t++) {
    mkdirSync(join(path(t, 0), '..'), { recursive: true })
    for (let i = 0; i < n / teams; i++) writeFileSync(path(t, i), smallDelegate(`t${t}-d${i}`))
  }
  const started = Date.now()
  const write = await runBin([...E, '--write', 'clusters'], { cwd: tmp.dir })
  const seconds = (Date.now() - started) / 1000
  assert.is(write.code, 0, write.stderr.slice(-500))
  const lines = write.stderr.split('\n')
  assert.is(lines.length, n + 2)
  assert.is(lines[0], 'clusters/team-00/d000.yaml: migrated (6 changes)')
  assert.is(lines.at(-2), `${n} files: ${n} migrated`)
  for (let t = 0; t < teams; t++)
    for (let i = 0; i < n / teams; i++) assert.is(readFileSync(path(t, i), 'utf8'), smallDelegateMtls(`t${t}-d${i}`))
  for (let t = 0; t < teams; t++) assert.is(readdirSync(join(path(t, 0), '..')).length, n / teams, 'no temp file left')
  assert.ok(seconds < 60, `${n} files took ${seconds}s`) // ~6 s on an idle 2-core machine
})

scale.run()
