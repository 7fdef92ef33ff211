/**
 * `--revert --endpoint URL` (issue 5). The property: for every fixture, corpus file (when present), derived input,
 * sample and
 * shape input that migrates, `revert(migrate(x), original endpoint)` is byte-identical to `x`.
 *
 * Inputs whose endpoint is a placeholder (`PUT_YOUR_MANAGER_ENDPOINT`) get a real URL substituted first
 * (`--revert` needs a URL), and so do Harness's test values `http://localhost:8079` for
 * LOG_STREAMING_SERVICE_URL, which is not derived from the endpoint (revert writes URL/log-service/).
 * Two kinds of input are kept out of the byte-identity property and tested for what they guarantee:
 * inputs that already carry mTLS settings (revert removes those too, so it cannot give them back), and
 * a delegate the migration had to give a MANAGER_HOST_AND_PORT (revert keeps it, set to URL).
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as yamlLib from 'yaml'
import { audit } from '../../src/audit/audit.js'
import { migrate, resolveOptions } from '../../src/pipeline/migrate.js'
import { normalizeRevertEndpoint, revert } from '../../src/pipeline/revert.js'
import { cli } from '../audit/cli.js'
import { bothSources, corpusPresent, FIXTURES_DIR } from '../helpers/corpus.js'

const ROOT = join(import.meta.dirname, '..', '..')
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'harness')
const ENDPOINT = 'https://acme.harness.io:8443'
const FALLBACK = 'https://app.harness.io'

interface Case {
  id: string
  text: string
}

function inputs(): Case[] {
  const dir = (d: string, filter: (f: string) => boolean) =>
    readdirSync(d)
      .filter((f) => /\.ya?ml$/.test(f) && filter(f))
      .sort()
      .map((f) => ({ id: `${d.slice(ROOT.length + 1) || 'corpus'}/${f}`, text: readFileSync(join(d, f), 'utf8') }))
  return [
    ...dir(FIXTURES_DIR, (f) => !f.includes('.expected.')),
    ...(corpusPresent() ? dir(CORPUS, () => true) : []).map((c) => ({
      ...c,
      id: c.id.replace(/^.*harness\//, 'corpus/'),
    })),
    ...dir(join(ROOT, 'test', 'fixtures', 'derived'), (f) => !f.includes('.expected.')),
    ...dir(join(ROOT, 'samples'), (f) => !f.includes('.mtls.')),
    ...dir(join(ROOT, 'test', 'fixtures', 'shapes'), (f) => !f.includes('.expected.')),
  ]
}

/**
 * The input with a real original endpoint (and log URL) in place of placeholders and test values, and that endpoint.
 */
function prepare(text: string): { x: string; url: string } {
  const rows = audit([{ path: 'x', text }]).delegates
  const found = rows.find((r) => r.endpoint !== null)?.endpoint ?? undefined
  let x = text
  let url = FALLBACK
  if (found !== undefined) {
    try {
      url = normalizeRevertEndpoint(found)
    } catch {
      x = x.replaceAll(found, FALLBACK)
    }
  }
  x = x
    .replace(/PUT_YOUR_MANAGER_(ENDPOINT|HOST_AND_PORT_HERE)/g, url)
    .replaceAll('http://localhost:8079', `${url}/log-service/`)
  return { x, url }
}

const hasMtls = (text: string) =>
  audit([{ path: 'x', text }]).delegates.some((d) => d.state === 'complete' || d.state === 'partial')

const property = suite('revert: revert(migrate(x)) is x')
const all = inputs()
let proved = 0

