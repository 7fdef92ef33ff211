/**
 * Where the Secret goes (SPEC §5, issue "The client certificate Secret"): a new Secret right before the first
 * Deployment that mounts it, one per (Secret name, namespace); an existing Secret of that name (the UI's
 * `"{CERT}"`/`"{KEY}"` placeholder) filled in instead; a second run changes nothing; CRLF stays CRLF.
 *
 * Goldens use the committed TEST-ONLY pair (test/fixtures/secret/README.md). Besides the goldens, every output
 * is also derived exactly from the run without --cert/--key: the Secret must be the only difference.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  b64,
  cli,
  E,
  F,
  FIXED,
  FIXTURES,
  golden,
  HAND_RENDERED,
  HAND_RENDERED_CORPUS,
  read,
  SAMPLE,
  SAMPLE_MTLS,
  workspace,
} from './harness.js'
import { corpusPresent } from '../helpers/corpus.js'

const ws = workspace()
const FIXED_ARGS = ['--cert', F.fixedCert, '--key', F.fixedKey, '--ca', F.fixedCa]
const CRT = b64(FIXED.cert)
const KEY = b64(FIXED.key)

/** The Secret document as inserted (without the `---` line that follows it). */
const secretDoc = (name: string, namespace?: string, eol = '\n') =>
  [
    'apiVersion: v1',
    'data:',
    `  client.crt: ${CRT}`,
    `  client.key: ${KEY}`,
    'kind: Secret',
    'metadata:',
    `  name: ${name}`,
    ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
    'type: Opaque',
    '',
  ].join(eol)

const run = (args: string[], stdin: string) => cli([...E, ...args, '-'], { cwd: ws.dir, stdin })

/** Migrates `input` without and with the fixed pair; both must succeed quietly. */
async function both(input: string, extra: string[] = []): Promise<{ plain: string; withSecret: string }> {
  const plain = await run(extra, input)
  assert.is(plain.code, 0, plain.stderr)
  const withSecret = await run([...extra, ...FIXED_ARGS], input)
  assert.is(withSecret.stderr, '')
  assert.is(withSecret.code, 0)
  return { plain: plain.stdout, withSecret: withSecret.stdout }
}

/** `text` with `insert` put right before the first occurrence of `anchor` (which must exist). */
function before(text: string, anchor: string, insert: string): string {
  const at = text.indexOf(anchor)
  assert.ok(at >= 0, `anchor not found: ${anchor}`)
  return text.slice(0, at) + insert + text.slice(at)
}

const deployment = (name: string, namespace?: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:25.10.87101',
    '        env:',
    '        - name: MANAGER_HOST_AND_PORT',
    '          value: https://app.harness.io',
    '',
  ].join('\n')

// ---- Before the Deployment ----------------------------------------------------------------------
const place = suite('Secret placement: before the Deployment')

place('samples/harness-delegate.yaml: golden bytes', async () => {
  ws.sample('d.yaml')
  const ok = await cli([...E, ...FIXED_ARGS, 'd.yaml'], { cwd: ws.dir })
  assert.is(ok.stderr, '')
  assert.is(ok.code, 0)
  golden('harness-delegate.with-secret.expected.yaml', ok.stdout)
})

place(
  'samples/harness-delegate.yaml: the sample migration plus the Secret, right after the `---` before the Deployment',
  async () => {
    const out = read(join(FIXTURES, 'harness-delegate.with-secret.expected.yaml'))
    const mtls = read(SAMPLE_MTLS)
    const block = secretDoc('client-certificate', 'harness-delegate-ng') + '---\n'
    // Exactly one place: after the token Secret's `---`, before the blank line and comment that open the Deployment's
    // document.
    assert.is(out, before(mtls, '\n# If delegate needs to use a proxy', block))
    assert.ok(
      out.includes(
        'DELEGATE_TOKEN: "ZGVtby10b2tlbi1ub3QtYS1yZWFsLXNlY3JldA=="\n\n---\n' + block + '\n# If delegate needs',
      ),
    )
    assert.is(out.split('\nkind: Secret\n').length - 1, read(SAMPLE).split('\nkind: Secret\n').length - 1 + 1)
    // The same through stdin, and without --ca (the CA only checks).
    const { withSecret } = await both(read(SAMPLE))
    assert.is(withSecret, out)
  },
)

