/**
 * `delegate-mtls secret` prints what
 * `kubectl create secret generic S --from-file=client.crt=… --from-file=client.key=… --dry-run=client -o yaml`
 * prints, in content: the same keys, the same base64, the same type. Compared as parsed objects, leaving out
 * kubectl's `metadata.creationTimestamp: null`. kubectl runs when it is on PATH; the hand-computed object is
 * checked either way.
 *
 * kubectl's generic Secret has no `type` line (the field is empty, and the API server defaults it to
 * `Opaque`); ours prints `type: Opaque`. So: equal to kubectl's object with the API default applied, and
 * equal, as is, to kubectl's with `--type=Opaque`.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { b64, cli, F, golden, hasKubectl, read, workspace } from './harness.js'

const ws = workspace()
const test = suite(
  `secret subcommand = kubectl create secret generic${
    hasKubectl ? '' : ' (kubectl not on PATH: hand-computed objects only)'
  }`,
)

type Obj = Record<string, unknown> & { metadata?: Record<string, unknown> }

function kubectl(name: string, certFile: string, keyFile: string, namespace?: string, type?: string): Obj {
  const out = execFileSync(
    'kubectl',
    [
      'create',
      'secret',
      'generic',
      name,
      `--from-file=client.crt=${certFile}`,
      `--from-file=client.key=${keyFile}`,
      ...(namespace === undefined ? [] : ['--namespace', namespace]),
      ...(type === undefined ? [] : [`--type=${type}`]),
      '--dry-run=client',
      '-o',
      'yaml',
    ],
    {
      cwd: ws.dir,
      encoding: 'utf8',
      timeout: 60000,
      env: { PATH: process.env.PATH ?? '', HOME: ws.dir, KUBECONFIG: join(ws.dir, 'no-kubeconfig') },
    },
  )
  const obj = parse(out) as Obj
  assert.ok('creationTimestamp' in (obj.metadata ?? {}), 'kubectl prints creationTimestamp (the one field left out)')
  assert.is(obj.metadata!.creationTimestamp, null)
  delete obj.metadata!.creationTimestamp
  return obj
}

const CASES: { title: string; cert: string; key: string; name?: string; namespace?: string }[] = [
  { title: 'the TEST-ONLY pair, default name, no namespace', cert: F.fixedCert, key: F.fixedKey },
  {
    title: 'an RSA pair from the test CA, --name and -n',
    cert: F.cert,
    key: F.key,
    name: 'prod-us-east-delegate-client-certificate',
    namespace: 'harness-delegate-ng',
  },
  {
    title: 'a chain (leaf, then intermediate) as the certificate',
    cert: 'certs/chain.crt',
    key: F.key,
    namespace: 'ns',
  },
  {
    title: 'files with CRLF and text around the PEM blocks: the bytes as given',
    cert: 'certs/crlf.crt',
    key: 'certs/crlf.key',
    name: 'crlf',
  },
]
ws.write('certs/crlf.crt', 'subject=CN = delegate client\r\n' + ws.fx.valid.cert.replace(/\n/g, '\r\n'))
ws.write('certs/crlf.key', ws.fx.valid.key.replace(/\n/g, '\r\n'))
ws.write('certs/chain.crt', ws.fx.signedByIntermediate + ws.fx.intermediate.cert)

for (const c of CASES) {
  test(c.title, async () => {
    const name = c.name ?? 'client-certificate'
    const args = [
      'secret',
      '--cert',
      c.cert,
      '--key',
      c.key,
      ...(c.name ? ['--name', c.name] : []),
      ...(c.namespace ? ['-n', c.namespace] : []),
    ]
    const r = await cli(args, { cwd: ws.dir })
    assert.is(r.stderr, '')
    assert.is(r.code, 0)
    const ours = parse(r.stdout) as Obj

    // Hand-computed: base64 of the file bytes, keys client.crt and client.key, type Opaque.
    const certBytes = read(join(ws.dir, c.cert))
    const keyBytes = read(join(ws.dir, c.key))
    const expected = {
      apiVersion: 'v1',
      data: { 'client.crt': b64(certBytes), 'client.key': b64(keyBytes) },
      kind: 'Secret',
      metadata: { name, ...(c.namespace ? { namespace: c.namespace } : {}) },
      type: 'Opaque',
    }
    assert.equal(ours, expected)
    assert.equal(Object.keys(ours.data as object), ['client.crt', 'client.key'])
    assert.is(Buffer.from((ours.data as Record<string, string>)['client.key']!, 'base64').toString('utf8'), keyBytes)

    if (hasKubectl) {
      const theirs = kubectl(name, c.cert, c.key, c.namespace)
      assert.is(theirs.type, undefined, 'kubectl leaves type empty for a generic Secret')
      assert.equal(ours, { ...theirs, type: 'Opaque' })
      assert.equal(ours.data, theirs.data, 'the same keys and the same base64')
      assert.equal(ours, kubectl(name, c.cert, c.key, c.namespace, 'Opaque'))
    }
  })
}

test('golden bytes for the TEST-ONLY pair', async () => {
  const r = await cli(
    [
      'secret',
      '--cert',
      F.fixedCert,
      '--key',
      F.fixedKey,
      '--ca',
      F.fixedCa,
      '--name',
      'harness-delegate-client-certificate',
      '-n',
      'harness-delegate-ng',
    ],
    { cwd: ws.dir },
  )
  assert.is(r.code, 0)
  golden('secret.expected.yaml', r.stdout)
})

test.after(() => ws.remove())
test.run()
