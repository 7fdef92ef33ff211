/**
 * Planning a large stream a group of related documents at a time (src/mtls/plan-groups.ts) must give
 * exactly what planning the whole stream at once gives: the same output bytes, the same changes in the
 * same order, the same diagnostics in the same order. Checked on every corpus, derived, sample and
 * shape input, on all of them concatenated into one stream (many delegates sharing names and
 * namespaces), on that stream with its documents shuffled, and on cases built so that the name-based
 * grouping misses a relation and planning has to widen the group (src/mtls/scope.ts).
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate, type MigrateOptions } from '../../src/pipeline/migrate.js'
import { resolveOptions } from '../../src/pipeline/migrate.js'
import type { MtlsOptions } from '../../src/mtls/types.js'
import { documentStarts } from '../../src/yaml/spans.js'
import { planInGroups } from '../../src/mtls/plan-groups.js'
import { ENDPOINT, goldenCases, REPO_ROOT } from '../helpers/corpus.js'
import fc from 'fast-check'
import { manifestArb } from '../robust/helpers/manifest-gen.js'

const test = suite('plan-groups')

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBgroupedplanningtest\n-----END CERTIFICATE-----\n'
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIEgroupedplanningtest\n-----END PRIVATE KEY-----\n'

/** Option sets that exercise every cross-document rule: Secret insertion, `{delegate}` names, TI. */
const OPTION_SETS: [string, (file: string) => MtlsOptions & { file: string }][] = [
  ['defaults', (file) => ({ ...resolveOptions({ endpoint: ENDPOINT }), file })],
  ['--cert', (file) => ({ ...resolveOptions({ endpoint: ENDPOINT }), secret: { certPem: CERT, keyPem: KEY }, file })],
  [
    '--cert --secret-name {delegate}-mtls --ti-service',
    (file) => ({
      ...resolveOptions({ endpoint: ENDPOINT, secretName: '{delegate}-mtls', tiService: true }),
      secret: { certPem: CERT, keyPem: KEY },
      file,
    }),
  ],
]

function inputs(): { id: string; text: string }[] {
  const dir = (d: string, keep: (f: string) => boolean) =>
    readdirSync(d)
      .filter((f) => /\.ya?ml$/.test(f) && keep(f))
      .sort()
      .map((f) => ({ id: `${d.slice(REPO_ROOT.length)}/${f}`, text: readFileSync(join(d, f), 'utf8') }))
  return [
    ...goldenCases().map((c) => ({ id: c.id, text: c.input })),
    ...dir(join(REPO_ROOT, 'samples'), (f) => !f.includes('.mtls.')),
    ...dir(join(REPO_ROOT, 'test', 'fixtures', 'shapes'), (f) => !f.includes('.expected')),
  ]
}

/** Both ways, compared field by field (the message says which input and which field differ). */
function same(id: string, text: string, options: MtlsOptions & { file: string }): string {
  const whole = migrate(text, options, { grouped: false })
  const grouped = migrate(text, options, { grouped: true })
  for (const key of ['status', 'output', 'changes', 'diagnostics', 'unresolved', 'resources'] as const) {
    assert.equal(grouped[key], whole[key], `${id}: ${key} differs when planned in groups`)
  }
  return whole.status
}

test('every corpus, derived, sample and shape input: grouped planning equals whole-stream planning', () => {
  const statuses = new Set<string>()
  for (const { id, text } of inputs()) for (const [, opts] of OPTION_SETS) statuses.add(same(id, text, opts(id)))
  // The inputs cover refusals, migrations and pass-through, so every branch of the result is compared.
  assert.ok(statuses.has('migrated') && statuses.has('error'), [...statuses].join(','))
})

/** The Kubernetes manifests of the corpus that migrate on their own, as documents (text from each `---`). */
function migratingDocuments(): string[] {
  const docs: string[] = []
  for (const c of goldenCases()) {
    if (c.passThrough || migrate(c.input, c.options).status !== 'migrated') continue
    const text = c.input.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')
    const starts = documentStarts(text)!
    starts.forEach((s, i) => {
      const doc = text.slice(s, starts[i + 1] ?? text.length)
      docs.push((doc.startsWith('---') ? doc : `---\n${doc}`).replace(/([^\n])$/, '$1\n'))
    })
  }
  return docs
}

test('the whole corpus as one stream, in order and shuffled: same result both ways', () => {
  const docs = migratingDocuments()
  assert.ok(docs.length > 50, `only ${docs.length} documents`)
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const shuffled = docs
    .map((d) => [random(), d] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, d]) => d)
  for (const [name, stream] of [
    ['in order', docs.join('')],
    ['shuffled', shuffled.join('')],
  ] as const) {
    for (const [label, opts] of OPTION_SETS) {
      const status = same(`corpus stream ${name}, ${label}`, stream, opts('stream.yaml'))
      // Delegates share names and namespaces here: Kubernetes would refuse some, and so do we; the
      // point is that both ways agree, on errors as on output.
      assert.ok(status === 'migrated' || status === 'error')
    }
  }
})