place('a Deployment first in the stream, with and without a leading `---`, after a comment, after a BOM', async () => {
  const dep = deployment('a', 'ns1')
  const secret = secretDoc('client-certificate', 'ns1')
  for (const [title, input, at] of [
    ['first, no marker', dep, 'apiVersion: apps/v1'],
    ['first, after ---', '---\n' + dep, 'apiVersion: apps/v1'],
    ['after a comment', '# delegate\n' + dep, 'apiVersion: apps/v1'],
    ['after a BOM', '\ufeff' + dep, 'apiVersion: apps/v1'],
  ] as const) {
    const { plain, withSecret } = await both(input)
    assert.is(withSecret, before(plain, at, secret + '---\n'), title)
  }
  // A `---` line with a comment stays with the Deployment: the Secret gets its own `---` before it.
  const { plain, withSecret } = await both(
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n--- # the delegate\n' + dep,
  )
  assert.is(withSecret, before(plain, '--- # the delegate', '---\n' + secret))
})

place.run()

// ---- One Secret per (name, namespace) ---------------------------------------------------------
const ns = suite('Secret placement: per namespace')

ns('two delegates in two namespaces: two Secrets, each before its own Deployment', async () => {
  const input = deployment('a', 'ns1') + '---\n' + deployment('b', 'ns2')
  const { plain, withSecret } = await both(input)
  const second = plain.indexOf('apiVersion: apps/v1', 1)
  const expected =
    secretDoc('client-certificate', 'ns1') +
    '---\n' +
    plain.slice(0, second) +
    secretDoc('client-certificate', 'ns2') +
    '---\n' +
    plain.slice(second)
  assert.is(withSecret, expected)
})

ns('two delegates sharing the Secret name and a namespace: one Secret, before the first', async () => {
  const input = deployment('a', 'ns1') + '---\n' + deployment('b', 'ns1')
  const { plain, withSecret } = await both(input)
  assert.is(withSecret, secretDoc('client-certificate', 'ns1') + '---\n' + plain)
})

ns("--secret-name '{delegate}-client-certificate': one Secret per delegate in the same namespace", async () => {
  const input = deployment('a', 'ns1') + '---\n' + deployment('b', 'ns1')
  const args = ['--secret-name', '{delegate}-client-certificate']
  const { plain, withSecret } = await both(input, args)
  const second = plain.indexOf('apiVersion: apps/v1', 1)
  assert.is(
    withSecret,
    secretDoc('a-client-certificate', 'ns1') +
      '---\n' +
      plain.slice(0, second) +
      secretDoc('b-client-certificate', 'ns1') +
      '---\n' +
      plain.slice(second),
  )
})

ns('a delegate without a namespace: a Secret without one (it lands where the Deployment does)', async () => {
  const { plain, withSecret } = await both(deployment('a'))
  assert.is(withSecret, secretDoc('client-certificate') + '---\n' + plain)
})

ns('a Secret of that name in another namespace is not the one: a new Secret for this namespace', async () => {
  const other =
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: client-certificate\n  namespace: ' +
    'other\ndata:\n  client.crt: "{CERT}"\n  client.key: "{KEY}"\n---\n'
  const { plain, withSecret } = await both(other + deployment('a', 'ns1'))
  assert.is(withSecret, before(plain, 'apiVersion: apps/v1', secretDoc('client-certificate', 'ns1') + '---\n'))
})

ns.run()

// ---- Filling an existing Secret ---------------------------------------------------------------
const fill = suite('Secret placement: an existing Secret is filled in')

/** The UI's mTLS rendering with its placeholder Secret: the project's own, and the corpus's when present. */
const PLACEHOLDER_SOURCES = [
  {
    path: HAND_RENDERED,
    comment:
      '  # Paste the base64 of the client certificate and of its key here, or remove this Secret ' +
      'and use one you made.\n',
    golden: 'ui-immutable-clusteradmin-mtls.with-secret.expected.yaml',
  },
  {
    path: HAND_RENDERED_CORPUS,
    comment:
      '  # Please replace below values with base64 encoded PEM files, or mount an already existing secret instead.\n',
    golden: 'ng-template-mtls-immutable-2023-11-hand-rendered.with-secret.expected.yaml',
  },
].filter((s) => s.path === HAND_RENDERED || corpusPresent())

fill(
  "the UI's placeholder Secret in the UI's mTLS rendering, with --secret-name '{delegate}-client-certificate'",
  async () => {
    for (const source of PLACEHOLDER_SOURCES) {
      const input = read(source.path)
      for (const extra of [['--secret-name', '{delegate}-client-certificate'], []]) {
        const { plain, withSecret } = await both(input, extra)
        // Only the two placeholder lines differ; the quoting and the comment above them stay.
        const expected = plain
          .replace('\n  client.crt: "{CERT}"\n', `\n  client.crt: "${CRT}"\n`)
          .replace('\n  client.key: "{KEY}"\n', `\n  client.key: "${KEY}"\n`)
        assert.is.not(expected, plain)
        assert.is(withSecret, expected, extra.join(' ') || 'no --secret-name')
        assert.ok(withSecret.includes(source.comment))
        assert.is(
          withSecret.split('\nkind: Secret\n').length,
          input.split('\nkind: Secret\n').length,
          'no Secret added',
        )
        if (extra.length > 0) golden(source.golden, withSecret)
      }
    }
  },
)

