/**
 * Files that get key data: written with mode 0600; inside a git work tree, a warning that points GitOps repos
 * at Sealed Secrets or External Secrets; outside one, no warning. Also through the real bin (the committed
 * bundle), as a user runs it.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mayHoldSecretData, textHoldsKey } from '../../src/cli/key-files.js'
import { redactSecretData } from '../../src/secret/render-secret.js'
import { ENDPOINT, repositoryTexts } from '../helpers/corpus.js'
import { migrate } from '../../src/pipeline/migrate.js'
import { b64, bin, cli, E, F, FIXED, FIXTURES, gitInit, HAND_RENDERED, read, SAMPLE, workspace } from './harness.js'

const ws = workspace()
/** The files a key could be written in: manifests, JSON reports, error goldens, diffs. */
const TEXT_FILE = /\.(ya?ml|json|txt|diff)$/
const CERT = ['--cert', F.cert, '--key', F.key]
const mode = (path: string) => statSync(path).mode & 0o777
const gitWarning = (shown: string, root: string) =>
  `${shown}: warning: this file now holds a private key and is inside a git work tree (${root}); do not commit it — ` +
  'in GitOps repos use Sealed Secrets or External Secrets for the client certificate Secret\n'
const REPORT = /^(\S+): migrated \(\d+ changes\)\n1 file: 1 migrated\n$/