const delegate = (name: string, namespace: string, extra = '') => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    spec:
      containers:
        - name: delegate
          image: harness/delegate:24.09.83900
          env:
            - name: MANAGER_HOST_AND_PORT
              value: https://app.harness.io${extra}
`

test('relations the name grouping cannot see widen the group while planning', () => {
  // Two delegates of one namespace that never name each other: with --cert, one Secret is inserted,
  // before the first of them — only known by planning both together.
  const filler = Array.from(
    { length: 30 },
    (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated-${i}\ndata:\n  k: v\n`,
  ).join('')
  const text = delegate('alpha', 'ns-a') + filler + delegate('beta', 'ns-a') + delegate('gamma', 'ns-b')
  for (const [label, opts] of OPTION_SETS) same(`two delegates, ${label}`, text, opts('t.yaml'))
  const r = migrate(text, OPTION_SETS[1]![1]('t.yaml'), { grouped: true })
  // The name grouping put them apart; planning found the shared Secret and joined them.
  const groupsOf = (opts: MtlsOptions) =>
    planInGroups(text, '\n', 't.yaml', opts, documentStarts(text)!)!.groups.filter(
      (g) => g.length > 1 || g[0] === 0 || g[0] === 31,
    )
  assert.equal(groupsOf(OPTION_SETS[0]![1]('t.yaml')), [[0], [31]])
  assert.equal(groupsOf(OPTION_SETS[1]![1]('t.yaml')), [[0, 31]])
  assert.equal(
    r.changes
      .filter((c) => c.op === 'insert')
      .map((c) => `${c.resource.namespace}/${c.resource.name}@${c.resource.document}`),
    ['ns-a/client-certificate@0', 'ns-b/client-certificate@32'],
  )

  // An upgrader whose ConfigMap names its delegate only inside config.yaml (workloadName), placed far
  // from the delegate, and a delegate whose env comes from a ConfigMap that comes later.
  const upgrader = `---
apiVersion: v1
kind: ConfigMap
metadata:
  name: up-config
  namespace: ns-a
data:
  config.yaml: |
    mode: Delegate
    dryRun: false
    workloadName: alpha
    namespace: ns-a
    delegateConfig:
      accountId: x
      managerHost: https://app.harness.io
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: up-job
  namespace: ns-a
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: upgrader
              image: harness/upgrader:latest
              volumeMounts:
                - name: config-volume
                  mountPath: /etc/config
          volumes:
            - name: config-volume
              configMap:
                name: up-config
`
  const envFrom = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: delta
  namespace: ns-a
spec:
  template:
    spec:
      containers:
        - name: delegate
          image: harness/delegate:24.09.83900
          envFrom:
            - configMapRef:
                name: delta-env
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: delta-env
  namespace: ns-a
data:
  MANAGER_HOST_AND_PORT: https://app.harness.io
`
  const stream = upgrader + filler + delegate('alpha', 'ns-a') + envFrom
  for (const [label, opts] of OPTION_SETS) same(`upgrader far from its delegate, ${label}`, stream, opts('u.yaml'))
  const groups = planInGroups(stream, '\n', 'u.yaml', OPTION_SETS[0]![1]('u.yaml'), documentStarts(stream)!)!.groups
  assert.equal(
    groups.filter((g) => g.length > 1),
    [
      [0, 1, 32],
      [33, 34],
    ],
  )
  assert.equal(migrate(stream, OPTION_SETS[0]![1]('u.yaml'), { grouped: true }).status, 'migrated')
})

test('a syntax error anywhere: grouped planning hands over to the whole-stream parse, same report', () => {
  const text = delegate('alpha', 'ns-a') + '---\nkind: ConfigMap\ndata: [unclosed\n' + delegate('beta', 'ns-a')
  same('syntax error', text, OPTION_SETS[0]![1]('e.yaml'))
  assert.equal(migrate(text, { endpoint: ENDPOINT }, { grouped: true }).status, 'error')
})

test('inputs from 256 KiB up are planned in groups by default; the choice never shows in the result', () => {
  const small = delegate('alpha', 'ns-a')
  const opts: MigrateOptions = { endpoint: ENDPOINT, file: 'big.yaml' }
  const big = small.repeat(1) + Array.from({ length: 2000 }, (_, i) => delegate(`d-${i}`, 'ns-a')).join('')
  assert.ok(big.length >= 256 * 1024)
  assert.equal(migrate(big, opts).output, migrate(big, opts, { grouped: false }).output)
})

test(
  'generated manifests (formatted and adversarial, several delegates, upgraders, CRLF, BOM): ' +
    'same result both ways',
  () => {
    for (const adversarial of [false, true]) {
      fc.assert(
        fc.property(manifestArb({ adversarial }), (m) => {
          same(`generated (${m.features.join(' ')})`, m.text, { ...resolveOptions(m.options), file: 'g.yaml' })
          same(`generated, --cert (${m.features.join(' ')})`, m.text, {
            ...resolveOptions(m.options),
            secret: { certPem: CERT, keyPem: KEY },
            file: 'g.yaml',
          })
        }),
        { numRuns: adversarial ? 100 : 300, seed: 20_261_130, includeErrorInReport: true },
      )
    }
  },
)

test.run()