fill('--diff of the placeholder fill shows <redacted>, not the data', async () => {
  for (const source of PLACEHOLDER_SOURCES) {
    const r = await cli([...E, ...FIXED_ARGS, '--diff', '--secret-name', '{delegate}-client-certificate', '-'], {
      cwd: ws.dir,
      stdin: read(source.path),
    })
    assert.is(r.code, 0)
    assert.ok(
      r.stdout.includes(
        ' ' +
          source.comment +
          '-  client.crt: "{CERT}"\n' +
          '-  client.key: "{KEY}"\n' +
          '+  client.crt: "<redacted>"\n' +
          '+  client.key: "<redacted>"\n',
      ),
      r.stdout,
    )
  }
})

const secretWith = (data: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: client-certificate\n  namespace: ns1\n${data}type: Opaque\n---\n`

fill(
  'the shapes of an existing Secret: no data, empty data, empty values, a comment, flow style, one key',
  async () => {
    // Without data, `data` is added at the end of the Secret, after `type`.
    const noData = await both(secretWith('') + deployment('a', 'ns1'))
    assert.is(noData.withSecret, before(noData.plain, '---\n', `data:\n  client.crt: ${CRT}\n  client.key: ${KEY}\n`))
    const cases: [string, string, string][] = [
      ['data: (empty)', 'data:\n', `data:\n  client.crt: ${CRT}\n  client.key: ${KEY}\n`],
      ['data: ~', 'data: ~\n', `data:\n  client.crt: ${CRT}\n  client.key: ${KEY}\n`],
      [
        'data: null # comment',
        'data: null # fill me\n',
        `data: # fill me\n  client.crt: ${CRT}\n  client.key: ${KEY}\n`,
      ],
      ['empty values', 'data:\n  client.crt:\n  client.key:\n', `data:\n  client.crt: ${CRT}\n  client.key: ${KEY}\n`],
      [
        'empty value before a comment',
        'data:\n  client.crt: # todo\n  client.key: ~\n',
        `data:\n  client.crt: ${CRT} # todo\n  client.key: ${KEY}\n`,
      ],
      ['flow, empty', 'data: {}\n', `data: {client.crt: ${CRT}, client.key: ${KEY}}\n`],
      [
        'flow, placeholders',
        'data: {client.crt: "{CERT}", client.key: "{KEY}"}\n',
        `data: {client.crt: "${CRT}", client.key: "${KEY}"}\n`,
      ],
      [
        'one key there, one missing',
        "data:\n  client.crt: ''\n  other: eA==\n",
        `data:\n  client.crt: '${CRT}'\n  other: eA==\n  client.key: ${KEY}\n`,
      ],
    ]
    for (const [title, data, filled] of cases) {
      const dep = deployment('a', 'ns1')
      const { plain, withSecret } = await both(secretWith(data) + dep)
      assert.is(plain.slice(0, secretWith(data).length), secretWith(data), title)
      assert.is(withSecret, secretWith(filled) + plain.slice(secretWith(data).length), title)
      // And a second run leaves it as it is.
      const again = await run(FIXED_ARGS, withSecret)
      assert.is(again.stdout, withSecret, `${title}: second run`)
    }
  },
)

fill('an existing Secret that cannot take the data: an error that says why, exit 2', async () => {
  const cases: [string, string][] = [
    [
      'data: oops\n',
      '<stdin>:6:7: error: Secret "client-certificate" in namespace ns1 has a "data" that is not a ' +
        'mapping; it cannot hold client.crt and client.key\n',
    ],
    [
      'data:\n  client.crt:\n    a: b\n',
      '<stdin>:8:5: error: Secret "client-certificate" in namespace ns1: data.client.crt is not a ' +
        'string; it must hold the base64 of the certificate file\n',
    ],
    [
      'stringData:\n  client.key: "{KEY}"\n',
      '<stdin>:7:3: error: Secret "client-certificate" in namespace ns1 sets client.key under ' +
        'stringData, which overrides data when applied; remove it from stringData so that ' +
        '--cert/--key can fill in data\n',
    ],
  ]
  for (const [data, stderr] of cases) {
    const r = await run(FIXED_ARGS, secretWith(data) + deployment('a', 'ns1'))
    assert.is(r.stderr, stderr)
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
  }
})

