/**
 * `kind: List` and the typed lists (`DeploymentList` …), as `kubectl get … -o yaml|json` prints them: each
 * item is migrated as the resource it is, in place in its List; live fields stay exactly as they are; every
 * mode (check, list, diff, JSON report, audit, revert) names the item. Inputs and goldens are in
 * test/fixtures/lists (see the README there). Regenerate with `UPDATE_GOLDENS=1 node scripts/test.mjs lists`.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { Ajv } from 'ajv'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { migrate, resolveOptions } from '../../src/pipeline/migrate.js'
import { revert } from '../../src/pipeline/revert.js'
import { audit } from '../../src/audit/audit.js'
import { formatDiagnostic } from '../../src/errors.js'
import { cli } from '../audit/cli.js'

const ROOT = join(import.meta.dirname, '..', '..')
const DIR = join(ROOT, 'test', 'fixtures', 'lists')
const SECRET_DIR = join(ROOT, 'test', 'fixtures', 'secret')
const E = 'https://acme.harness.io:8443'
const ORIGINAL = 'https://app.harness.io'
const update = process.env.UPDATE_GOLDENS === '1'
const read = (name: string) => readFileSync(join(DIR, name), 'utf8')
const INPUTS = [
  'live-deploy-cm-cronjob.yaml',
  'live-deploy-cm-cronjob.json',
  'live-deploymentlist-two-namespaces.yaml',
] as const
const expectedName = (input: string, tag = 'expected') => input.replace(/\.(yaml|json)$/, `.${tag}.$1`)
const schema = (name: string) =>
  new Ajv({ allErrors: true, strict: true }).compile(
    JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')),
  )

function golden(name: string, text: string): void {
  if (update) writeFileSync(join(DIR, name), text)
  assert.ok(existsSync(join(DIR, name)), name)
  assert.is(text, read(name), name)
}

const decodeAll = (text: string) => parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS())
const secret = () => ({
  certPem: readFileSync(join(SECRET_DIR, 'TEST-ONLY-client.crt'), 'utf8'),
  keyPem: readFileSync(join(SECRET_DIR, 'TEST-ONLY-client.key'), 'utf8'),
})

const goldens = suite('lists: goldens, fixed point, round trip')

for (const input of INPUTS) {
  goldens(`${input}: golden, a second run changes nothing, revert gives the input back`, () => {
    const text = read(input)
    const r = migrate(text, { endpoint: E, file: input })
    assert.is(r.status, 'migrated', r.diagnostics.map(formatDiagnostic).join('\n'))
    golden(expectedName(input), r.output)
    if (input.endsWith('.json')) JSON.parse(r.output)
    const again = migrate(r.output, { endpoint: E })
    assert.is(again.status, 'already')
    assert.is(again.output, r.output)
    assert.is(revert(r.output, { endpoint: ORIGINAL }).output, text)
  })

  goldens(`${input}: live fields (status, managedFields, uid, resourceVersion, last-applied …) are untouched`, () => {
    const text = read(input)
    const before = decodeAll(text)[0].items
    const after = decodeAll(migrate(text, { endpoint: E }).output)[0].items
    assert.is(after.length, before.length)
    for (let k = 0; k < before.length; k++) {
      assert.equal(after[k].status, before[k].status)
      assert.equal(after[k].metadata, before[k].metadata)
      assert.equal(after[k].kind, before[k].kind)
    }
    // Only lines of the items' own changed fields differ: the List's own lines are the same.
    const { items: _a, ...listBefore } = decodeAll(text)[0]
    const { items: _b, ...listAfter } = decodeAll(migrate(text, { endpoint: E }).output)[0]
    assert.equal(listAfter, listBefore)
  })
}

goldens(
  '--cert/--key: the Secret is a document of its own before the List (YAML and JSON); revert takes it out',
  () => {
    const options = { ...resolveOptions({ endpoint: E }), secret: secret() }
    for (const input of ['live-deploy-cm-cronjob.yaml', 'live-deploy-cm-cronjob.json']) {
      const text = read(input)
      const r = migrate(text, { ...options, file: input })
      assert.is(r.status, 'migrated', r.diagnostics.map(formatDiagnostic).join('\n'))
      golden(expectedName(input, 'with-secret.expected'), r.output)
      const docs = decodeAll(r.output)
      assert.is(docs.length, 2)
      assert.is(docs[0].kind, 'Secret')
      assert.is(docs[0].metadata.namespace, 'harness-delegate-ng')
      assert.is(docs[1].kind, 'List')
      const insert = r.changes.find((c) => c.op === 'insert')!
      assert.equal(insert.resource, {
        document: 0,
        kind: 'Secret',
        name: 'client-certificate',
        namespace: 'harness-delegate-ng',
      })
      assert.is(migrate(r.output, { ...options }).status, 'already')
      assert.is(revert(r.output, { endpoint: ORIGINAL }).output, text)
    }
  },
)

const refs = suite('lists: changes, diagnostics and audit name the item')

refs('each change names the List document, the item index and the item itself', () => {
  const r = migrate(read('live-deploymentlist-two-namespaces.yaml'), { endpoint: E })
  const items = new Set(r.changes.map((c) => `${c.resource.document}/${c.resource.item}/${c.resource.namespace}`))
  assert.equal([...items].sort(), ['0/0/harness-delegate-ng', '0/1/team-b'])
  assert.ok(r.changes.every((c) => c.resource.kind === 'Deployment' && !c.path.startsWith('items')))
  assert.equal(
    r.resources.map((x) => [x.document, x.item, x.namespace]),
    [
      [0, 0, 'harness-delegate-ng'],
      [0, 1, 'team-b'],
    ],
  )
  // The non-root item of team-b gets 0440, the root one 0400.
  assert.match(r.output, /defaultMode: 256 # 0400[\s\S]*defaultMode: 288 # 0440/)
})

refs('a diagnostic inside an item is placed at its line and column in the input', () => {
  const text = read('live-deploy-cm-cronjob.yaml').replace(
    'image: harness/delegate:25.10.87101',
    'image: harness/delegate:latest',
  )
  const r = migrate(text, { endpoint: E, file: 'l.yaml' })
  assert.is(r.status, 'error')
  const d = r.diagnostics.find((x) => x.code === 'LEGACY_DELEGATE')!
  const lines = text.split('\n')
  const line = lines.findIndex((l) => l.includes('harness/delegate:latest')) + 1
  assert.is(d.line, line)
  assert.is(d.col, lines[line - 1]!.indexOf('harness/delegate:latest') + 1)
  assert.is(r.output, text)
})

refs('a List inside a List is refused at the inner list', () => {
  const text = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: v1',
    '  kind: List',
    '  items:',
    '  - apiVersion: v1',
    '    kind: ConfigMap',
    '    metadata: {name: x}',
    '',
  ].join('\n')
  const r = migrate(text, { endpoint: E, file: 'n.yaml' })
  assert.is(r.status, 'error')
  assert.is(
    r.diagnostics.map(formatDiagnostic).join('\n'),
    'n.yaml:4:3: error: items[0] is a List inside a List: kubectl never nests lists; write its ' +
      'items into the outer list',
  )
})

refs('a List and documents beside it are one stream: the delegate item finds its upgrader in another document', () => {
  const list = read('live-deploy-cm-cronjob.yaml')
  const docs = decodeAll(list)[0]
  const onlyDeployment =
    list.slice(0, list.indexOf('- apiVersion: v1\n  data:')) + list.slice(list.indexOf('kind: List'))
  assert.is(decodeAll(onlyDeployment)[0].items.length, 1)
  const cm = docs.items[1]
  const stream = `${onlyDeployment}---\n${JSON.stringify(cm)}\n`
  const r = migrate(stream, { endpoint: E, secretName: '{delegate}-client-certificate' })
  assert.is(r.status, 'migrated')
  assert.ok(
    r.changes.some(
      (c) => c.resource.kind === 'ConfigMap' && c.resource.document === 1 && c.resource.item === undefined,
    ),
  )
  assert.ok(r.changes.some((c) => c.resource.kind === 'Deployment' && c.resource.item === 0))
})

refs('audit: one row per delegate item, with its item index; schemas hold', () => {
  const a = audit(INPUTS.map((path) => ({ path, text: read(path) })))
  assert.equal(
    a.delegates.map((d) => [d.file, d.document, d.item, d.namespace, d.state]),
    [
      ['live-deploy-cm-cronjob.yaml', 0, 0, 'harness-delegate-ng', 'none'],
      ['live-deploy-cm-cronjob.json', 0, 0, 'harness-delegate-ng', 'none'],
      ['live-deploymentlist-two-namespaces.yaml', 0, 0, 'harness-delegate-ng', 'none'],
      ['live-deploymentlist-two-namespaces.yaml', 0, 1, 'team-b', 'none'],
    ],
  )
  const validate = schema('audit')
  assert.ok(validate(JSON.parse(JSON.stringify(a))), JSON.stringify(validate.errors))
  const done = audit([{ path: 'x.json', text: migrate(read(INPUTS[1]), { endpoint: E }).output }])
  assert.equal(
    done.delegates.map((d) => [d.item, d.state, d.upgrader.state]),
    [[0, 'complete', 'agrees']],
  )
})

const modes = suite('lists: command line modes')

modes('--check, -l, --diff and --format json on a List', async () => {
  const cwd = DIR
  const check = await cli(['-e', E, '-c', INPUTS[0]], cwd)
  assert.is(check.code, 1)
  assert.match(check.stdout, /live-deploy-cm-cronjob\.yaml/)
  const list = await cli(['-e', E, '-l', INPUTS[1]], cwd)
  assert.is(list.code, 1)
  assert.is(list.stdout, `${INPUTS[1]}\n`)
  const diff = await cli(['-e', E, '--diff', INPUTS[1]], cwd)
  assert.match(diff.stdout, /^\+ +\}, \{"name": "DELEGATE_CLIENT_CERTIFICATE_PATH"/m)
  const json = await cli(['-e', E, '-c', '--format', 'json', INPUTS[2]], cwd)
  const report = JSON.parse(json.stdout) as { files: { changes: { resource: { item?: number } }[] }[] }
  const validate = schema('report')
  assert.ok(validate(report), JSON.stringify(validate.errors))
  assert.ok(report.files[0]!.changes.every((c) => c.resource.item !== undefined))
  const audited = await cli(['audit', '--format', 'json', INPUTS[2]], cwd)
  assert.equal(
    JSON.parse(audited.stdout).delegates.map((d: { item: number }) => d.item),
    [0, 1],
  )
})

goldens.run()
refs.run()
modes.run()
