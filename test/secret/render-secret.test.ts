import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { isPlaceholderSecretData, redactSecretData, renderSecretManifest } from '../../src/secret/index.js'
import { keyMaterialNeedles } from './openssl-fixtures.js'

const FAKE_CERT = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n'
const FAKE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIBfake\n-----END PRIVATE KEY-----\n'
const FAKE_CERT_B64 = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJmYWtlCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K'
const FAKE_KEY_B64 = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUJmYWtlCi0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS0K'

// ---- renderSecretManifest ---------------------------------------------------------------------
const render = suite('renderSecretManifest')

render('kubectl layout, byte for byte', () => {
  const out = renderSecretManifest({
    name: 'delegate-client-cert',
    namespace: 'harness-delegate-ng',
    certPem: FAKE_CERT,
    keyPem: FAKE_KEY,
  })
  assert.is(
    out,
    'apiVersion: v1\n' +
      'data:\n' +
      `  client.crt: ${FAKE_CERT_B64}\n` +
      `  client.key: ${FAKE_KEY_B64}\n` +
      'kind: Secret\n' +
      'metadata:\n' +
      '  name: delegate-client-cert\n' +
      '  namespace: harness-delegate-ng\n' +
      'type: Opaque\n',
  )
})

render('no namespace line without a namespace (or an empty one)', () => {
  const expected =
    'apiVersion: v1\n' +
    'data:\n' +
    `  client.crt: ${FAKE_CERT_B64}\n` +
    `  client.key: ${FAKE_KEY_B64}\n` +
    'kind: Secret\n' +
    'metadata:\n' +
    '  name: mtls\n' +
    'type: Opaque\n'
  assert.is(renderSecretManifest({ name: 'mtls', certPem: FAKE_CERT, keyPem: FAKE_KEY }), expected)
  assert.is(renderSecretManifest({ name: 'mtls', namespace: '', certPem: FAKE_CERT, keyPem: FAKE_KEY }), expected)
})

render('CRLF line ends', () => {
  const out = renderSecretManifest({ name: 'a', namespace: 'b', certPem: FAKE_CERT, keyPem: FAKE_KEY }, '\r\n')
  assert.is(
    out,
    `apiVersion: v1\r\ndata:\r\n  client.crt: ${FAKE_CERT_B64}\r\n  client.key: ${FAKE_KEY_B64}\r\n` +
      'kind: Secret\r\nmetadata:\r\n  name: a\r\n  namespace: b\r\ntype: Opaque\r\n',
  )
})

render('the file bytes exactly as given (BOM, CRLF, no final newline)', () => {
  const out = renderSecretManifest({ name: 'a', certPem: '\ufeffA\r\nB\r\n', keyPem: 'K' })
  assert.ok(out.includes('  client.crt: 77u/QQ0KQg0K\n'))
  assert.ok(out.includes('  client.key: Sw==\n'))
  const doc = parse(out) as { data: Record<string, string> }
  assert.is(Buffer.from(doc.data['client.crt']!, 'base64').toString('utf8'), '\ufeffA\r\nB\r\n')
})

render('quotes name and namespace only when YAML would read something else', () => {
  const meta = (name: string, namespace?: string) =>
    renderSecretManifest({ name, ...(namespace === undefined ? {} : { namespace }), certPem: 'c', keyPem: 'k' })
      .split('\n')
      .filter((l) => l.startsWith('  name') || l.startsWith('  namespace'))
      .join('\n')
  assert.is(meta('123', 'true'), '  name: "123"\n  namespace: "true"')
  assert.is(meta('yes', '1e3'), '  name: "yes"\n  namespace: "1e3"')
  assert.is(meta('null', 'on'), '  name: "null"\n  namespace: "on"')
  assert.is(meta('0x1f', '1:20'), '  name: "0x1f"\n  namespace: "1:20"')
  assert.is(meta('2024-01-01'), '  name: "2024-01-01"')
  assert.is(meta('my secret', '# x'), '  name: "my secret"\n  namespace: "# x"')
  assert.is(meta('a: b\nc'), '  name: "a: b\\nc"')
  assert.is(meta('delegate.client-cert.v1', 'ns-1'), '  name: delegate.client-cert.v1\n  namespace: ns-1')
  for (const name of ['123', 'true', 'yes', '1e3', 'a: b\nc', '~', 'y']) {
    const doc = parse(renderSecretManifest({ name, certPem: 'c', keyPem: 'k' })) as { metadata: { name: unknown } }
    assert.is(doc.metadata.name, name)
  }
})

