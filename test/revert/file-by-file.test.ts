/**
 * `--revert` of a delegate whose client certificate is mounted file by file (`subPath: client.crt` at
 * `M/client.crt`, `subPath: client.key` at `M/client.key`), which the migration accepts as done: both mounts go,
 * with our volume and the env, leaving no mTLS field behind and a pod the API server accepts.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { audit } from '../../src/audit/audit.js'
import { migrate } from '../../src/pipeline/migrate.js'
import { revert } from '../../src/pipeline/revert.js'

const ROOT = join(import.meta.dirname, '..', '..')
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8')
const SAMPLE = read('samples', 'harness-delegate.yaml')
const SAMPLE_MTLS = read('samples', 'harness-delegate.mtls.yaml')
const DELEGATE3_MTLS = read('test', 'fixtures', 'shapes', 'delegate3-migrated.yaml')
const ENDPOINT = 'https://acme.harness.io:8443'
const ORIGINAL = 'https://app.harness.io'

const WHOLE =
  '        volumeMounts:\n        - name: client-certificate\n          mountPath: /etc/mtls\n      ' +
  '    readOnly: true\n'
const FILE_BY_FILE =
  '        volumeMounts:\n' +
  '        - name: client-certificate\n          mountPath: /etc/mtls/client.crt\n          subPath: client.crt\n' +
  '          readOnly: true\n' +
  '        - name: client-certificate\n          mountPath: /etc/mtls/client.key\n          subPath: client.key\n' +
  '          readOnly: true\n'

function fileByFile(text: string): string {
  assert.is(text.split(WHOLE).length, 2, 'the input no longer has its one whole-volume mount')
  return text.replace(WHOLE, FILE_BY_FILE)
}

/** What no reverted delegate may still hold. */
const MTLS_FIELDS = new RegExp(
  [
    'client-certificate',
    'DELEGATE_CLIENT_CERTIFICATE',
    'HARNESS_CLIENT_(CERT|KEY)_FILE',
    'GRPC_AUTHORITY',
    'clientCertificate',
    '/etc/mtls',
  ].join('|'),
)

const test = suite('revert: a certificate mounted file by file')

test('the migration accepts a hand-written file-by-file mount as done', () => {
  const r = migrate(fileByFile(SAMPLE_MTLS), { endpoint: ENDPOINT })
  assert.is(r.status, 'already')
  assert.equal(r.changes, [])
})

test('a hand-written file-by-file mTLS manifest reverts to the manifest without mTLS, byte for byte', () => {
  const input = fileByFile(SAMPLE_MTLS)
  const r = revert(input, { endpoint: ORIGINAL })
  assert.is(r.status, 'migrated')
  assert.is(r.output, SAMPLE)
  assert.not.match(r.output, MTLS_FIELDS)
  assert.ok(
    r.changes.some((c) => c.role === 'mount' && c.op === 'remove' && c.resource.kind === 'Deployment'),
    "the delegate's mounts are removed as changes of its own",
  )
  const after = audit([{ path: 'reverted.yaml', text: r.output }], { endpoint: ENDPOINT })
  assert.is(after.ready, false)
  assert.is(after.delegates[0]!.state, 'none')
  // A second revert has nothing left to take out.
  assert.is(revert(r.output, { endpoint: ORIGINAL }).changes.length, 0)
})

test('round trip: a half-done file-by-file input, migrated then reverted, is the original without mTLS', () => {
  // The mounts (and the volume) were added by hand; the env vars and the upgrader are still to do.
  const volume =
    '      volumes:\n      - name: client-certificate\n        secret:\n          secretName: client-certificate\n' +
    '          defaultMode: 256 # 0400\n'
  const anchor = '          value: "false"\n'
  assert.is(SAMPLE.split(anchor).length, 2)
  const halfDone = SAMPLE.replace(anchor, anchor + FILE_BY_FILE + volume)
  const m = migrate(halfDone, { endpoint: ENDPOINT })
  assert.is(m.status, 'migrated')
  assert.ok(m.output.includes(FILE_BY_FILE), 'the file-by-file mounts are kept as they are')
  assert.not.ok(m.output.includes(WHOLE), 'no whole-volume mount is added beside them')
  const r = revert(m.output, { endpoint: ORIGINAL })
  assert.is(r.output, SAMPLE)
})

test('Delegate 3.x mounted file by file: revert leaves no mTLS field, and audit says not ready', () => {
  const input = fileByFile(DELEGATE3_MTLS)
  assert.is(migrate(input, { endpoint: ENDPOINT }).status, 'already')
  const r = revert(input, { endpoint: ORIGINAL })
  assert.is(r.status, 'migrated')
  assert.not.match(r.output, MTLS_FIELDS)
  const after = audit([{ path: 'reverted.yaml', text: r.output }], { endpoint: ENDPOINT })
  assert.is(after.delegates[0]!.ready, false)
})

test.run()
