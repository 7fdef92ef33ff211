// The private key never appears in an output stream: a Secret in the input holds `client.key` (the
// base64 of a PEM key), a broken YAML file has key material on the line that breaks it, and every
// error of the hostile-input and disk-fault suites is provoked with the key present. stdout and stderr
// are searched for every PEM body line, the base64 of the PEM, and any 24-character slice of either.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { generateKeyPairSync } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFaults } from '../../src/io/index.js'
import { ENDPOINT, hasStackTrace, makeTmp, runBin, runMain, type CliResult } from './helpers/cli.js'
import { aliasBomb, delegateYaml } from './helpers/fixtures.js'

const test = suite('robust: the private key never reaches an output stream')
let tmp: ReturnType<typeof makeTmp>
let pem = ''
let b64 = ''
/** Every string whose presence in an output is a leak. */
let needles: string[] = []

test.before(() => {
  tmp = makeTmp()
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  b64 = Buffer.from(pem).toString('base64')
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'))
  const slices = (s: string) =>
    Array.from({ length: Math.floor((s.length - 24) / 12) + 1 }, (_, i) => s.slice(i * 12, i * 12 + 24))
  needles = [...body, b64, ...slices(body.join('')), ...slices(b64)]
})
test.after(() => {
  delete writeFaults.beforeWrite
  tmp.remove()
})

let n = 0
function file(name: string, content: string | Buffer): { dir: string; rel: string } {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  writeFileSync(join(dir, name), content)
  return { dir, rel: name }
}

