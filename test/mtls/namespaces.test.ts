/**
 * Associations between documents match on namespace and name, as `kubectl apply` places them
 * (src/resources/namespace.ts): two delegates of one name in two namespaces each keep their own Secret name,
 * volume mode, upgrader, envFrom ConfigMap and generated Secret, whatever the order of the documents, planned
 * whole or a group at a time. A resource without a namespace matches only others without one.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { migrate, resolveOptions } from '../../src/pipeline/migrate.js'
import { audit } from '../../src/audit/audit.js'
import { formatDiagnostic } from '../../src/errors.js'
import { documentStarts } from '../../src/yaml/spans.js'

const ROOT = join(import.meta.dirname, '..', '..')
const DIR = join(ROOT, 'test', 'fixtures', 'namespaces')
const SECRET_DIR = join(ROOT, 'test', 'fixtures', 'secret')
const E = 'https://acme.harness.io:8443'
const INPUT = readFileSync(join(DIR, 'same-name-two-namespaces.yaml'), 'utf8')
const DOCS = INPUT.split(/^---\n/m)
const update = process.env.UPDATE_GOLDENS === '1'

const options = (withSecret: boolean) => ({
  ...resolveOptions({ endpoint: E, secretName: '{delegate}-client-certificate' }),
  ...(withSecret
    ? {
        secret: {
          certPem: readFileSync(join(SECRET_DIR, 'TEST-ONLY-client.crt'), 'utf8'),
          keyPem: readFileSync(join(SECRET_DIR, 'TEST-ONLY-client.key'), 'utf8'),
        },
      }
    : {}),
})

/** Each output document by what it is (kind, namespace, name), with the text it has. */
function byIdentity(output: string): Map<string, string> {
  const starts = documentStarts(output)!
  const out = new Map<string, string>()
  starts.forEach((s, i) => {
    const text = output.slice(s, starts[i + 1] ?? output.length).replace(/^---\n/, '')
    const doc = parseAllDocuments(text, { version: '1.1' })[0]!.toJS()
    const id = `${doc.kind}/${doc.metadata.namespace ?? '-'}/${doc.metadata.name}`
    assert.not.ok(out.has(id), id)
    out.set(id, text.replace(/\n+$/, '\n'))
  })
  return out
}

const ORDERS: Record<string, number[]> = {
  'root namespace first': [0, 1, 2, 3, 4, 5, 6, 7],
  'non-root namespace first': [4, 5, 6, 7, 0, 1, 2, 3],
  'upgraders first, namespaces interleaved': [7, 3, 6, 2, 4, 0, 5, 1],
}
const stream = (order: number[]) => order.map((i) => DOCS[i]!.replace(/\n*$/, '\n')).join('---\n')

const test = suite('namespaces: one delegate name in two namespaces')

for (const withSecret of [false, true]) {
  test(`every document comes out the same in every order${withSecret ? ', with --cert/--key' : ''}`, () => {
    const results = Object.entries(ORDERS).map(([title, order]) => {
      const r = migrate(stream(order), { ...options(withSecret), file: title })
      assert.is(r.status, 'migrated', r.diagnostics.map(formatDiagnostic).join('\n'))
      assert.is(r.unresolved, false, title)
      return { title, r, docs: byIdentity(r.output) }
    })
    const [first, ...others] = results
    for (const o of others) assert.equal(o.docs, first!.docs, `${o.title} vs ${first!.title}`)
    const golden = join(DIR, `same-name-two-namespaces${withSecret ? '.with-secret' : ''}.expected.yaml`)
    if (update) writeFileSync(golden, first!.r.output)
    assert.is(first!.r.output, readFileSync(golden, 'utf8'))
    const doc = (id: string): string => {
      const text = first!.docs.get(id)
      if (text === undefined) assert.unreachable(id)
      return text!
    }
    for (const [ns, mode] of [
      ['harness-delegate-ng', '256 # 0400'],
      ['team-b', '288 # 0440'],
    ]) {
      for (const id of [`Deployment/${ns}/prod-us-east-delegate`, `CronJob/${ns}/prod-us-east-delegate-upgrader-job`]) {
        assert.match(doc(id), `secretName: prod-us-east-delegate-client-certificate\n`, id)
        assert.match(doc(id), `defaultMode: ${mode}\n`, id)
      }
      assert.match(doc(`ConfigMap/${ns}/prod-us-east-delegate-env`), `MANAGER_HOST_AND_PORT: ${E}\n`)
      if (withSecret) assert.ok(first!.docs.has(`Secret/${ns}/prod-us-east-delegate-client-certificate`), ns)
    }
  })
}

test('planned a group at a time (large streams), the result is the same', () => {
  for (const order of Object.values(ORDERS)) {
    const text = stream(order)
    const whole = migrate(text, options(true), { grouped: false })
    const grouped = migrate(text, options(true), { grouped: true })
    assert.is(grouped.output, whole.output)
    assert.equal(grouped.changes, whole.changes)
  }
})