fill.run()

// ---- A second run ------------------------------------------------------------------------------
const again = suite('Secret placement: idempotent')

again(
  'a second run over the output changes nothing: same bytes, exit 0; --check, -l exit 0; --write leaves the file',
  async () => {
    const inputs: [string, string, string[]][] = [
      ['sample', read(SAMPLE), []],
      ['placeholder', read(HAND_RENDERED), ['--secret-name', '{delegate}-client-certificate']],
      ['two namespaces', deployment('a', 'ns1') + '---\n' + deployment('b', 'ns2'), []],
    ]
    for (const [title, input, extra] of inputs) {
      const first = await run([...extra, ...FIXED_ARGS], input)
      assert.is(first.code, 0)
      const second = await run([...extra, ...FIXED_ARGS], first.stdout)
      assert.is(second.code, 0, title)
      assert.is(second.stderr, '', title)
      assert.is(second.stdout, first.stdout, title)
      const check = await run([...extra, ...FIXED_ARGS, '--check'], first.stdout)
      assert.is(check.code, 0, `${title}: --check`)
      assert.is(check.stdout, '')
      assert.is(check.stderr, '1 file: 1 already mTLS\n')
      const list = await run([...extra, ...FIXED_ARGS, '-l'], first.stdout)
      assert.is(list.code, 0, `${title}: -l`)
      assert.is(list.stdout, '')
      const json = await run([...extra, ...FIXED_ARGS, '--check', '--format', 'json'], first.stdout)
      assert.is(json.code, 0)
      const report = JSON.parse(json.stdout) as { files: { status: string; changes: unknown[] }[] }
      assert.is(report.files[0]!.status, 'already-mtls')
      assert.equal(report.files[0]!.changes, [])
    }
    const file = ws.write('again/d.yaml', (await run(FIXED_ARGS, read(SAMPLE))).stdout)
    const mtime = statSync(file).mtimeMs
    const w = await cli([...E, ...FIXED_ARGS, '--write', 'again/d.yaml'], { cwd: ws.dir })
    assert.is(w.code, 0)
    assert.is(w.stderr, 'again/d.yaml: already mTLS\n1 file: 1 already mTLS\n')
    assert.is(statSync(file).mtimeMs, mtime)
  },
)

again('another certificate later (rotation): only the two data values change', async () => {
  const first = (await run(FIXED_ARGS, read(SAMPLE))).stdout
  const rotated = await run(['--cert', F.cert, '--key', F.key], first)
  assert.is(rotated.code, 0, rotated.stderr)
  const expected = first
    .replace(`  client.crt: ${CRT}\n`, `  client.crt: ${b64(ws.fx.valid.cert)}\n`)
    .replace(`  client.key: ${KEY}\n`, `  client.key: ${b64(ws.fx.valid.key)}\n`)
  assert.is(rotated.stdout, expected)
  const check = await run(['--cert', F.cert, '--key', F.key, '--check'], first)
  assert.is(check.code, 1)
})

again.run()

// ---- Line ends ---------------------------------------------------------------------------------
const eol = suite('Secret placement: CRLF')

eol('CRLF input gets a CRLF Secret (and nothing else changes line ends)', async () => {
  const crlf = read(SAMPLE).replace(/\n/g, '\r\n')
  const r = await run(FIXED_ARGS, crlf)
  assert.is(r.code, 0, r.stderr)
  const lf = read(join(FIXTURES, 'harness-delegate.with-secret.expected.yaml'))
  assert.is(r.stdout, lf.replace(/\n/g, '\r\n'))
  assert.ok(r.stdout.includes(secretDoc('client-certificate', 'harness-delegate-ng', '\r\n') + '---\r\n'))
  assert.not.match(r.stdout, /[^\r]\n/)
  // Filling a placeholder in a CRLF file keeps CRLF too.
  const placeholder = await run(
    ['--secret-name', '{delegate}-client-certificate', ...FIXED_ARGS],
    read(HAND_RENDERED).replace(/\n/g, '\r\n'),
  )
  assert.is(placeholder.code, 0, placeholder.stderr)
  assert.ok(placeholder.stdout.includes(`\r\n  client.crt: "${CRT}"\r\n  client.key: "${KEY}"\r\n`))
  assert.not.match(placeholder.stdout, /[^\r]\n/)
})

eol.after(() => ws.remove())
eol.run()