for (const c of all) {
  const { x, url } = prepare(c.text)
  const m = migrate(x, { endpoint: ENDPOINT, file: c.id })
  if (m.status !== 'migrated' || hasMtls(x)) continue
  const added = m.diagnostics.some((d) => d.code === 'ADDED_ENDPOINT')
  property(`${c.id}${added ? ' (MANAGER_HOST_AND_PORT was added)' : ''}`, () => {
    const r = revert(m.output, { endpoint: url, file: c.id })
    assert.is(r.status, 'migrated', r.diagnostics.map((d) => d.message).join('\n'))
    if (!added) {
      assert.is(r.output, x)
    } else {
      // The one thing revert cannot know was not there: it keeps MANAGER_HOST_AND_PORT, set to the URL.
      const entry = new RegExp(`\\n\\s*- name: MANAGER_HOST_AND_PORT\\n\\s*value: "${url.replace(/[.]/g, '\\.')}"`)
      assert.match(r.output, entry)
      assert.is(r.output.replace(entry, ''), x)
    }
    const again = revert(r.output, { endpoint: url })
    assert.equal(again.changes, [], 'a second revert changes nothing')
    proved++
  })
}

property('line endings, a missing final newline and a BOM come back as they were', () => {
  const picks = [
    'samples/harness-delegate.yaml',
    'test/fixtures/manifests/helm-values-chart-1.0.3.yaml',
    'test/fixtures/manifests/helm-values-chart-1.0.23.yaml',
    ...(corpusPresent() ? ['corpus/helm-values-1.0.3-2022-11.yaml', 'corpus/helm-values-1.0.23-2025-02.yaml'] : []),
    'test/fixtures/derived/docker-compose-ng-immutable-2023-08.yaml',
    'test/fixtures/shapes/helm-rendered-with-configmap.yaml',
  ]
  for (const id of picks) {
    const c = all.find((x) => x.id === id)
    assert.ok(c, id)
    const { x, url } = prepare(c!.text)
    const variants = {
      crlf: x.replace(/\n/g, '\r\n'),
      'no final newline': x.replace(/\n+$/, ''),
      'crlf, no final newline': x.replace(/\n+$/, '').replace(/\n/g, '\r\n'),
      bom: '\uFEFF' + x,
    }
    for (const [name, v] of Object.entries(variants)) {
      const m = migrate(v, { endpoint: ENDPOINT })
      assert.is(m.status, 'migrated', `${id} (${name})`)
      assert.is(revert(m.output, { endpoint: url }).output, v, `${id} (${name})`)
    }
  }
})

property('the property covers every shape: manifests, Helm values, Helm-rendered, compose, samples', () => {
  assert.ok(proved >= 16, `only ${proved} inputs`)
})

property.run()

const shapes = suite('revert: what it removes and keeps')

shapes(
  'JSON (kubectl get -o json): the items and keys appended on a line of their own go, every other line stays',
  () => {
    const { parseAllDocuments } = yamlLib
    const sample = readFileSync(join(ROOT, 'samples', 'harness-delegate.yaml'), 'utf8')
    for (const kind of ['Deployment', 'CronJob']) {
      const doc = parseAllDocuments(sample, { version: '1.1' })
        .map((d) => d.toJS())
        .find((d) => d?.kind === kind)
      const json = JSON.stringify(doc, null, 4) + '\n'
      const m = migrate(json, { endpoint: ENDPOINT })
      assert.is(m.status, 'migrated', kind)
      const r = revert(m.output, { endpoint: FALLBACK })
      assert.is(r.status, 'migrated', r.diagnostics.map((d) => d.message).join('\n'))
      assert.is(r.output, json, kind)
    }
  },
)

shapes('inputs already carrying mTLS settings come out without any (audit: none)', () => {
  const withMtls = all.filter((c) => hasMtls(c.text))
  assert.ok(withMtls.length >= 2, withMtls.map((c) => c.id).join(', '))
  for (const c of withMtls) {
    const r = revert(c.text, { endpoint: FALLBACK, file: c.id })
    if (r.status === 'error') continue
    const states = audit([{ path: c.id, text: r.output }]).delegates.map((d) => d.state)
    assert.ok(
      states.every((s) => s === 'none' || s === 'legacy'),
      `${c.id}: ${states.join(', ')}`,
    )
    assert.not.match(
      r.output,
      new RegExp(
        [
          'DELEGATE_CLIENT_CERTIFICATE_PATH',
          'clientCertificateFilePath',
          'GRPC_AUTHORITY_MODIFICATION_DISABLED',
          'name: client-certificate',
        ].join('|'),
      ),
      c.id,
    )
  }
})

