/**
 * Rotation: `--cert/--key` on manifests whose client certificate Secret already holds another certificate
 * replaces its data, across a fleet in one `--write`, with one warning per Secret (the restart it needs; a new
 * issuer Harness must trust first), and changes nothing on a second run.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { assertNoKey, b64, cli, E, F, FIXED, read, SAMPLE, workspace } from './harness.js'

const ws = workspace()
const FIXED_ARGS = ['--cert', F.fixedCert, '--key', F.fixedKey]
const NEW_ARGS = ['--cert', F.cert, '--key', F.key]
const OLD = { crt: b64(FIXED.cert), key: b64(FIXED.key) }
const NEW = { crt: b64(ws.fx.valid.cert), key: b64(ws.fx.valid.key) }

const deployment = (name: string, namespace: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
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

/** A manifest already migrated with the TEST-ONLY pair: its Secret holds that certificate. */
async function migratedWithFixed(input: string): Promise<string> {
  const r = await cli([...E, ...FIXED_ARGS, '-'], { cwd: ws.dir, stdin: input })
  assert.is(r.code, 0, r.stderr)
  assert.ok(r.stdout.includes(OLD.key))
  return r.stdout
}

const rotated = (text: string, to = NEW) =>
  text
    .replaceAll(`client.crt: ${OLD.crt}\n`, `client.crt: ${to.crt}\n`)
    .replaceAll(`client.key: ${OLD.key}\n`, `client.key: ${to.key}\n`)

const ISSUER =
  'Its issuer changes from "CN=delegate-mtls TEST-ONLY CA" to "CN=Test CA": Harness must trust the ' +
  'new CA before the delegates switch, or they are refused.'

const test = suite('rotation: another certificate in an existing Secret')

test('a fleet with --write: each Secret gets the new data, one warning each; run again, nothing changes', async () => {
  const a = await migratedWithFixed(read(SAMPLE))
  const b = await migratedWithFixed(deployment('east', 'ns2') + '---\n' + deployment('west', 'ns2'))
  ws.write('fleet/a.yaml', a)
  ws.write('fleet/sub/b.yaml', b)
  const r = await cli([...E, ...NEW_ARGS, '--write', 'fleet'], { cwd: ws.dir })
  assert.is(r.code, 0, r.stderr)
  assert.is(read(join(ws.dir, 'fleet/a.yaml')), rotated(a))
  assert.is(read(join(ws.dir, 'fleet/sub/b.yaml')), rotated(b))
  assert.is.not(rotated(a), a)
  const aLine = a.split('\n').findIndex((l) => l.startsWith('  client.crt: ')) + 1
  const bLine = b.split('\n').findIndex((l) => l.startsWith('  client.crt: ')) + 1
  const warnings = r.stderr.split('\n').filter((l) => l.includes(': warning: '))
  assert.equal(warnings, [
    `fleet/a.yaml:${aLine}:3: warning: Secret "client-certificate" in namespace harness-delegate-ng ` +
      `held another client certificate, now replaced. ${ISSUER} Delegates read the key only at ` +
      `start-up: once it is applied, run kubectl rollout restart deployment/prod-us-east-delegate ` +
      `-n harness-delegate-ng`,
    `fleet/sub/b.yaml:${bLine}:3: warning: Secret "client-certificate" in namespace ns2 held ` +
      `another client certificate, now replaced. ${ISSUER} Delegates read the key only at ` +
      `start-up: once it is applied, run kubectl rollout restart deployment/east deployment/west -n ns2`,
  ])
  assert.ok(r.stderr.endsWith('2 files: 2 migrated\n'), r.stderr)
  assertNoKey(r.stderr, ws.keys, 'stderr')
  for (const f of ['fleet/a.yaml', 'fleet/sub/b.yaml']) assert.is(statSync(join(ws.dir, f)).mode & 0o777, 0o600, f)

  const mtimes = ['fleet/a.yaml', 'fleet/sub/b.yaml'].map((f) => statSync(join(ws.dir, f)).mtimeMs)
  const again = await cli([...E, ...NEW_ARGS, '--write', 'fleet'], { cwd: ws.dir })
  assert.is(again.code, 0)
  assert.is(again.stderr, 'fleet/a.yaml: already mTLS\nfleet/sub/b.yaml: already mTLS\n2 files: 2 already mTLS\n')
  assert.equal(
    ['fleet/a.yaml', 'fleet/sub/b.yaml'].map((f) => statSync(join(ws.dir, f)).mtimeMs),
    mtimes,
  )
  const check = await cli([...E, ...NEW_ARGS, '--check', 'fleet'], { cwd: ws.dir })
  assert.is(check.code, 0)
})