function noLeak(r: CliResult, what: string): void {
  assert.not.ok(r.timedOut, `${what}: hang`)
  assert.not.ok(hasStackTrace(r.stderr), `${what}: stack trace\n${r.stderr}`)
  for (const [stream, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    const hit = needles.find((s) => text.includes(s))
    assert.not.ok(hit, `${what}: key material on ${stream}: …${hit}…\n${text.slice(0, 2000)}`)
  }
}

const secretDoc = (keyValue = b64) =>
  [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: client-certificate',
    'type: Opaque',
    'data:',
    `  client.crt: ${Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64')}`,
    `  client.key: ${keyValue}`,
    '',
  ].join('\n')

/** Every error, with the key in the same file. */
const broken: Record<string, () => string | Buffer> = {
  'malformed YAML elsewhere': () =>
    `${secretDoc()}---\n${delegateYaml().replace('      containers:\n', '      containers: [\n')}`,
  'the broken line holds the base64 key (unclosed quote)': () =>
    `${secretDoc().replace(`client.key: ${b64}`, `client.key: "${b64}`)}---\n${delegateYaml()}`,
  'the broken line holds the base64 key (bad indentation)': () =>
    `${secretDoc().replace(`  client.key: ${b64}`, `  client.key:\n${b64}\n   x: [`)}---\n${delegateYaml()}`,
  'a raw PEM key pasted as a value, breaking the YAML': () =>
    `${secretDoc().replace(`client.key: ${b64}`, `client.key: ${pem}`)}---\n${delegateYaml()}`,
  'a raw PEM key after a tab': () =>
    `${secretDoc().replace(`  client.key: ${b64}`, `\tclient.key: ${pem.split('\n').join('\n\t')}`)}`,
  'duplicate client.key': () => `${secretDoc()}  client.key: ${b64}\n---\n${delegateYaml()}`,
  'the key as an alias of a bomb': () =>
    `${delegateYaml('d', { annotations: [...aliasBomb(9), `key: ${b64}`] })}---\n${secretDoc()}`,
  'invalid UTF-8 right after the key': () =>
    Buffer.concat([
      Buffer.from(`${secretDoc()}---\n${delegateYaml()}`.replace(`${b64}\n`, `${b64}`)),
      Buffer.from([0xff, 0x0a]),
    ]),
  'a NUL byte after the key': () => `${secretDoc().replace(`${b64}\n`, `${b64}\0\n`)}---\n${delegateYaml()}`,
  'a legacy delegate': () =>
    `${secretDoc()}---\n${delegateYaml().replace('harness/delegate:25.10.87101', 'harness/delegate:latest')}`,
  'a conflict (volume client-certificate is not a secret)': () =>
    `${secretDoc()}---\n${delegateYaml()}      volumes:\n      - name: client-certificate\n        emptyDir: {}\n`,
  'the key in a schema error (env value a mapping)': () =>
    `${secretDoc()}---\n${delegateYaml('d', { env: ['        - name: X', `          value: {k: ${b64}}`] })}`,
  'the key as an env var name': () =>
    `${secretDoc()}---\n${delegateYaml('d', {
      env: [`        - name: ${b64.slice(0, 200)}`, '          valueFrom: 12'],
    })}`,
  'deep nesting beside the key': () => `${secretDoc()}---\nx: ${'['.repeat(3000)}${b64}${']'.repeat(3000)}\n`,
}

test(
  'under every input error, with the key in the file: exit 2 and no key material in stdout or ' +
    'stderr (stdout, --check, --diff, --write, -l, --format json)',
  async () => {
    for (const [name, make] of Object.entries(broken)) {
      const { dir, rel } = file('all.yaml', make())
      for (const mode of [
        [],
        ['--check'],
        ['--diff'],
        ['--write'],
        ['-l'],
        ['--format', 'json', '--check'],
        ['--write', '--keep-going'],
      ]) {
        const r = await runMain(['-e', ENDPOINT, ...mode, rel], { cwd: dir })
        noLeak(r, `${name} ${mode.join(' ')}`)
        assert.is(r.code, 2, `${name} ${mode.join(' ')}: exit ${r.code}\n${r.stderr}`)
      }
    }
  },
)

test('the real bin too (a raw PEM key breaking the YAML, and a bomb), on stdout and stderr', async () => {
  for (const name of [
    'a raw PEM key pasted as a value, breaking the YAML',
    'the key as an alias of a bomb',
    'the broken line holds the base64 key (unclosed quote)',
  ]) {
    const { dir, rel } = file('all.yaml', broken[name]!())
    const r = await runBin(['-e', ENDPOINT, '--diff', rel], { cwd: dir, timeoutMs: 20_000 })
    noLeak(r, `bin ${name}`)
    assert.is(r.code, 2, r.stderr)
    const s = await runBin(['-e', ENDPOINT, '-'], { stdin: broken[name]!(), timeoutMs: 20_000 })
    noLeak(s, `bin stdin ${name}`)
    assert.is(s.code, 2)
  }
})

test(
  '--diff, --check, -l and the JSON report of a successful migration never show the key, even ' +
    'when its Secret is in the diff context',
  async () => {
    // The Secret right after the delegate: its data lines fall within the diff's 3 context lines.
    const compactSecret =
      `data:\n  client.key: ${b64}\n  client.crt: ${b64}\nkind: ` +
      `Secret\napiVersion: v1\nmetadata:\n  name: client-certificate\n`
    for (const text of [
      `${delegateYaml()}---\n${compactSecret}`,
      `${compactSecret}---\n${delegateYaml()}`,
      `${delegateYaml()}---\n{"kind": "Secret", "apiVersion": "v1", "metadata": {"name": "c"}, ` +
        `"data": {"client.key": "${b64}"}}\n`,
    ]) {
      const { dir, rel } = file('ok.yaml', text)
      for (const mode of [
        ['--diff'],
        ['--check'],
        ['-l'],
        ['--format', 'json', '--check'],
        ['--format', 'json', '--write'],
        ['--write'],
      ]) {
        const r = await runMain(['-e', ENDPOINT, ...mode, rel], { cwd: dir })
        noLeak(r, `ok ${mode.join(' ')}`)
        assert.ok(r.code === 0 || r.code === 1, `${mode.join(' ')}: exit ${r.code}\n${r.stderr}`)
      }
    }
  },
)

test('disk faults and size limits with the key in the file: the errors name the file, never its content', async () => {
  const text = `${secretDoc()}---\n${delegateYaml()}`
  // Read-only.
  const ro = file('ro.yaml', text)
  chmodSync(join(ro.dir, ro.rel), 0o444)
  noLeak(await runMain(['-e', ENDPOINT, '--write', ro.rel], { cwd: ro.dir }), 'read-only')
  // Over --max-bytes.
  const big = file('big.yaml', text)
  noLeak(await runMain(['-e', ENDPOINT, '--max-bytes', '100', big.rel], { cwd: big.dir }), 'max-bytes')
  noLeak(await runMain(['-e', ENDPOINT, '--max-bytes', '100', '-'], { stdin: text }), 'max-bytes stdin')
  // Disk full, injected.
  const full = file('full.yaml', text)
  writeFaults.beforeWrite = () => {
    throw Object.assign(new Error(`ENOSPC: no space left on device, write ${b64.slice(0, 40)}`), { code: 'ENOSPC' })
  }
  try {
    const r = await runMain(['-e', ENDPOINT, '--write', full.rel], { cwd: full.dir })
    noLeak(r, 'disk full')
    assert.is(r.code, 2)
  } finally {
    delete writeFaults.beforeWrite
  }
  // --cert/--key: a key that does not parse, and one that does not match the certificate.
  const bad = file('key.pem', pem.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!'))
  writeFileSync(join(bad.dir, 'd.yaml'), delegateYaml())
  writeFileSync(join(bad.dir, 'cert.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')
  for (const key of ['key.pem']) {
    const r = await runMain(['-e', ENDPOINT, '--cert', 'cert.pem', '--key', key, 'd.yaml'], { cwd: bad.dir })
    noLeak(r, `--key ${key}`)
    assert.is(r.code, 2, r.stderr)
    const s = await runMain(['secret', '--cert', 'cert.pem', '--key', key], { cwd: bad.dir })
    noLeak(s, `secret --key ${key}`)
    assert.is(s.code, 2, s.stderr)
  }
})

test.run()