test('a stream over 256 KiB of same-name delegates in many namespaces: grouped by namespace and name', () => {
  const pieces: string[] = []
  for (let n = 0; pieces.join('---\n').length < 300 * 1024; n++) {
    const ns = `team-${n}`
    const nonRoot = n % 2 === 1
    pieces.push(
      ...DOCS.slice(nonRoot ? 4 : 0, nonRoot ? 8 : 4).map((d) =>
        d.replaceAll(`namespace: ${nonRoot ? 'team-b' : 'harness-delegate-ng'}`, `namespace: ${ns}`),
      ),
    )
  }
  // Newest namespaces first, CronJobs before their delegates: no order to lean on.
  const text = pieces.reverse().join('---\n')
  assert.ok(text.length >= 256 * 1024)
  const grouped = migrate(text, options(false))
  const whole = migrate(text, options(false), { grouped: false })
  assert.is(grouped.status, 'migrated')
  assert.is(grouped.output, whole.output)
  const docs = byIdentity(grouped.output)
  for (const [id, body] of docs) {
    const m = /^(Deployment|CronJob)\/team-(\d+)\//.exec(id)
    if (!m) continue
    assert.match(body, Number(m[2]) % 2 === 1 ? 'defaultMode: 288 # 0440\n' : 'defaultMode: 256 # 0400\n', id)
  }
})

test('without a namespace: matches only documents without one', () => {
  const unset = (text: string) => text.replace(/^ {2}namespace: team-b\n/gm, '')
  // The non-root delegate has no namespace; the CronJob of the same name in harness-delegate-ng is not its upgrader.
  const text = [unset(DOCS[5]!), DOCS[3]!].map((d) => d.replace(/\n*$/, '\n')).join('---\n')
  const r = migrate(text, options(false))
  const docs = byIdentity(r.output)
  assert.match(docs.get('Deployment/-/prod-us-east-delegate')!, 'defaultMode: 288 # 0440\n')
  assert.match(docs.get('CronJob/harness-delegate-ng/prod-us-east-delegate-upgrader-job')!, 'defaultMode: 256 # 0400\n')
  // The envFrom ConfigMap of another namespace is not the delegate's: the value is reported, not patched there.
  const withEnv = [unset(DOCS[5]!), DOCS[0]!].map((d) => d.replace(/\n*$/, '\n')).join('---\n')
  const e = migrate(withEnv, options(false))
  assert.is(e.unresolved, true)
  assert.not.ok(e.changes.some((c) => c.resource.kind === 'ConfigMap'))
  // Both without a namespace: one namespace, associated.
  const both = [unset(DOCS[5]!), unset(DOCS[4]!)].map((d) => d.replace(/\n*$/, '\n')).join('---\n')
  assert.is(migrate(both, options(false)).unresolved, false)
})

test('HorizontalPodAutoscaler: its Deployment is the one of that name in its namespace', () => {
  const hpa = (ns: string) =>
    `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n  namespace: ` +
    `${ns}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ` +
    `prod-us-east-delegate\n  minReplicas: 1\n  maxReplicas: 2\n`
  const lintOf = (ns: string) =>
    migrate(`${DOCS[1]!.replace(/\n*$/, '\n')}---\n${hpa(ns)}`, options(false)).diagnostics.filter((d) =>
      /HorizontalPodAutoscaler/.test(d.message),
    )
  assert.is(lintOf('harness-delegate-ng').length, 0)
  assert.is(lintOf('team-b').length, 1)
})

test('audit: each delegate with its own upgrader, in both orders', () => {
  for (const order of Object.values(ORDERS)) {
    const before = audit([{ path: 'x.yaml', text: stream(order) }])
    assert.equal(before.delegates.map((d) => [d.namespace, d.state, d.upgrader.state]).sort(), [
      ['harness-delegate-ng', 'none', 'disagrees'],
      ['team-b', 'none', 'disagrees'],
    ])
    // Only team-b migrated: harness-delegate-ng still reports its own upgrader as not ready.
    const teamB = order.filter((i) => i >= 4)
    const migratedB = migrate(teamB.map((i) => DOCS[i]!).join('---\n'), options(false)).output
    const rest = order.filter((i) => i < 4).map((i) => DOCS[i]!.replace(/\n*$/, '\n'))
    const mixed = audit([{ path: 'x.yaml', text: [...rest, migratedB].join('---\n') }])
    assert.equal(mixed.delegates.map((d) => [d.namespace, d.state, d.upgrader.state, d.secret]).sort(), [
      ['harness-delegate-ng', 'none', 'disagrees', null],
      ['team-b', 'complete', 'agrees', 'prod-us-east-delegate-client-certificate'],
    ])
  }
})

test.run()
