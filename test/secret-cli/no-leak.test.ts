/**
 * The key never leaks. Every output stream of every run below is searched for every key the tests know:
 * a body line of its PEM, or any 32-character slice of the base64 of the key file (or of its PEM body).
 * The only streams allowed to hold a key are the migrated manifest on stdout in the default mode and the
 * `secret` command's stdout — and those must (the positive control that shows the search works).
 *
 * Inputs: the sample (gets a new Secret), the UI's placeholder Secret (filled in), a file that already holds
 * the TEST-ONLY key and gets another one (rotation: old and new key both at stake), a malformed manifest, a
 * malformed manifest that holds a key (the YAML error is on the key's line), and a file that holds a key and
 * has a conflict.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  assertNoKey,
  b64,
  cli,
  E,
  F,
  findKey,
  FIXED,
  HAND_RENDERED,
  read,
  SAMPLE,
  workspace,
  type Run,
} from './harness.js'

const ws = workspace()
const KEYS = ws.keys
const test = suite('no key material in any output stream')

const withFixedKey = (
  await cli([...E, '--cert', F.fixedCert, '--key', F.fixedKey, '-'], { cwd: ws.dir, stdin: read(SAMPLE) })
).stdout
assert.ok(withFixedKey.includes(b64(FIXED.key)))

/** Fresh copies of every input under `dir/`; returns their relative paths. */
function inputs(dir: string): { ok: string[]; bad: string[] } {
  const w = (name: string, text: string) => (ws.write(`${dir}/${name}`, text), `${dir}/${name}`)
  const ok = [
    w('sample.yaml', read(SAMPLE)),
    w('placeholder.yaml', read(HAND_RENDERED)),
    // Holds the TEST-ONLY key; the run's --key replaces it, and the endpoint moves again.
    w(
      'rotation.yaml',
      withFixedKey.replace('value: https://acme.harness.io:8443\n', 'value: https://app.harness.io\n'),
    ),
  ]
  const bad = [
    w('malformed.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: [\n  name: x\n'),
    w(
      'malformed-with-key.yaml',
      withFixedKey.replace(`  client.key: ${b64(FIXED.key)}\n`, `  client.key: "${b64(FIXED.key)}\n  client.crt: x\n`),
    ),
    w(
      'conflict-with-key.yaml',
      withFixedKey.replace(
        '        secret:\n          secretName: client-certificate\n          defaultMode: 256 # 0400\n',
        '        configMap:\n          name: x\n',
      ),
    ),
  ]
  return { ok, bad }
}

const CERT = ['--cert', F.cert, '--key', F.key, '--ca', F.ca]

/** Runs, and checks both streams (stdout only when it may not hold a key). Returns the run. */
async function clean(argv: string[], opts: { stdin?: string; stdoutMayHoldKey?: boolean } = {}): Promise<Run> {
  const r = await cli(argv, { cwd: ws.dir, ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }) })
  const what = `\`delegate-mtls ${argv.join(' ')}\``
  assertNoKey(r.stderr, KEYS, `stderr of ${what}`)
  if (!opts.stdoutMayHoldKey) assertNoKey(r.stdout, KEYS, `stdout of ${what}`)
  return r
}

test('the search finds a key where one is (positive control): default stdout and `secret` stdout', async () => {
  const { ok } = inputs('control')
  for (const file of ok) {
    const r = await clean([...E, ...CERT, file], { stdoutMayHoldKey: true })
    assert.is(r.code, 0, r.stderr)
    assert.ok(findKey(r.stdout, [ws.fx.valid.key]) !== undefined, `${file}: the migrated manifest holds the new key`)
    assert.ok(r.stdout.includes(b64(ws.fx.valid.key)))
  }
  const s = await clean(['secret', ...CERT], { stdoutMayHoldKey: true })
  assert.is(s.code, 0)
  assert.ok(findKey(s.stdout, [ws.fx.valid.key]) !== undefined)
  // A single 32-character slice at an odd offset is enough to be caught.
  const slice = b64(ws.fx.valid.key).slice(101, 133)
  assert.is(findKey(`x ${slice} y`, KEYS), slice)
})