shapes("the project's UI mTLS rendering, reverted, is its plain rendering", () => {
  const mtls = readFileSync(join(FIXTURES_DIR, 'ui-immutable-clusteradmin-mtls.yaml'), 'utf8')
  const plain = readFileSync(join(FIXTURES_DIR, 'ui-immutable-clusteradmin.yaml'), 'utf8')
  const r = revert(mtls, { endpoint: 'https://app.harness.io/gratis' })
  assert.is(r.output, plain)
  assert.ok(
    r.changes.some(
      (c) => c.op === 'remove' && c.path === '' && c.resource.name === 'harness-delegate-client-certificate',
    ),
    'the placeholder Secret of the mTLS rendering goes too',
  )
})

if (corpusPresent())
  shapes("the UI's mTLS rendering, reverted, is the UI's plain rendering (same image and test values)", () => {
    const mtls = readFileSync(join(CORPUS, 'ng-template-mtls-immutable-2023-11-hand-rendered.yaml'), 'utf8')
    const plain = readFileSync(join(CORPUS, 'ng-ui-rendered-immutable-clusteradmin-2023-11.yaml'), 'utf8')
      .replace('harness/delegate:latest', 'harness/delegate:24.09.83900')
      .replace('"http://localhost:8079"', '"https://localhost:9090/log-service/"')
    const r = revert(mtls, { endpoint: 'https://localhost:9090' })
    assert.is(r.output, plain)
    assert.ok(
      r.changes.some(
        (c) => c.op === 'remove' && c.path === '' && c.resource.name === 'harness-delegate-client-certificate',
      ),
      'the placeholder Secret of the mTLS template goes too',
    )
  })

shapes('a Secret generated with --cert/--key is removed whole; any other Secret stays', () => {
  const sample = readFileSync(join(ROOT, 'samples', 'harness-delegate.yaml'), 'utf8')
  const options = {
    ...resolveOptions({ endpoint: ENDPOINT }),
    secret: {
      certPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      keyPem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
    },
  }
  const m = migrate(sample, options)
  assert.is(m.status, 'migrated', m.diagnostics.map((d) => d.message).join('\n'))
  assert.ok(m.changes.some((c) => c.op === 'insert'))
  const r = revert(m.output, { endpoint: FALLBACK })
  assert.is(r.output, sample)
  const removed = r.changes.filter((c) => c.op === 'remove' && c.path === '')
  assert.equal(
    removed.map((c) => `${c.resource.kind} ${c.resource.name}`),
    ['Secret client-certificate'],
  )
  assert.not.match(JSON.stringify(r.changes), /MIIB|MIIE/, 'key material never enters a change')
  // A Secret with other keys, or another name, is not ours.
  const foreign = m.output.replace('  client.key: ', '  tls.key: ')
  assert.match(revert(foreign, { endpoint: FALLBACK }).output, /kind: Secret\nmetadata:\n {2}name: client-certificate/)
})

shapes('a Secret inserted before a first document without --- takes the added --- with it', () => {
  const docs = readFileSync(join(ROOT, 'samples', 'harness-delegate.yaml'), 'utf8').split('\n---\n\n')
  const alone = docs.find((d) => d.includes('kind: Deployment'))!.replace(/\n*$/, '\n')
  const options = { ...resolveOptions({ endpoint: ENDPOINT }), secret: { certPem: 'C', keyPem: 'K' } }
  const m = migrate(alone, options)
  assert.match(m.output, /\ntype: Opaque\n---\napiVersion: apps\/v1\n/)
  assert.is(revert(m.output, { endpoint: FALLBACK }).output, alone)
})

