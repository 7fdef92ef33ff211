/**
 * `delegate-mtls audit` over a mixed directory: complete, partial, none and legacy delegates, Helm values
 * and compose files; the JSON output validated against schemas/audit.schema.json; exit codes.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { audit, describeChange, looksLikeMtlsEndpoint, type AuditReport } from '../../src/audit/audit.js'
import { migrate } from '../../src/pipeline/migrate.js'
import { cli } from './cli.js'
import { corpusPresent, FIXTURES_DIR } from '../helpers/corpus.js'
import { re } from '../helpers/regex.js'

const ROOT = join(import.meta.dirname, '..', '..')
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'harness')
const read = (...p: string[]) => readFileSync(join(...p), 'utf8')
const SAMPLE = read(ROOT, 'samples', 'harness-delegate.yaml')
const SAMPLE_MTLS = read(ROOT, 'samples', 'harness-delegate.mtls.yaml')
const OUR_VOLUME =
  '      volumes:\n      - name: client-certificate\n        secret:\n          secretName: ' +
  'client-certificate\n          defaultMode: 256 # 0400\n'

/** The legacy, hardening-only and old Helm values delegates of the fleet: the project's own, or the corpus's. */
const SOURCES = {
  fixtures: {
    legacy: [FIXTURES_DIR, 'legacy-statefulset-ng.yaml'],
    hardening: [FIXTURES_DIR, 'ui-immutable-clusteradmin-mtls.yaml'],
    values: [FIXTURES_DIR, 'helm-values-chart-1.0.32.yaml'],
  },
  corpus: {
    legacy: [CORPUS, 'legacy-statefulset-ng-clusteradmin-2023-06.yaml'],
    hardening: [CORPUS, 'ng-template-mtls-immutable-2023-11-hand-rendered.yaml'],
    values: [CORPUS, 'helm-values-1.0.32-2026-03.yaml'],
  },
}
type Source = keyof typeof SOURCES
const sources = (): Source[] => (corpusPresent() ? ['fixtures', 'corpus'] : ['fixtures'])

/** The mixed fleet: one file per case, named for what the audit must find. */
function fleet(source: Source): Record<string, string> {
  const from = SOURCES[source]
  if (!SAMPLE_MTLS.includes(OUR_VOLUME))
    throw new Error('samples/harness-delegate.mtls.yaml no longer has the volume this test removes')
  return {
    'complete.yaml': SAMPLE_MTLS,
    'partial.yaml': SAMPLE_MTLS.replace(OUR_VOLUME, ''),
    'none.yaml': SAMPLE,
    'legacy.yaml': read(...from.legacy),
    'hardening-only.yaml': read(...from.hardening),
    'helm/values.yaml': read(ROOT, 'test', 'fixtures', 'shapes', 'helm-values-1.0.23-2025-02.expected.yaml'),
    'helm/values-old.yaml': read(...from.values),
    'compose/docker-compose.yml': read(
      ROOT,
      'test',
      'fixtures',
      'shapes',
      'derived-docker-compose-ng-immutable-2023-08.expected.yaml',
    ),
    'compose/partial.yml': read(ROOT, 'test', 'fixtures', 'shapes', 'docker-compose-map-env-upgrader.yaml'),
  }
}

function withDir<T>(files: Record<string, string>, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'dmtls-audit-'))
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, text)
  }
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }))
}

const schema = JSON.parse(read(ROOT, 'schemas', 'audit.schema.json'))
const validateReport = new Ajv({ allErrors: true, strict: true }).compile(schema)

const byFile = (r: AuditReport) =>
  Object.fromEntries(r.delegates.map((d) => [d.file + (d.service ? `#${d.service}` : ''), d]))

const test = suite('audit: a mixed directory')