test('the same issuer: the warning only asks for the restart', async () => {
  const first = await cli([...E, ...NEW_ARGS, '-'], { cwd: ws.dir, stdin: deployment('d', 'ns') })
  assert.is(first.code, 0, first.stderr)
  // A second client certificate from the same CA, as `cert issue` makes it for a rotation.
  const ca = ['--ca-cert', join(ws.fx.dir, 'ca.crt'), '--ca-key', join(ws.fx.dir, 'ca.key')]
  const issued = await cli(['cert', 'issue', ...ca, '--dir', 'second', '--days', '200'], { cwd: ws.dir })
  assert.is(issued.code, 0, issued.stderr)
  ws.keys.push(read(join(ws.dir, 'second', 'client.key')))
  const second = { cert: read(join(ws.dir, 'second', 'client.crt')), key: read(join(ws.dir, 'second', 'client.key')) }
  const r = await cli([...E, '--cert', 'second/client.crt', '--key', 'second/client.key', '-'], {
    cwd: ws.dir,
    stdin: first.stdout,
  })
  assert.is(r.code, 0, r.stderr)
  assert.is(
    r.stdout,
    first.stdout
      .replace(`client.crt: ${NEW.crt}\n`, `client.crt: ${b64(second.cert)}\n`)
      .replace(`client.key: ${NEW.key}\n`, `client.key: ${b64(second.key)}\n`),
  )
  assert.is(
    r.stderr,
    '<stdin>:3:3: warning: Secret "client-certificate" in namespace ns held another client ' +
      'certificate, now replaced. Delegates read the key only at start-up: once it is applied, run ' +
      'kubectl rollout restart deployment/d -n ns\n',
  )
})

test('filling the placeholder is no rotation: no warning', async () => {
  const placeholder =
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: client-certificate\n  namespace: ns\ndata:\n  ' +
    'client.crt: "{CERT}"\n  client.key: "{KEY}"\n---\n' +
    deployment('d', 'ns')
  const r = await cli([...E, ...NEW_ARGS, '-'], { cwd: ws.dir, stdin: placeholder })
  assert.is(r.code, 0)
  assert.is(r.stderr, '')
})

test('--check --format json and --diff: the rotation is its own change, redacted, with the warning', async () => {
  const input = await migratedWithFixed(deployment('d', 'ns'))
  const json = await cli([...E, ...NEW_ARGS, '--check', '--format', 'json', '-'], { cwd: ws.dir, stdin: input })
  assert.is(json.code, 1)
  assertNoKey(json.stdout + json.stderr, ws.keys, '--format json')
  const file = (
    JSON.parse(json.stdout) as { files: { changes: Record<string, unknown>[]; warnings: Record<string, unknown>[] }[] }
  ).files[0]!
  assert.equal(
    file.changes.map((c) => [c.path, c.op, c.before, c.after, c.role, c.reason]),
    [
      ['data."client.crt"', 'set', '<redacted>', '<redacted>', 'secret', 'rotate the client certificate'],
      ['data."client.key"', 'set', '<redacted>', '<redacted>', 'secret', 'rotate the client key'],
    ],
  )
  assert.equal(
    file.warnings.map((w) => [w.code, w.role, w.line]),
    [['ROTATION', 'secret', 3]],
  )
  const diff = await cli([...E, ...NEW_ARGS, '--diff', '-'], { cwd: ws.dir, stdin: input })
  assert.is(diff.code, 0)
  assertNoKey(diff.stdout + diff.stderr, ws.keys, '--diff')
  assert.match(diff.stdout, /^-  client\.crt: <redacted>$/m)
  assert.match(diff.stdout, /^\+  client\.key: <redacted>$/m)
})

test.after(() => ws.remove())
test.run()