function insideGit(dir: string): boolean {
  try {
    execFileSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const test = suite('files that get key data')

test('precondition: the temp folder is not inside a git work tree', () => {
  assert.not.ok(insideGit(ws.dir), `${ws.dir} is inside a git work tree: the "no warning" cases would mean nothing`)
})

test('--write outside git: mode 0600 (from 0644 and from 0664), no warning', async () => {
  for (const [rel, before] of [
    ['plain/d.yaml', 0o644],
    ['plain/group.yaml', 0o664],
  ] as const) {
    const file = ws.sample(rel)
    chmodSync(file, before)
    const r = await cli([...E, ...CERT, '--write', rel], { cwd: ws.dir })
    assert.is(r.code, 0)
    assert.match(r.stderr, REPORT)
    assert.not.match(r.stderr, /Sealed Secrets|git/)
    assert.is(mode(file).toString(8), '600')
    assert.ok(read(file).includes(`  client.key: ${b64(ws.fx.valid.key)}\n`))
  }
})

test('--write inside a git work tree: mode 0600 and the Sealed Secrets / External Secrets warning', async () => {
  const repo = join(ws.dir, 'repo')
  ws.sample('repo/clusters/prod/d.yaml')
  gitInit(repo)
  const r = await cli([...E, ...CERT, '--write', 'repo/clusters/prod/d.yaml'], { cwd: ws.dir })
  assert.is(r.code, 0)
  // The warning, as the file is written; then the usual report.
  const warning = gitWarning('repo/clusters/prod/d.yaml', repo)
  assert.ok(r.stderr.startsWith(warning), r.stderr)
  assert.match(r.stderr.slice(warning.length), REPORT)
  assert.is(mode(join(repo, 'clusters/prod/d.yaml')).toString(8), '600')
})

test('a git worktree or submodule (`.git` is a file) counts as a work tree too', async () => {
  const repo = join(ws.dir, 'worktree')
  ws.sample('worktree/d.yaml')
  writeFileSync(join(repo, '.git'), 'gitdir: /elsewhere/.git/worktrees/w\n')
  const r = await cli([...E, ...CERT, '--write', 'worktree/d.yaml'], { cwd: ws.dir })
  assert.is(r.code, 0)
  assert.ok(r.stderr.includes(gitWarning('worktree/d.yaml', repo)), r.stderr)
})

test('filling the placeholder Secret is writing key data too: 0600 and the warning', async () => {
  const repo = join(ws.dir, 'ui')
  const file = ws.write('ui/delegate.yaml', read(HAND_RENDERED))
  chmodSync(file, 0o644)
  gitInit(repo)
  const r = await cli([...E, ...CERT, '--write', 'ui/delegate.yaml'], { cwd: ws.dir })
  assert.is(r.code, 0)
  assert.ok(r.stderr.includes(gitWarning('ui/delegate.yaml', repo)), r.stderr)
  assert.is(mode(file).toString(8), '600')
  assert.ok(read(file).includes(`  client.key: "${b64(ws.fx.valid.key)}"\n`))
})

test('no key data, no change of mode and no warning (migration without --cert, inside git)', async () => {
  const repo = join(ws.dir, 'nokey')
  const file = ws.sample('nokey/d.yaml')
  chmodSync(file, 0o644)
  gitInit(repo)
  const r = await cli([...E, '--write', 'nokey/d.yaml'], { cwd: ws.dir })
  assert.is(r.code, 0)
  assert.match(r.stderr, REPORT)
  assert.is(mode(file).toString(8), '644')
})

test('a second run writes nothing: no warning, the mode stays 0600', async () => {
  const repo = join(ws.dir, 'again')
  const file = ws.sample('again/d.yaml')
  gitInit(repo)
  assert.is((await cli([...E, ...CERT, '--write', 'again/d.yaml'], { cwd: ws.dir })).code, 0)
  const bytes = readFileSync(file)
  const r = await cli([...E, ...CERT, '--write', 'again/d.yaml'], { cwd: ws.dir })
  assert.is(r.code, 0)
  assert.is(r.stderr, 'again/d.yaml: already mTLS\n1 file: 1 already mTLS\n')
  assert.ok(readFileSync(file).equals(bytes))
  assert.is(mode(file).toString(8), '600')
})

test('--out-dir: the copy is 0600; the warning names the copy when it lands in a git work tree', async () => {
  ws.sample('src-a/d.yaml')
  const plain = await cli([...E, ...CERT, '--out-dir', 'out-plain', 'src-a/d.yaml'], { cwd: ws.dir })
  assert.is(plain.code, 0)
  assert.not.match(plain.stderr, /Sealed Secrets/)
  assert.is(mode(join(ws.dir, 'out-plain/src-a/d.yaml')).toString(8), '600')

  const repo = join(ws.dir, 'gitops')
  gitInit(repo)
  const r = await cli([...E, ...CERT, '--out-dir', 'gitops/rendered', 'src-a/d.yaml'], { cwd: ws.dir })
  assert.is(r.code, 0)
  const copy = join(repo, 'rendered/src-a/d.yaml')
  assert.ok(r.stderr.includes(gitWarning(copy, repo)), r.stderr)
  assert.is(mode(copy).toString(8), '600')
  assert.is(mode(join(ws.dir, 'src-a/d.yaml')).toString(8), '644', 'the source is left alone')
})

test('errors write nothing and warn about nothing, inside git', async () => {
  const repo = join(ws.dir, 'err')
  const file = ws.sample('err/d.yaml')
  chmodSync(file, 0o644)
  gitInit(repo)
  const r = await cli([...E, '--cert', F.expired, '--key', F.key, '--write', 'err/d.yaml'], { cwd: ws.dir })
  assert.is(r.code, 2)
  assert.not.match(r.stderr, /Sealed Secrets/)
  assert.is(mode(file).toString(8), '644')
  assert.ok(readFileSync(file).equals(readFileSync(SAMPLE)))
})

test('textHoldsKey (for callers that write a copy of a file that already holds a key, e.g. --out-dir)', () => {
  assert.ok(textHoldsKey(read(join(FIXTURES, 'harness-delegate.with-secret.expected.yaml'))))
  assert.ok(textHoldsKey(`stringData:\n  key.pem: |\n    ${ws.fx.ec.key.replace(/\n/g, '\n    ')}`))
  assert.not.ok(textHoldsKey(read(SAMPLE)))
  assert.not.ok(textHoldsKey(read(HAND_RENDERED)), 'placeholders are not keys')
})

test(
  'textHoldsKey says what the full redaction says, on every manifest, fixture and golden of the ' +
    'repository and on keys in every form',
  () => {
    const full = (text: string) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text) || redactSecretData(text) !== text
    const texts: string[] = []
    for (const { text } of repositoryTexts(TEXT_FILE)) {
      // And what a migration makes of it: the texts textHoldsKey sees on --write.
      texts.push(text, migrate(text, { endpoint: ENDPOINT }).output)
    }
    const key = ws.fx.ec.key
    const b64key = b64(key)
    texts.push(
      `data:\n  client.key: ${b64key}\n`,
      `data:\n  "client.crt" : ${b64key}\n`,
      `{"data": {"tls.key": "${b64key}"}}`,
      `{"data": {"tls.key":"<base64 of the key>"}}`,
      `stringData:\n  client.key: |\n    ${key.replace(/\n/g, '\n    ')}`,
      `@@ -1,2 +1,2 @@\n-  client.key: ${b64key}\n+  client.key: ""\n`,
      `annotations:\n  blob: ${b64key}\n`,
      `value: /etc/mtls/client.crt\n`,
      `data:\n  client.key: ""\n  client.crt: e30=\n`,
    )
    assert.ok(texts.length > 100, `only ${texts.length} texts`)
    let holding = 0
    for (const t of texts) {
      assert.is(textHoldsKey(t), full(t), t.slice(0, 200))
      if (full(t)) holding++
    }
    assert.ok(holding >= 5, `only ${holding} of the texts hold a key: the comparison would prove little`)
  },
)

test(
  'mayHoldSecretData is the regular expression it stands for, on every text above and on random ' +
    'texts made of its edge cases',
  () => {
    const regex = /(?:client\.key|client\.crt|tls\.key)["']?[ \t]*:|[A-Za-z0-9+/]{40}/
    const texts = repositoryTexts(TEXT_FILE).map((t) => t.text)
    // Pieces that sit on the boundaries: the names (whole, cut short, run together), quotes, blanks,
    // colons, base64 letters and what is not one (a '-', '=', '.', non-ASCII); then also runs of 20, 39,
    // 40 and 41 (without them first, so that a name's colon decides on its own).
    const short = [
      'client.key',
      'client.crt',
      'tls.key',
      'client.ke',
      'tls.',
      'client.keyy',
      '"',
      "'",
      ' ',
      '\t',
      ':',
      '\n',
      'A',
      'z',
      '0',
      '9',
      '+',
      '/',
      '-',
      '=',
      '.',
      'é',
      '\u0100',
    ]
    const runs = [...short, 'x'.repeat(20), 'A'.repeat(39), 'b'.repeat(40), '/'.repeat(41)]
    let seed = 7
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    for (const pieces of [short, runs]) {
      for (let i = 0; i < 20000; i++)
        texts.push(Array.from({ length: 1 + rand(12) }, () => pieces[rand(pieces.length)]).join(''))
    }
    let yes = 0
    for (const t of texts) {
      assert.is(mayHoldSecretData(t), regex.test(t), JSON.stringify(t.slice(0, 200)))
      if (regex.test(t)) yes++
    }
    assert.ok(yes > 1000 && yes < texts.length - 1000, `${yes} of ${texts.length} match: both answers must be common`)
  },
)

test.run()

// ---- The real bin ------------------------------------------------------------------------------
const e2e = suite('the real bin (dist/ bundle): secret, --write, exit codes')

e2e('secret: the golden bytes; an error: exit 2 and the message; a warning: exit 0', () => {
  const ok = bin(
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
  assert.is(ok.stderr, '')
  assert.is(ok.code, 0)
  assert.is(ok.stdout, read(join(FIXTURES, 'secret.expected.yaml')))
  const bad = bin(['secret', '--cert', F.cert, '--key', F.mismatchedKey], { cwd: ws.dir })
  assert.is(bad.code, 2)
  assert.is(bad.stdout, '')
  assert.match(
    bad.stderr,
    /^certs\/mismatched\.key: error: the private key in certs\/mismatched\.key does not belong to the certificate/,
  )
  const warn = bin(['secret', '--cert', F.rsa1024Cert, '--key', F.rsa1024Key], { cwd: ws.dir })
  assert.is(warn.code, 0)
  assert.is(
    warn.stderr,
    `${F.rsa1024Key}: warning: the RSA key in ${F.rsa1024Key} has 1024 bits; use at least 2048 bits\n`,
  )
})

e2e('migrate: the golden from stdin; --write in a git work tree: 0600 and the warning', () => {
  const out = bin([...E, '--cert', F.fixedCert, '--key', F.fixedKey], { cwd: ws.dir, stdin: read(SAMPLE) })
  assert.is(out.stderr, '')
  assert.is(out.code, 0)
  assert.is(out.stdout, read(join(FIXTURES, 'harness-delegate.with-secret.expected.yaml')))
  assert.ok(out.stdout.includes(b64(FIXED.key)))

  const repo = join(ws.dir, 'bin-repo')
  const file = ws.sample('bin-repo/d.yaml')
  chmodSync(file, 0o644)
  gitInit(repo)
  const w = bin([...E, '--cert', F.fixedCert, '--key', F.fixedKey, '--write', 'bin-repo/d.yaml'], { cwd: ws.dir })
  assert.is(w.code, 0)
  assert.ok(w.stderr.includes(gitWarning('bin-repo/d.yaml', repo)), w.stderr)
  assert.is(mode(file).toString(8), '600')
  assert.is(read(file), read(join(FIXTURES, 'harness-delegate.with-secret.expected.yaml')))

  const expired = bin([...E, '--cert', F.expired, '--key', F.key, '--write', 'bin-repo/d.yaml'], { cwd: ws.dir })
  assert.is(expired.code, 2)
  assert.is(read(file), read(join(FIXTURES, 'harness-delegate.with-secret.expected.yaml')))
})

e2e.after(() => ws.remove())
e2e.run()
