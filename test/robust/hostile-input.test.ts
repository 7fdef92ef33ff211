// Hostile and broken input, through the CLI in-process (`main`) and the real bin: every case ends
// with a clear error (exit 2, file:line:col where there is one) or an untouched pass-through, never a
// hang (each run has a deadline) nor a crash (no stack trace on stderr).
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { DEFAULT_MAX_BYTES } from '../../src/io/index.js'
import { ENDPOINT, hasStackTrace, makeTmp, runBin, runMain, type CliResult } from './helpers/cli.js'
import { aliasBomb, delegateYaml, migrated } from './helpers/fixtures.js'

const test = suite('robust: hostile and broken input')
let tmp: ReturnType<typeof makeTmp>
test.before(() => {
  tmp = makeTmp()
})
test.after(() => tmp.remove())

let n = 0
/** Writes `content` to a fresh file and returns its name (relative to tmp.dir). */
function file(name: string, content: string | Buffer): string {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  writeFileSync(join(dir, name), content)
  return join(`case-${n}`, name)
}
const read = (rel: string) => readFileSync(join(tmp.dir, rel))

/** No crash: no stack trace, no "internal error", and a deadline kept. */
function clean(r: CliResult, what: string): void {
  assert.not.ok(r.timedOut, `${what}: no answer before the deadline (a hang)`)
  assert.not.ok(hasStackTrace(r.stderr), `${what}: a stack trace on stderr:\n${r.stderr}`)
  assert.not.match(r.stderr, /internal error/i, `${what}: reported as an internal error:\n${r.stderr}`)
}

/** Exit 2 with `file:line:col: error: <message>` on stderr, nothing on stdout, and the file untouched by --write. */
async function refusedAt(rel: string, message: RegExp, opts: { located?: boolean } = {}): Promise<CliResult> {
  const before = read(rel)
  const r = await runMain(['-e', ENDPOINT, rel], { cwd: tmp.dir })
  clean(r, rel)
  assert.is(r.code, 2, `${rel}: exit code\n${r.stderr}`)
  assert.is(r.stdout, '', `${rel}: nothing on stdout`)
  const where = opts.located === false ? '' : ':\\d+:\\d+'
  assert.match(
    r.stderr,
    new RegExp(`^${rel.replace(/[.\\]/g, '\\$&')}${where}: error: `, 'm'),
    `${rel}: a located error\n${r.stderr}`,
  )
  assert.match(r.stderr, message)
  const w = await runMain(['-e', ENDPOINT, '--write', rel], { cwd: tmp.dir })
  clean(w, `${rel} --write`)
  assert.is(w.code, 2)
  assert.ok(read(rel).equals(before), `${rel}: --write changed a file it refused`)
  return r
}

/** Exit 0 and the input back byte for byte (stdout mode), and --check says nothing to do. */
async function passesThrough(rel: string): Promise<void> {
  const r = await runMain(['-e', ENDPOINT, rel], { cwd: tmp.dir })
  clean(r, rel)
  assert.is(r.code, 0, `${rel}: exit code\n${r.stderr}`)
  assert.is(r.stdout, read(rel).toString('utf8'), `${rel}: not passed through byte for byte`)
  const c = await runMain(['-e', ENDPOINT, '--check', rel], { cwd: tmp.dir })
  clean(c, `${rel} --check`)
  assert.is(c.code, 0, `${rel} --check\n${c.stderr}`)
}

test('malformed YAML (an unclosed flow sequence in a delegate): exit 2 at its line and column', async () => {
  const rel = file('malformed.yaml', delegateYaml().replace('      containers:\n', '      containers: [\n'))
  await refusedAt(rel, /invalid YAML/)
  // And a mapping value where none may be: `key: value: other`.
  await refusedAt(file('colon.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: name: x\n'), /invalid YAML/)
})

test('a Helm chart template: one error at its first template action that says what it is, not YAML noise', async () => {
  const template = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "delegate.fullname" . }}',
    '  labels:',
    '    {{- include "delegate.labels" . | nindent 4 }}',
    'spec:',
    '  replicas: {{ .Values.replicas }}',
    '',
  ].join('\n')
  const rel = file('deployment-template.yaml', template)
  const r = await refusedAt(rel, /this is a Helm chart template/)
  assert.is(r.stderr.trim().split('\n').length, 1, r.stderr)
  assert.match(r.stderr, new RegExp(`^${rel}:4:9: error: `))
  assert.not.match(r.stderr, /invalid YAML/)
})