render('the same content as kubectl create secret generic --dry-run=client -o yaml', () => {
  // Only where kubectl is installed; it needs no cluster for a client dry run.
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' })
  } catch {
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'delegate-mtls-kubectl-'))
  try {
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string
    writeFileSync(join(dir, 'c.crt'), FAKE_CERT)
    writeFileSync(join(dir, 'c.key'), key)
    for (const [name, namespace] of [
      ['delegate-client-cert', 'harness-delegate-ng'],
      ['123', 'true'],
      ['mtls', undefined],
    ] as const) {
      const args = [
        'create',
        'secret',
        'generic',
        name,
        `--from-file=client.crt=${join(dir, 'c.crt')}`,
        `--from-file=client.key=${join(dir, 'c.key')}`,
        '--dry-run=client',
        '-o',
        'yaml',
      ]
      if (namespace) args.push('-n', namespace)
      const kubectl = execFileSync('kubectl', args, {
        encoding: 'utf8',
        env: { ...process.env, KUBECONFIG: join(dir, 'none') },
      })
      const ours = renderSecretManifest({ name, ...(namespace ? { namespace } : {}), certPem: FAKE_CERT, keyPem: key })
      // Older kubectl prints `creationTimestamp: null` (same as absent); none prints `type` for a
      // generic Secret (the server defaults it to Opaque, which we print).
      const expected = kubectl.replace(/^  creationTimestamp: null\n/m, '') + 'type: Opaque\n'
      assert.is(ours, expected)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

render.run()

// ---- isPlaceholderSecretData ------------------------------------------------------------------
const placeholder = suite('isPlaceholderSecretData')

placeholder('the UI placeholders and empty values', () => {
  for (const v of ['{CERT}', '{KEY}', '', '  ', ' {KEY}\n']) assert.ok(isPlaceholderSecretData(v), JSON.stringify(v))
  for (const v of ['{cert}', 'CERT', '{CA}', FAKE_KEY_B64, '<redacted>']) assert.not.ok(isPlaceholderSecretData(v), v)
})

placeholder.run()

// ---- redactSecretData ---------------------------------------------------------------------------
const rsaKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
const PKCS8 = rsaKey.export({ type: 'pkcs8', format: 'pem' }) as string
const PKCS1 = rsaKey.export({ type: 'pkcs1', format: 'pem' }) as string
const ENCRYPTED = rsaKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string
const EC = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
  type: 'sec1',
  format: 'pem',
}) as string
const needles = [PKCS8, PKCS1, ENCRYPTED, EC].flatMap(keyMaterialNeedles)
const b64 = (s: string) => Buffer.from(s).toString('base64')
const indent = (s: string, by: string) =>
  s
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => by + l)
    .join('\n')

function redact(text: string): string {
  const out = redactSecretData(text)
  for (const n of needles) if (out.includes(n)) assert.unreachable(`key material left: ${n.slice(0, 12)}…\n${out}`)
  assert.is(redactSecretData(out), out, 'idempotent')
  return out
}

const red = suite('redactSecretData')

red('a rendered Secret', () => {
  const manifest = renderSecretManifest({ name: 'mtls', namespace: 'ns', certPem: FAKE_CERT, keyPem: PKCS8 })
  assert.is(
    redact(manifest),
    'apiVersion: v1\ndata:\n  client.crt: <redacted>\n  client.key: <redacted>\nkind: ' +
      'Secret\nmetadata:\n  name: mtls\n  namespace: ns\ntype: Opaque\n',
  )
  assert.is(redact(manifest.replace(/\n/g, '\r\n')), redact(manifest).replace(/\n/g, '\r\n'))
})

red('tls.key, quoted values and keys, comments, list items', () => {
  const text = [
    'data:',
    `  tls.key: "${b64(PKCS8)}"`,
    `  "client.crt": '${FAKE_CERT_B64}' # the cert`,
    `  tls.crt: ${FAKE_CERT_B64}`,
    `- client.key: ${b64(EC)}`,
    'client.keys: kept',
    'note: client.key: is mentioned here',
  ].join('\n')
  assert.is(
    redact(text),
    [
      'data:',
      '  tls.key: "<redacted>"',
      `  "client.crt": '<redacted>' # the cert`,
      `  tls.crt: ${FAKE_CERT_B64}`,
      '- client.key: <redacted>',
      'client.keys: kept',
      'note: client.key: is mentioned here',
    ].join('\n'),
  )
})