shapes("a list the migration filled but did not create keeps its key (a chart's commented examples)", () => {
  for (const { text: values } of bothSources('helm-values-chart-1.0.23.yaml', 'helm-values-1.0.23-2025-02.yaml')) {
    const r = revert(migrate(values, { endpoint: ENDPOINT }).output, { endpoint: FALLBACK })
    assert.match(r.output, /\ncustom_envs:\n {2}# - name: DELEGATE_TASK_CAPACITY\n/)
    assert.match(r.output, /\nmTLS:\n {2}secretName: ""\n/)
    assert.equal(
      r.changes.map((c) => `${c.op} ${c.path}`),
      ['set managerEndpoint', 'set mTLS.secretName', 'set custom_envs'],
    )
  }
})

shapes('a volume another container still mounts stays; only the file mode written as "256 # 0400" goes', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: d',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:25.10.87101',
    '        env:',
    '        - name: MANAGER_HOST_AND_PORT',
    '          value: https://acme.harness.io:8443',
    '        volumeMounts:',
    '        - name: client-certificate',
    '          mountPath: /etc/mtls',
    '      - name: sidecar',
    '        image: busybox:1.36',
    '        volumeMounts:',
    '        - name: client-certificate',
    '          mountPath: /certs',
    '      volumes:',
    '      - name: client-certificate',
    '        secret:',
    '          secretName: client-certificate',
    '          defaultMode: 256 # 0400',
    '',
  ].join('\n')
  const r = revert(text, { endpoint: FALLBACK })
  assert.match(
    r.output,
    /\n {6}volumes:\n {6}- name: client-certificate\n {8}secret:\n {10}secretName: client-certificate\n$/,
  )
  assert.not.match(r.output, /mountPath: \/etc\/mtls/)
  const theirs = revert(text.replace('256 # 0400', '0400'), { endpoint: FALLBACK })
  assert.match(theirs.output, /defaultMode: 0400\n$/)
})

shapes('--revert needs an http(s) URL; an account path is kept', () => {
  assert.is(normalizeRevertEndpoint('https://app.harness.io/gratis/'), 'https://app.harness.io/gratis')
  assert.throws(() => normalizeRevertEndpoint('PUT_YOUR_MANAGER_ENDPOINT'), /is not a URL/)
  assert.throws(() => normalizeRevertEndpoint('ftp://x'), /not http\(s\)/)
})

shapes('nothing to revert: status none, output unchanged', () => {
  const sample = readFileSync(join(ROOT, 'samples', 'harness-delegate.yaml'), 'utf8')
  const r = revert(sample, { endpoint: FALLBACK })
  assert.is(r.status, 'none')
  assert.is(r.output, sample)
})

shapes.run()

const cliSuite = suite('revert: command line')

cliSuite(
  '--revert -e URL prints the reverted manifest; --check exits 1 while there is something to revert',
  async () => {
    const mtls = readFileSync(join(ROOT, 'samples', 'harness-delegate.mtls.yaml'), 'utf8')
    const sample = readFileSync(join(ROOT, 'samples', 'harness-delegate.yaml'), 'utf8')
    const out = await cli(['--revert', '-e', FALLBACK], ROOT, mtls)
    assert.is(out.code, 0, out.stderr)
    assert.is(out.stdout, sample)
    assert.is((await cli(['--revert', '-e', FALLBACK, '--check'], ROOT, mtls)).code, 1)
    assert.is((await cli(['--revert', '-e', FALLBACK, '--check'], ROOT, sample)).code, 0)
    const bad = await cli(['--revert', '-e', 'PUT_YOUR_MANAGER_ENDPOINT'], ROOT, mtls)
    assert.is(bad.code, 2)
    assert.match(bad.stderr, /--revert --endpoint "PUT_YOUR_MANAGER_ENDPOINT" is not a URL/)
  },
)

cliSuite.run()