test('json: one row per delegate with its state, valid against schemas/audit.schema.json; exit 1', async () => {
  for (const source of sources())
    await withDir(fleet(source), async (dir) => {
      const ran = await cli(['audit', '--format', 'json', '.'], dir)
      assert.is(ran.code, 1, ran.stderr)
      const report = JSON.parse(ran.stdout) as AuditReport
      assert.ok(validateReport(report), JSON.stringify(validateReport.errors, null, 2))
      const rows = byFile(report)
      const summary = Object.fromEntries(
        Object.entries(rows).map(([k, d]) => [
          k,
          `${d.kind} ${d.state} ${d.ready ? 'ready' : 'refused'} upgrader:${d.upgrader.state}`,
        ]),
      )
      assert.equal(summary, {
        'complete.yaml': 'Deployment complete ready upgrader:agrees',
        'compose/docker-compose.yml#harness-ng-delegate': 'DockerCompose complete ready upgrader:absent',
        'compose/partial.yml#delegate': 'DockerCompose partial refused upgrader:unsupported',
        'hardening-only.yaml': 'Deployment partial ready upgrader:agrees',
        'helm/values-old.yaml': 'HelmValues none refused upgrader:chart',
        'helm/values.yaml': 'HelmValues complete ready upgrader:chart',
        'legacy.yaml': 'StatefulSet legacy refused upgrader:absent',
        'none.yaml': 'Deployment none refused upgrader:disagrees',
        'partial.yaml': 'Deployment partial refused upgrader:agrees',
      })
      assert.equal(rows['partial.yaml']!.missing, ['volume client-certificate'])
      assert.equal(rows['hardening-only.yaml']!.missing, [])
      assert.equal(rows['hardening-only.yaml']!.hardening, [
        'volumes client-certificate.secret.defaultMode → 256',
        'upgrader: CronJob harness-delegate-upgrader-job: volumes client-certificate.secret.defaultMode → 256',
      ])
      assert.match(rows['legacy.yaml']!.missing[0]!, /StatefulSet delegate is a legacy delegate: cannot do mTLS/)
      assert.is(rows['legacy.yaml']!.immutable, false)
      assert.is(rows['complete.yaml']!.endpointHost, 'acme.harness.io:8443')
      assert.is(rows['complete.yaml']!.secret, 'client-certificate')
      assert.is(rows['complete.yaml']!.imageTag, '25.10.87101')
      assert.is(rows['complete.yaml']!.immutable, true)
      assert.is(rows['compose/docker-compose.yml#harness-ng-delegate']!.secret, './client.crt')
      assert.match(rows['none.yaml']!.missing[0]!, /https:\/\/app\.harness\.io is Harness's non-mTLS endpoint/)
      assert.equal(report.summary, {
        files: 9,
        delegates: 9,
        complete: 3,
        partial: 3,
        none: 2,
        legacy: 1,
        upgradersDisagreeing: 1,
      })
      assert.is(report.ready, false)
    })
})

test('text: a table with a header and one line per delegate, details, and the verdict last', async () => {
  for (const source of sources())
    await withDir(fleet(source), async (dir) => {
      const ran = await cli(['audit', '.'], dir)
      assert.is(ran.code, 1)
      const lines = ran.stdout.trimEnd().split('\n')
      assert.match(
        lines[0]!,
        /^FILE +KIND +NAME +NAMESPACE +IMAGE TAG +IMMUTABLE +MTLS +ENDPOINT HOST +SECRET +UPGRADER +STRICT$/,
      )
      assert.match(
        ran.stdout,
        re(
          /\ncomplete\.yaml +Deployment +prod-us-east-delegate +harness-delegate-ng/,
          / +25\.10\.87101 +yes +complete +acme\.harness\.io:8443 +client-certificate +agrees/,
          / +ok\n/,
        ),
      )
      assert.match(
        ran.stdout,
        re(
          /\nlegacy\.yaml +StatefulSet +harness-delegate +harness-delegate-ng +latest +no/,
          / +legacy +- +- +absent +refused\n/,
        ),
      )
      assert.match(
        ran.stdout,
        /\npartial\.yaml: Deployment prod-us-east-delegate \(partial\):\n {2}missing: volume client-certificate\n/,
      )
      assert.is(
        lines[lines.length - 1],
        'NOT ready for STRICT: 5 of 9 delegates would be refused (1 legacy, 2 without mTLS, 2 ' +
          'partial); 1 upgrader does not match its delegate and would be refused',
      )
    })
})

test('a fleet where every delegate speaks mTLS is ready: exit 0', async () => {
  for (const source of sources()) {
    const files = fleet(source)
    const ready = Object.fromEntries(
      ['complete.yaml', 'helm/values.yaml', 'compose/docker-compose.yml', 'hardening-only.yaml'].map((k) => [
        k,
        files[k]!,
      ]),
    )
    await withDir(ready, async (dir) => {
      const ran = await cli(['audit', '.'], dir)
      assert.is(ran.code, 0, ran.stdout)
      assert.match(
        ran.stdout,
        re(
          /\nready for STRICT: all 4 delegates speak mTLS \(some only lack the key's file mode:/,
          / run delegate-mtls to set it\)\n$/,
        ),
      )
    })
  }
})

test('--endpoint: every delegate must use that endpoint', async () => {
  await withDir({ 'complete.yaml': SAMPLE_MTLS }, async (dir) => {
    assert.is((await cli(['audit', '-e', 'https://acme.harness.io:8443', '.'], dir)).code, 0)
    const other = await cli(['audit', '--format', 'json', '-e', 'https://other.harness.io:8443', '.'], dir)
    assert.is(other.code, 1)
    const row = (JSON.parse(other.stdout) as AuditReport).delegates[0]!
    assert.is(row.state, 'partial')
    assert.ok(
      row.missing.includes('env MANAGER_HOST_AND_PORT.value → https://other.harness.io:8443'),
      row.missing.join('\n'),
    )
    assert.is(row.upgrader.state, 'disagrees')
  })
})

test('an upgrader left on the old endpoint disagrees: the fleet is not ready', async () => {
  const text = SAMPLE_MTLS.replace(
    '      managerHost: https://acme.harness.io:8443',
    '      managerHost: https://app.harness.io',
  )
  await withDir({ 'd.yaml': text }, async (dir) => {
    const ran = await cli(['audit', '--format', 'json', 'd.yaml'], dir)
    assert.is(ran.code, 1)
    const row = (JSON.parse(ran.stdout) as AuditReport).delegates[0]!
    assert.is(row.state, 'complete')
    assert.equal(row.upgrader, {
      state: 'disagrees',
      problems: [
        'ConfigMap prod-us-east-delegate-upgrader-config: config.yaml delegateConfig.managerHost → ' +
          'https://acme.harness.io:8443',
      ],
    })
  })
})

test('files are audited together: a Deployment is judged with its envFrom ConfigMap from another file', async () => {
  const migrated = migrate(read(ROOT, 'test', 'fixtures', 'shapes', 'helm-rendered-with-configmap.yaml'), {
    endpoint: 'https://acme.harness.io:8443',
  }).output
  const [configMap, deployment] = migrated.split(/^---\n(?=apiVersion: apps\/v1)/m) as [string, string]
  const together = audit([
    { path: 'cm.yaml', text: configMap },
    { path: 'deploy.yaml', text: deployment },
  ])
  assert.equal(
    together.delegates.map((d) => `${d.file} ${d.state} ${d.endpointHost}`),
    ['deploy.yaml complete acme.harness.io:8443'],
  )
  const alone = audit([{ path: 'deploy.yaml', text: deployment }]).delegates[0]!
  assert.is(alone.state, 'partial')
  assert.equal(alone.missing, [
    'MANAGER_HOST_AND_PORT comes from ConfigMap minimal-delegate (not among the audited files): ' +
      'cannot tell its endpoint',
  ])
})

test('an input that cannot be read or parsed: reported on stderr, exit 2, the rest still audited', async () => {
  await withDir({ 'ok.yaml': SAMPLE_MTLS, 'broken.yaml': 'a: [1,\n' }, async (dir) => {
    const ran = await cli(['audit', '.'], dir)
    assert.is(ran.code, 2)
    assert.match(ran.stderr, /broken\.yaml:\d+:\d+: error: invalid YAML/)
    assert.match(ran.stdout, /\nok\.yaml +Deployment/)
    assert.match(ran.stdout, /audit incomplete: 1 file could not be read or parsed/)
  })
  await withDir({}, async (dir) => assert.is((await cli(['audit', 'missing.yaml'], dir)).code, 2))
})

test('no delegate at all: nothing would be refused, exit 0; stdin works', async () => {
  const ran = await cli(['audit'], tmpdir(), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n')
  assert.is(ran.code, 0)
  assert.is(ran.stdout, 'no delegates found in 1 file: nothing would be refused under STRICT\n')
})

test('audit refuses the migration-only options', async () => {
  const ran = await cli(['audit', '--check', '.'], tmpdir())
  assert.is(ran.code, 2)
  assert.match(ran.stderr, /audit only reads and reports: --check cannot be used with it/)
})

test.run()

const unit = suite('audit: helpers')

unit(
  'mTLS endpoint forms: vanity :8443 and *.agent.harness.io; app.harness.io is not; other hosts cannot be told',
  () => {
    assert.ok(looksLikeMtlsEndpoint('https://acme.harness.io:8443'))
    assert.ok(looksLikeMtlsEndpoint('https://customer.agent.harness.io'))
    assert.not.ok(looksLikeMtlsEndpoint('https://app.harness.io'))
    assert.not.ok(looksLikeMtlsEndpoint('https://app3.harness.io'))
    assert.ok(looksLikeMtlsEndpoint('https://harness.example.com'))
  },
)

unit('the certificate mounted file by file is ready; a mount that hides the key is not', () => {
  const migrated = migrate(SAMPLE, { endpoint: 'https://acme.harness.io:8443' }).output
  const wholeMount = /( *)- name: client-certificate\n\1  mountPath: \/etc\/mtls\n\1  readOnly: true\n/
  const m = wholeMount.exec(migrated)
  assert.ok(m, 'the migrated sample mounts the whole volume at /etc/mtls')
  const pad = m![1]!
  const file = (f: string, sub: string) =>
    `${pad}- name: client-certificate\n${pad}  mountPath: /etc/mtls/${f}\n${pad}  subPath: ` +
    `${sub}\n${pad}  readOnly: true\n`
  const byFile = migrated.replace(wholeMount, file('client.crt', 'client.crt') + file('client.key', 'client.key'))
  const wrong = migrated.replace(wholeMount, file('client.crt', 'client.crt') + file('client.key', 'client.crt'))
  const ready = (text: string) => audit([{ path: 'd.yaml', text }]).delegates[0]!.state
  assert.is(ready(byFile), 'complete')
  assert.is(ready(wrong), 'partial')
})

unit('changes are described briefly', () => {
  const resource = { document: 0, kind: 'Deployment', name: 'd' }
  assert.is(
    describeChange({
      resource,
      path: 'spec.template.spec.containers[name=delegate].env',
      op: 'append',
      after: { name: 'X', value: 'y' },
      role: 'flag',
      reason: '',
    }),
    'env X',
  )
  assert.is(
    describeChange({
      resource,
      path: 'spec.template.spec.volumes',
      op: 'append',
      after: { name: 'client-certificate' },
      role: 'volume',
      reason: '',
    }),
    'volume client-certificate',
  )
  assert.is(
    describeChange({
      resource: { ...resource, kind: 'ConfigMap', name: 'cm' },
      path: 'data.MANAGER_HOST_AND_PORT',
      op: 'set',
      after: 'https://e',
      role: 'endpoint',
      reason: '',
    }),
    'ConfigMap cm: data.MANAGER_HOST_AND_PORT → https://e',
  )
  assert.is(
    describeChange({
      resource: { ...resource, kind: 'DockerCompose' },
      path: 'services.d.environment',
      op: 'append',
      after: 'A=b',
      role: 'flag',
      reason: '',
    }),
    'env A',
  )
})

unit.run()