red('block scalars and wrapped values collapse to one line', () => {
  const text =
    `stringData:\n  client.key: |\n${indent(PKCS1, '    ')}\n\n` + '  client.crt: >-\n    abc\n    def\nkind: Secret\n'
  assert.is(redact(text), 'stringData:\n  client.key: <redacted>\n\n  client.crt: <redacted>\nkind: Secret\n')
  const wrapped = `data:\n  client.key:\n    ${b64(PKCS8).slice(0, 60)}\n    ${b64(PKCS8).slice(60)}\ntype: Opaque`
  assert.is(redact(wrapped), 'data:\n  client.key: <redacted>\ntype: Opaque')
})

red('placeholders stay visible', () => {
  const text = 'data:\n  client.crt: \'{CERT}\'\n  client.key: {KEY}\n  tls.key: ""\n  client.key:\n'
  assert.is(redact(text), text)
})

red('a unified diff', () => {
  const diff = [
    '--- a/delegate.yaml',
    '+++ b/delegate.yaml',
    '@@ -1,5 +1,9 @@',
    ' data:',
    '-  client.crt: {CERT}',
    '-  client.key: {KEY}',
    `+  client.crt: ${FAKE_CERT_B64}`,
    '+  client.key: |',
    indent(PKCS8, '+    '),
    ' kind: Secret',
    '\\ No newline at end of file',
  ].join('\n')
  assert.is(
    redact(diff),
    [
      '--- a/delegate.yaml',
      '+++ b/delegate.yaml',
      '@@ -1,5 +1,9 @@',
      ' data:',
      '-  client.crt: {CERT}',
      '-  client.key: {KEY}',
      '+  client.crt: <redacted>',
      '+  client.key: <redacted>',
      ' kind: Secret',
      '\\ No newline at end of file',
    ].join('\n'),
  )
})

red('PEM private key blocks anywhere; certificates stay', () => {
  const text = `Key file:\n${PKCS8}Legacy:\n${ENCRYPTED}EC:\n${EC}Cert:\n${FAKE_CERT}`
  assert.is(redact(text), `Key file:\n<redacted>\nLegacy:\n<redacted>\nEC:\n<redacted>\nCert:\n${FAKE_CERT}`)
})

red('PEM in JSON strings (escaped newlines) and JSON data pairs', () => {
  const json = JSON.stringify({
    key: PKCS8,
    data: { 'client.crt': FAKE_CERT_B64, 'client.key': b64(PKCS8), 'client.keyx': 'x' },
  })
  assert.is(
    redact(json),
    '{"key":"<redacted>\\n","data":{"client.crt":"<redacted>","client.key":"<redacted>","client.keyx":"x"}}',
  )
  const pretty = JSON.stringify({ data: { 'client.key': b64(PKCS8), 'client.crt': '{CERT}' } }, null, 2)
  assert.is(redact(pretty), '{\n  "data": {\n    "client.key": "<redacted>",\n    "client.crt": "{CERT}"\n  }\n}')
})

red('a PEM private key without its END line', () => {
  const lines = PKCS8.split('\n')
  const truncated = lines.slice(0, 5).join('\n') + '\nafter: 1\n'
  assert.is(redact(truncated), '<redacted>\nafter: 1\n')
  const legacy = ENCRYPTED.split('\n').slice(0, 6).join('\n') + '\n'
  assert.is(redact(legacy), '<redacted>\n')
})

red('base64 that decodes to a PEM private key, under any name, also wrapped', () => {
  const text = `other.pem: ${b64(PKCS1)}\ncert.pem: ${FAKE_CERT_B64}\nend: 1`
  assert.is(redact(text), `other.pem: <redacted>\ncert.pem: ${FAKE_CERT_B64}\nend: 1`)
  const wrapped = (b64(EC).match(/.{1,76}/g) ?? []).join('\n    ')
  assert.is(redact(`blob: |\n    ${wrapped}\nnext: 2`), 'blob: |\n    <redacted>\nnext: 2')
})

red('text without secrets is unchanged', () => {
  const text =
    'apiVersion: apps/v1\nkind: StatefulSet\n# client.key is mounted from a Secret\nvalue: ' +
    'aGVsbG8gd29ybGQgdGhpcyBpcyBqdXN0IGEgbG9uZyBzdHJpbmc=\n'
  assert.is(redact(text), text)
})

red.run()