test('--check, -l, --diff, --format json: stdout and stderr', async () => {
  const { ok } = inputs('report')
  const runs: [string[], number][] = [
    [['--check'], 1],
    [['-l'], 1],
    [['--diff'], 0],
    [['--format', 'json', '--check'], 1],
    [['--format', 'json', '-l'], 1],
    [['--format', 'json', '--write', '--check'], 2], // a usage error: still nothing leaks
    [['--check', '--secret-name', '{delegate}-client-certificate'], 1],
    [['--diff', '--secret-name', '{delegate}-client-certificate'], 0],
  ]
  for (const [mode, code] of runs) {
    const r = await clean([...E, ...CERT, ...mode, ...ok])
    assert.is(r.code, code, `${mode.join(' ')}: ${r.stderr}`)
    // The rotation's warning (issuers, restart command) is among what was searched (the default Secret name is the
    // rotated one).
    if (code !== 2 && !mode.includes('--secret-name'))
      assert.ok(/ROTATION|held another client certificate/.test(r.stdout + r.stderr), mode.join(' '))
  }
  const diff = await clean([...E, ...CERT, '--diff', ...ok])
  // The new Secret, the placeholder being filled, and the rotated key all show as <redacted>.
  assert.ok(diff.stdout.includes('+  client.key: <redacted>\n'), diff.stdout)
  assert.ok(diff.stdout.includes('+  client.key: "<redacted>"\n'))
  assert.ok(diff.stdout.includes('-  client.key: "{KEY}"\n'), 'a placeholder is not a secret: it stays visible')
  assert.ok(diff.stdout.includes('-  client.key: <redacted>\n'), 'the old key of a rotation is redacted too')
  const json = await clean([...E, ...CERT, '--format', 'json', '--check', ...ok])
  const report = JSON.parse(json.stdout) as {
    files: { changes: { resource: { kind: string }; before?: unknown; after?: unknown }[] }[]
  }
  const secretChanges = report.files.flatMap((f) => f.changes).filter((c) => c.resource.kind === 'Secret')
  assert.is(secretChanges.length, 5, 'one insert, two placeholder fills, two rotated values')
  for (const c of secretChanges) {
    const after = JSON.stringify(c.after)
    assert.ok(after === '"<redacted>"' || after.includes('"client.key":"<redacted>"'), after)
  }
})

test('--write, --write -l, --out-dir, --format json --write: stdout and stderr', async () => {
  for (const mode of [['--write'], ['--write', '-l'], ['--format', 'json', '--write']]) {
    const { ok } = inputs(`write-${mode.join('')}`)
    const r = await clean([...E, ...CERT, ...mode, ...ok])
    assert.is(r.code, 0, r.stderr)
  }
  const { ok } = inputs('outdir')
  const r = await clean([...E, ...CERT, '--out-dir', 'copies', ...ok])
  assert.is(r.code, 0, r.stderr)
  // The files themselves do hold the key (that is the point of --cert).
  assert.ok(readFileSync(join(ws.dir, 'copies', ok[0]!), 'utf8').includes(b64(ws.fx.valid.key)))
})

test('errors in the manifests (malformed, malformed on the key line, a conflict), with --cert, any mode', async () => {
  const { ok, bad } = inputs('bad')
  for (const mode of [
    [],
    ['--check'],
    ['-l'],
    ['--diff'],
    ['--format', 'json', '--check'],
    ['--write'],
    ['--write', '--keep-going'],
    ['--out-dir', 'bad-copies'],
  ]) {
    const files = mode.length === 0 ? [bad[1]!] : [...ok, ...bad]
    const r = await clean([...E, ...CERT, ...mode, ...files])
    assert.is(r.code, 2, `${mode.join(' ')}: exit 2`)
    for (const b of mode.length === 0 ? [bad[1]!] : bad)
      assert.ok(r.stderr.includes(`${b}:`), `${mode.join(' ')}: ${b} is named in\n${r.stderr}`)
  }
  // Through stdin too, each bad input on its own.
  for (const b of bad) {
    const r = await clean([...E, ...CERT], { stdin: read(join(ws.dir, b)) })
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    assert.match(r.stderr, /^<stdin>:\d+:\d+: error: /)
  }
})

test('every certificate error and warning, through migrate and through `secret`', async () => {
  const pairs: string[][] = [
    ['--cert', F.expired, '--key', F.key],
    ['--cert', F.notYetValid, '--key', F.key],
    ['--cert', F.otherCaSigned, '--key', F.key, '--ca', F.ca],
    ['--cert', F.notCaSigned, '--key', F.key, '--ca', F.notCa],
    ['--cert', F.serverAuth, '--key', F.key],
    ['--cert', F.cert, '--key', F.mismatchedKey],
    ['--cert', F.cert, '--key', F.encryptedKey],
    ['--cert', F.cert, '--key', F.encryptedTraditionalKey],
    ['--cert', F.rsa1024Cert, '--key', F.rsa1024Key, '--ca', F.ca],
    ['--cert', F.expiring, '--key', F.key, '--ca', F.ca],
    // Mixed-up files: the key given as the certificate, and as the CA; a certificate given as the key.
    ['--cert', F.key, '--key', F.key],
    ['--cert', F.cert, '--key', F.key, '--ca', F.key],
    ['--cert', F.key, '--key', F.cert],
    ['--cert', F.ecCert, '--key', F.key],
  ]
  const { ok } = inputs('certs')
  for (const args of pairs) {
    const warnsOnly = args.includes(F.rsa1024Key) || args.includes(F.expiring)
    for (const mode of [['--check'], ['--diff'], ['--format', 'json', '--check'], ['--write']]) {
      const r = await clean([...E, ...args, ...mode, ...ok])
      assert.is(
        r.code,
        warnsOnly ? (mode[0] === '--check' || mode.includes('--check') ? 1 : 0) : 2,
        `${args.join(' ')} ${mode.join(' ')}: ${r.stderr}`,
      )
      assert.match(r.stderr, warnsOnly ? /: warning: / : /: error: /)
    }
    const s = await clean(['secret', ...args], { stdoutMayHoldKey: warnsOnly })
    assert.is(s.code, warnsOnly ? 0 : 2)
    if (!warnsOnly) assert.is(s.stdout, '')
  }
})

test.after(() => ws.remove())
test.run()