test('an alias bomb inside a delegate is refused within a second, located, unexpanded', async () => {
  const text = delegateYaml('bomb', { annotations: aliasBomb(9) })
  const rel = file('bomb.yaml', text)
  const r = await refusedAt(rel, /alias/i)
  assert.ok(r.ms < 1000, `took ${r.ms.toFixed(0)} ms`)
  assert.ok(r.stderr.length < 2000, 'the message does not expand the bomb')
  // The real bin, start-up included.
  const b = await runBin(['-e', ENDPOINT, '--check', rel], { cwd: tmp.dir, timeoutMs: 10_000 })
  clean(b, `bin ${rel}`)
  assert.is(b.code, 2)
  assert.ok(b.ms < 3000, `the bin took ${b.ms.toFixed(0)} ms`)
})

test('an alias bomb in a document that is not a delegate passes through untouched, within a second', async () => {
  const bomb = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: laughs',
    'data:',
    ...aliasBomb(9, '  '),
    '',
  ].join('\n')
  const text = `${bomb}---\n${delegateYaml()}`
  const rel = file('bomb-beside.yaml', text)
  const r = await runMain(['-e', ENDPOINT, rel], { cwd: tmp.dir })
  clean(r, rel)
  assert.is(r.code, 0, r.stderr)
  assert.ok(r.ms < 1000, `took ${r.ms.toFixed(0)} ms`)
  assert.ok(r.stdout.startsWith(bomb), 'the bomb document is byte-identical')
  assert.is(r.stdout, migrated(text).output)
  // Alone, it is simply a file without a delegate.
  await passesThrough(file('bomb-alone.yaml', bomb))
})

test('10,000 nested flow sequences: one clear located error, no stack overflow (main and the real bin)', async () => {
  const text =
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ` +
    `${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n${delegateYaml()}`
  const rel = file('deep.yaml', text)
  const r = await refusedAt(rel, /nested too deeply/)
  assert.is(r.stderr.trim().split('\n').length, 1, `one line, not one per level:\n${r.stderr.slice(0, 500)}`)
  const b = await runBin(['-e', ENDPOINT, '--check', rel], { cwd: tmp.dir, timeoutMs: 30_000 })
  clean(b, `bin ${rel}`)
  assert.is(b.code, 2, b.stderr)
  assert.match(b.stderr, /deep\.yaml:6:\d+: error: invalid YAML: nested too deeply/)
  // Unclosed, and nested mappings: the same.
  await refusedAt(file('deep-unclosed.yaml', `x: ${'['.repeat(10_000)}\n`), /nested too deeply/)
  await refusedAt(file('deep-maps.yaml', `x: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`), /nested too deeply/)
})

test('nesting the parser can read (300 levels) beside a delegate: migrated, the deep document unchanged', async () => {
  const deep =
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ` + `${'['.repeat(300)}1${']'.repeat(300)}\n`
  const text = `${deep}---\n${delegateYaml()}`
  const r = await runMain(['-e', ENDPOINT, file('deep-ok.yaml', text)], { cwd: tmp.dir })
  clean(r, 'deep-ok')
  assert.is(r.code, 0, r.stderr)
  assert.ok(r.stdout.startsWith(deep))
  assert.match(r.stdout, /DELEGATE_CLIENT_CERTIFICATE_PATH/)
})

test('duplicate keys are an error (Kubernetes rejects them), in a delegate or any other document', async () => {
  await refusedAt(
    file('dup-delegate.yaml', delegateYaml().replace('  replicas: 1\n', '  replicas: 1\n  replicas: 2\n')),
    /Map keys must be unique/,
  )
  await refusedAt(
    file('dup-other.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n---\n${delegateYaml()}`),
    /Map keys must be unique/,
  )
  const r = await runMain(
    ['-e', ENDPOINT, file('dup-line.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n')],
    { cwd: tmp.dir },
  )
  assert.match(r.stderr, /dup-line\.yaml:5:3: error: invalid YAML: Map keys must be unique/)
})

test(
  'a broken document of a kind delegate-mtls never reads (Role, Service) passes through ' +
    'byte-identical beside a migrated delegate',
  async () => {
    // Such documents are not parsed at all (only a top-level `kind:` line is looked at), so their
    // syntax is kubectl's business: they come out exactly as they went in.
    for (const other of [
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: [unclosed\n',
    ]) {
      const text = `${other}---\n${delegateYaml()}`
      const r = await runMain(['-e', ENDPOINT, file('other.yaml', text)], { cwd: tmp.dir })
      clean(r, 'other kind')
      assert.is(r.code, 0, r.stderr)
      assert.ok(r.stdout.startsWith(`${other}---\n`))
      assert.is(r.stdout, migrated(text).output)
    }
  },
)

test('tabs used for indentation: exit 2 at the tab', async () => {
  const r = await refusedAt(file('tabs.yaml', delegateYaml().replace('\n  replicas: 1', '\n\treplicas: 1')), /[Tt]ab/)
  assert.match(r.stderr, /tabs\.yaml:7:1: /)
})

test('invalid UTF-8: exit 2 at the offending byte (line and column)', async () => {
  const bytes = Buffer.concat([
    Buffer.from(delegateYaml().replace('robust-delegate', 'caf')),
    Buffer.from([0xc3, 0x28, 0x0a]),
  ])
  const r = await refusedAt(
    file('latin1.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n', 'latin1')),
    /not valid UTF-8/,
  )
  assert.match(r.stderr, /latin1\.yaml:4:12: /)
  await refusedAt(file('trailing.yaml', bytes), /not valid UTF-8/)
  // UTF-16 is named as such.
  await refusedAt(
    file('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(delegateYaml(), 'utf16le')])),
    /UTF-16/,
    { located: false },
  )
})

test('a binary file (gzip of a manifest, a NUL byte): exit 2, "binary", no garbage echoed', async () => {
  const gz = execFileSync('gzip', ['-c'], { input: delegateYaml() })
  const rel = file('delegate.yaml', gz)
  const r = await refusedAt(rel, /binary|UTF-8/)
  assert.ok(r.stderr.length < 300, 'the message does not echo the file')
  await refusedAt(file('nul.yaml', `${delegateYaml()}\0\n`), /NUL byte.*binary/)
})

test('an empty file, a file of comments only, a null document: untouched pass-through, exit 0', async () => {
  await passesThrough(file('empty.yaml', ''))
  await passesThrough(file('comments.yaml', '# nothing here yet\n# TODO: add the delegate\n'))
  await passesThrough(file('null.yaml', '--- null\n'))
  await passesThrough(file('tilde.yaml', '~\n'))
  await passesThrough(file('separators.yaml', '---\n---\n...\n'))
  await passesThrough(file('crlf-comment.yaml', '\uFEFF# only a comment\r\n'))
})

test('JSON input (a delegate Deployment in JSON): migrated, and the output is still valid JSON', async () => {
  const doc = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'json-delegate' },
    spec: {
      template: {
        spec: {
          containers: [
            {
              name: 'delegate',
              image: 'harness/delegate:25.10.87101',
              env: [{ name: 'MANAGER_HOST_AND_PORT', value: 'https://app.harness.io' }],
            },
          ],
        },
      },
    },
  }
  for (const [name, text] of [
    ['pretty.json', JSON.stringify(doc, null, 2) + '\n'],
    ['compact.json', JSON.stringify(doc)],
    [
      'no-env.json',
      JSON.stringify(
        {
          ...doc,
          spec: {
            template: {
              spec: { containers: [{ name: 'delegate', image: 'harness/delegate:25.10.87101' }], volumes: [] },
            },
          },
        },
        null,
        4,
      ),
    ],
  ] as const) {
    const r = await runMain(['-e', ENDPOINT, file(name, text)], { cwd: tmp.dir })
    clean(r, name)
    assert.is(r.code, 0, r.stderr)
    let out: any
    try {
      out = JSON.parse(r.stdout)
    } catch (e) {
      assert.unreachable(
        `${name}: the output is not JSON (kubectl reads a file starting with "{" as JSON): ` +
          `${(e as Error).message}\n${r.stdout}`,
      )
    }
    const c = out.spec.template.spec.containers[0]
    const env = Object.fromEntries(c.env.map((e: any) => [e.name, e.value]))
    assert.is(env.MANAGER_HOST_AND_PORT, ENDPOINT)
    assert.is(env.DELEGATE_CLIENT_CERTIFICATE_KEY_PATH, '/etc/mtls/client.key')
    assert.equal(c.volumeMounts, [{ name: 'client-certificate', mountPath: '/etc/mtls', readOnly: true }])
    assert.equal(out.spec.template.spec.volumes, [
      { name: 'client-certificate', secret: { secretName: 'client-certificate', defaultMode: 256 } },
    ])
    // Valid YAML 1.1 too, with the same content.
    const yamlDocs = parseAllDocuments(r.stdout, { version: '1.1' })
    assert.equal((yamlDocs as any)[0].toJS(), out)
  }
})

test('a file over --max-bytes, and over the default limit (8 MiB): exit 2 naming the limit and the flag', async () => {
  const rel = file('big.yaml', delegateYaml())
  const size = read(rel).length
  const r = await runMain(['-e', ENDPOINT, '--max-bytes', String(size - 1), rel], { cwd: tmp.dir })
  clean(r, rel)
  assert.is(r.code, 2)
  assert.match(
    r.stderr,
    new RegExp(`big\\.yaml: error: is ${size} bytes, over the limit of ${size - 1} bytes; raise it with --max-bytes`),
  )
  assert.is((await runMain(['-e', ENDPOINT, '--max-bytes', String(size), rel], { cwd: tmp.dir })).code, 0)
  // The default: a sparse file one byte over 8 MiB is refused from its size, without reading it.
  const huge = file('huge.yaml', '')
  truncateSync(join(tmp.dir, huge), DEFAULT_MAX_BYTES + 1)
  const h = await runMain(['-e', ENDPOINT, '--check', huge], { cwd: tmp.dir })
  clean(h, huge)
  assert.is(h.code, 2)
  assert.match(
    h.stderr,
    new RegExp(
      `huge\\.yaml: error: is ${DEFAULT_MAX_BYTES + 1} bytes, over the limit of ` +
        `${DEFAULT_MAX_BYTES} bytes; raise it with --max-bytes`,
    ),
  )
  // Standard input is cut off as soon as it passes the limit.
  const s = await runMain(['-e', ENDPOINT, '--max-bytes', '100', '-'], { stdin: delegateYaml() })
  clean(s, 'stdin')
  assert.is(s.code, 2)
  assert.match(s.stderr, /<stdin>: error: is larger than the limit of 100 bytes; raise it with --max-bytes/)
  // A nonsensical limit is a usage error.
  const u = await runMain(['-e', ENDPOINT, '--max-bytes', '0', rel], { cwd: tmp.dir })
  assert.is(u.code, 2)
  assert.match(u.stderr, /--max-bytes must be a positive number/)
})

test('a directory given literally is searched for *.yaml/*.yml (other files ignored)', async () => {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(join(dir, 'k8s/nested'), { recursive: true })
  writeFileSync(join(dir, 'k8s/delegate.yaml'), delegateYaml())
  writeFileSync(join(dir, 'k8s/nested/other.yml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n')
  writeFileSync(join(dir, 'k8s/README.md'), '# not yaml: [\n')
  writeFileSync(join(dir, 'k8s/binary.bin'), Buffer.from([0, 1, 2]))
  const r = await runMain(['-e', ENDPOINT, '--check', 'k8s'], { cwd: dir })
  clean(r, 'dir')
  assert.is(r.code, 1, r.stderr)
  assert.match(r.stdout, /k8s\/delegate\.yaml/)
  assert.match(r.stderr, /2 files/)
})

test('a FIFO is refused at once, named literally or met in a directory (main and the real bin; no hang)', async () => {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')])
  writeFileSync(join(dir, 'delegate.yaml'), delegateYaml())
  const r = await runMain(['-e', ENDPOINT, 'pipe.yaml'], { cwd: dir, timeoutMs: 5000 })
  clean(r, 'fifo')
  assert.is(r.code, 2)
  assert.match(r.stderr, /pipe\.yaml: error: is a named pipe \(FIFO\), not a regular file/)
  const b = await runBin(['-e', ENDPOINT, '--check', 'pipe.yaml'], { cwd: dir, timeoutMs: 10_000 })
  clean(b, 'bin fifo')
  assert.is(b.code, 2)
  // In a directory, only regular files are candidates: the FIFO is skipped, the delegate checked.
  const d = await runMain(['-e', ENDPOINT, '--check', '.'], { cwd: dir, timeoutMs: 5000 })
  clean(d, 'dir with fifo')
  assert.is(d.code, 1, d.stderr)
  assert.match(d.stdout, /delegate\.yaml/)
  assert.not.match(d.stdout + d.stderr, /pipe\.yaml/)
})

test('devices and symlink loops are refused with a clear message', async () => {
  const dev = await runMain(['-e', ENDPOINT, '--check', '/dev/zero'], { timeoutMs: 5000 })
  clean(dev, '/dev/zero')
  assert.is(dev.code, 2)
  assert.match(dev.stderr, /\/dev\/zero: error: is a device, not a regular file/)
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  symlinkSync('b.yaml', join(dir, 'a.yaml'))
  symlinkSync('a.yaml', join(dir, 'b.yaml'))
  const loop = await runMain(['-e', ENDPOINT, '--check', 'a.yaml'], { cwd: dir, timeoutMs: 5000 })
  clean(loop, 'symlink loop')
  assert.is(loop.code, 2)
  assert.match(loop.stderr, /a\.yaml: error: too many levels of symbolic links/)
})

test('very long lines and many documents stay fast (a 2 MB line, 2,000 small documents)', async () => {
  const long =
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: long\ndata:\n  blob: ` +
    `"${'x'.repeat(2_000_000)}"\n---\n${delegateYaml()}`
  const r = await runMain(['-e', ENDPOINT, '--check', file('long.yaml', long)], { cwd: tmp.dir, timeoutMs: 20_000 })
  clean(r, 'long line')
  assert.is(r.code, 1, r.stderr)
  const many =
    Array.from({ length: 2000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join(
      '---\n',
    ) + `---\n${delegateYaml()}`
  const m = await runMain(['-e', ENDPOINT, '--check', file('many.yaml', many)], { cwd: tmp.dir, timeoutMs: 20_000 })
  clean(m, 'many documents')
  assert.is(m.code, 1, m.stderr)
})

test.run()
