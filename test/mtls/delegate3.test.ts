// Delegate 3.x (SPEC §2, background facts §2): recognised by its semantic-version image tag, else by its HARNESS_*
// env or its probes on port 3000; planned, checked, audited and reverted against its own table of env vars
// (HARNESS_CLIENT_CERT_FILE / HARNESS_CLIENT_KEY_FILE), never the classic delegate's; refused before 1.40.2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { audit } from '../../src/audit/audit.js'
import { migrate } from '../../src/pipeline/migrate.js'
import { revert } from '../../src/pipeline/revert.js'
import { delegateKindOf } from '../../src/resources/delegate-kind.js'
import { classifyTag, delegate3Version } from '../../src/resources/image.js'
import {
  certEnvNamesFor,
  endpointEnvFor,
  managedEnvFor,
  managerEnvNames,
  ownedEnvFor,
  wantedEnvFor,
} from '../../src/resources/wanted-state.js'
import { cli } from '../audit/cli.js'
import { FIXTURES_DIR } from '../helpers/corpus.js'

const E = 'https://acme.harness.io:8443'
const fixture = (name: string) =>
  readFileSync(join(FIXTURES_DIR, '..', name === 'delegate3-migrated' ? 'shapes' : 'manifests', `${name}.yaml`), 'utf8')
const GAR = 'us-docker.pkg.dev/gar-prod-setup/harness-public/harness/delegate'

/** A one-container delegate Deployment with the given image, env names (value "x") and probe port. */
function deployment(image: string, env: string[], port?: number): string {
  const lines = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: d',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: delegate',
    `        image: ${image}`,
  ]
  if (port !== undefined)
    lines.push(
      '        readinessProbe:',
      '          httpGet:',
      '            path: /health',
      `            port: ${port}`,
    )
  if (env.length > 0) lines.push('        env:', ...env.flatMap((n) => [`        - name: ${n}`, '          value: x']))
  return lines.join('\n') + '\n'
}
const appendedEnv = (text: string) =>
  migrate(text, { endpoint: E })
    .changes.filter((c) => c.op === 'append' && /\.env$/.test(c.path))
    .map((c) => (c.after as { name: string }).name)

const recognise = suite('Delegate 3.x: recognition')

recognise('a semantic-version tag is Delegate 3.x; yy.mm.xxxxx is not; v-prefixed tags are not versions', () => {
  assert.is(classifyTag(`${GAR}:1.40.2`), 'delegate3')
  assert.is(classifyTag('harness/delegate:3.3.1'), 'delegate3')
  assert.is(classifyTag('harness/delegate:1.41.0-rc1'), 'delegate3')
  assert.is(classifyTag('harness/delegate:24.09.83900'), 'immutable')
  assert.is(classifyTag('harness/delegate:24.09.83900-rc1'), 'unverifiable')
  assert.is(classifyTag('harness/delegate:v1.40.2'), 'unverifiable')
  assert.is(classifyTag('harness/delegate:1.40'), 'unverifiable')
  assert.equal(delegate3Version('harness/delegate:1.41.0-rc1'), { core: [1, 41, 0], pre: 'rc1' })
})

recognise('the version floor: 1.40.2 and later pass; earlier ones and 1.40.2 pre-releases are too old', () => {
  const tooOld = (tag: string) => delegateKindOf({ image: `h/delegate:${tag}`, env: [], probePorts: [] }).tooOld
  for (const tag of ['1.40.2', '1.40.3', '1.41.0-rc1', '3.3.1', '10.0.0']) assert.is(tooOld(tag), undefined, tag)
  for (const tag of ['1.35.0', '1.40.1', '1.40.2-rc1', '0.99.99']) assert.is(tooOld(tag), tag, tag)
})

recognise('precedence: a clear tag wins (and disagreeing env is warned about); else env, then probes', () => {
  const kind = (image: string, env: string[], probePorts: number[] = []) => delegateKindOf({ image, env, probePorts })
  assert.is(kind('h/delegate:1.40.2', []).kind, 'delegate3')
  assert.match(kind('h/delegate:1.40.2', ['ACCOUNT_ID']).disagreement ?? '', /the image tag decides/)
  assert.is(kind('h/delegate:24.09.83900', ['HARNESS_ACCOUNT_ID']).kind, 'classic')
  assert.match(kind('h/delegate:24.09.83900', ['HARNESS_ACCOUNT_ID']).disagreement ?? '', /classic delegate/)
  assert.is(kind('PUT_YOUR_DELEGATE_IMAGE', ['HARNESS_DELEGATE_NAME']).kind, 'delegate3')
  assert.is(kind('h/delegate@sha256:abc', ['HARNESS_ACCOUNT_ID']).kind, 'delegate3')
  assert.is(kind('PUT_YOUR_DELEGATE_IMAGE', ['ACCOUNT_ID', 'MANAGER_HOST_AND_PORT']).kind, 'classic')
  // MANAGER_HOST_AND_PORT is no sign: both kinds read it.
  assert.is(kind('PUT_YOUR_DELEGATE_IMAGE', ['MANAGER_HOST_AND_PORT'], [3000]).kind, 'delegate3')
  assert.is(kind('PUT_YOUR_DELEGATE_IMAGE', [], [3460]).kind, 'classic')
  assert.is(kind('PUT_YOUR_DELEGATE_IMAGE', ['HARNESS_ACCOUNT_ID', 'ACCOUNT_ID'], [3000]).kind, 'delegate3')
  assert.is(kind('PUT_YOUR_DELEGATE_IMAGE', []).kind, 'classic')
  // `latest` with Delegate 3.x env is not refused as a legacy delegate.
  assert.is(kind('h/delegate:latest', ['HARNESS_ACCOUNT_ID']).kind, 'delegate3')
  assert.not.equal(migrate(deployment('h/delegate:latest', ['HARNESS_ACCOUNT_ID']), { endpoint: E }).status, 'error')
})

recognise('a container with only HARNESS_MANAGER_HOST_AND_PORT is the delegate container', () => {
  const text = deployment(`${GAR}:1.40.2`, ['HARNESS_MANAGER_HOST_AND_PORT']).replace(
    '- name: delegate',
    '- name: runner',
  )
  assert.equal(appendedEnv(text), ['HARNESS_CLIENT_CERT_FILE', 'HARNESS_CLIENT_KEY_FILE'])
})

recognise.run()

const table = suite('Delegate 3.x: its table')

table('one accessor per kind; none of the classic-only vars in the 3.x views', () => {
  assert.equal(
    wantedEnvFor('delegate3').map((s) => s.name),
    [
      'MANAGER_HOST_AND_PORT',
      'HARNESS_MANAGER_HOST_AND_PORT',
      'LOG_STREAMING_SERVICE_URL',
      'TI_SERVICE_URL',
      'HARNESS_CLIENT_CERT_FILE',
      'HARNESS_CLIENT_KEY_FILE',
    ],
  )
  assert.equal(ownedEnvFor('delegate3'), ['HARNESS_CLIENT_CERT_FILE', 'HARNESS_CLIENT_KEY_FILE'])
  assert.equal(certEnvNamesFor('delegate3', 'certificate'), ['HARNESS_CLIENT_CERT_FILE'])
  assert.equal(certEnvNamesFor('delegate3', 'key'), ['HARNESS_CLIENT_KEY_FILE'])
  assert.equal(managerEnvNames('delegate3'), ['HARNESS_MANAGER_HOST_AND_PORT', 'MANAGER_HOST_AND_PORT'])
  assert.equal(managerEnvNames('classic'), ['MANAGER_HOST_AND_PORT'])
  for (const n of [
    'DELEGATE_CLIENT_CERTIFICATE_PATH',
    'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
    'CLIENT_CERTIFICATE_PATH',
  ])
    assert.not.ok(managedEnvFor('delegate3').has(n), n)
  assert.not.ok(managedEnvFor('delegate3').has('GRPC_AUTHORITY_MODIFICATION_DISABLED'))
  assert.equal(
    endpointEnvFor('delegate3', 'https://app.harness.io').map(([n, v]) => `${n}=${v}`),
    [
      'MANAGER_HOST_AND_PORT=https://app.harness.io',
      'HARNESS_MANAGER_HOST_AND_PORT=https://app.harness.io',
      'LOG_STREAMING_SERVICE_URL=https://app.harness.io/log-service/',
      'TI_SERVICE_URL=https://app.harness.io/ti-service/',
    ],
  )
})

table(
  'the endpoint goes where the container has it; HARNESS_MANAGER_HOST_AND_PORT is added only when it has neither',
  () => {
    const image = `${GAR}:1.40.2`
    assert.equal(appendedEnv(deployment(image, ['HARNESS_ACCOUNT_ID'])), [
      'HARNESS_MANAGER_HOST_AND_PORT',
      'HARNESS_CLIENT_CERT_FILE',
      'HARNESS_CLIENT_KEY_FILE',
    ])
    const added = migrate(deployment(image, ['HARNESS_ACCOUNT_ID']), { endpoint: E })
    assert.ok(added.diagnostics.some((d) => d.code === 'ADDED_ENDPOINT'))
    assert.equal(appendedEnv(deployment(image, ['MANAGER_HOST_AND_PORT'])), [
      'HARNESS_CLIENT_CERT_FILE',
      'HARNESS_CLIENT_KEY_FILE',
    ])
    const both = migrate(deployment(image, ['MANAGER_HOST_AND_PORT', 'HARNESS_MANAGER_HOST_AND_PORT']), { endpoint: E })
    assert.equal(
      both.changes.filter((c) => c.role === 'endpoint').map((c) => [c.path, c.after]),
      [
        ['spec.template.spec.containers[name=delegate].env[name=MANAGER_HOST_AND_PORT].value', E],
        ['spec.template.spec.containers[name=delegate].env[name=HARNESS_MANAGER_HOST_AND_PORT].value', E],
      ],
    )
  },
)

table('classic-only vars on a 3.x container are left alone; --ti-service and the gRPC flag add nothing', () => {
  const text = deployment(`${GAR}:1.40.2`, [
    'HARNESS_MANAGER_HOST_AND_PORT',
    'DELEGATE_CLIENT_CERTIFICATE_PATH',
    'GRPC_AUTHORITY_MODIFICATION_DISABLED',
    'LOG_STREAMING_SERVICE_URL',
  ])
  const r = migrate(text, { endpoint: E, tiService: true })
  const touched = r.changes.map((c) => c.path)
  assert.not.ok(
    touched.some((p) => /DELEGATE_CLIENT_CERTIFICATE_PATH|GRPC_AUTHORITY|TI_SERVICE_URL/.test(p)),
    touched.join('\n'),
  )
  assert.ok(r.changes.some((c) => /LOG_STREAMING_SERVICE_URL/.test(c.path) && c.after === `${E}/log-service/`))
  assert.not.ok(
    r.diagnostics.some((d) => /immutable delegate/.test(d.message)),
    'no classic image warning',
  )
})

table.run()

const refuse = suite('Delegate 3.x: before 1.40.2')

refuse(
  'refused at the image with DELEGATE3_VERSION, and by --check, -l and --write alike (exit 2, nothing written)',
  async () => {
    const r = migrate(fixture('delegate3-1.35.0'), { endpoint: E, file: 'd.yaml' })
    assert.is(r.status, 'error')
    const err = r.diagnostics.find((d) => d.severity === 'error')!
    assert.is(err.code, 'DELEGATE3_VERSION')
    assert.equal([err.line, err.col], [54, 16])
    assert.match(err.message, /mTLS exists from Delegate 3\.x 1\.40\.2: upgrade the image/)
    const dir = mkdtempSync(join(tmpdir(), 'd3-'))
    writeFileSync(join(dir, 'd.yaml'), fixture('delegate3-1.35.0'))
    for (const mode of ['--check', '-l', '--write']) {
      const ran = await cli(['-e', E, mode, 'd.yaml'], dir)
      assert.is(ran.code, 2, mode)
      assert.match(ran.stderr, /d\.yaml:54:16: error: .*1\.35\.0/, mode)
    }
    assert.is(readFileSync(join(dir, 'd.yaml'), 'utf8'), fixture('delegate3-1.35.0'))
  },
)

refuse('a compose service of a 3.x image before 1.40.2 is refused too', () => {
  const text = fixture('docker-compose-delegate3').replace('delegate:1.40.2', 'delegate:1.35.0')
  const r = migrate(text, { endpoint: E })
  assert.equal(
    r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
    ['DELEGATE3_VERSION'],
  )
})

refuse('Helm values with a 3.x image: refused (the classic chart cannot give it mTLS)', () => {
  const r = migrate(fixture('helm-values-delegate3'), { endpoint: E })
  assert.equal(
    r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line, d.col]),
    [['DELEGATE3_CHART', 8, 22]],
  )
  const tag = fixture('helm-values-chart-1.0.32').replace('  # tag: 26.01.88102', '  tag: 3.3.1')
  assert.ok(migrate(tag, { endpoint: E }).diagnostics.some((d) => d.code === 'DELEGATE3_CHART'))
})

refuse.run()

const round = suite('Delegate 3.x: check, write, revert, audit agree')

round('migrated twice is a no-op; --check passes on the migrated file and fails on the original', async () => {
  for (const name of [
    'delegate3-1.40.2',
    'delegate3-manager-host-and-port',
    'delegate3-non-root',
    'delegate3-half-migrated',
  ]) {
    const once = migrate(fixture(name), { endpoint: E })
    assert.is(once.status, 'migrated', name)
    assert.is(migrate(once.output, { endpoint: E }).status, 'already', name)
  }
  const dir = mkdtempSync(join(tmpdir(), 'd3-'))
  writeFileSync(join(dir, 'a.yaml'), fixture('delegate3-migrated'))
  writeFileSync(join(dir, 'b.yaml'), fixture('delegate3-1.40.2'))
  assert.is((await cli(['-e', E, '--check', 'a.yaml'], dir)).code, 0)
  assert.is((await cli(['-e', E, '--check', 'b.yaml'], dir)).code, 1)
  assert.is((await cli(['-e', E, '--write', 'b.yaml'], dir)).code, 0)
  assert.is(
    readFileSync(join(dir, 'b.yaml'), 'utf8'),
    readFileSync(join(FIXTURES_DIR, 'delegate3-1.40.2.expected.yaml'), 'utf8'),
  )
  assert.is((await cli(['-e', E, '--check', 'b.yaml'], dir)).code, 0)
})

round('--revert of the migration gives the original back; it removes only the 3.x vars', () => {
  for (const name of ['delegate3-1.40.2', 'delegate3-manager-host-and-port', 'delegate3-non-root']) {
    const x = fixture(name)
    const m = migrate(x, { endpoint: E })
    const r = revert(m.output, { endpoint: 'https://app.harness.io' })
    assert.is(r.status, 'migrated', name)
    assert.is(r.output, x, name)
  }
  const classicLeftover = migrate(
    deployment(`${GAR}:1.40.2`, ['HARNESS_MANAGER_HOST_AND_PORT', 'DELEGATE_CLIENT_CERTIFICATE_PATH']),
    { endpoint: E },
  ).output
  const back = revert(classicLeftover, { endpoint: 'https://app.harness.io' }).output
  assert.ok(back.includes('DELEGATE_CLIENT_CERTIFICATE_PATH'), 'a classic var is not in the 3.x table: left alone')
  assert.not.ok(back.includes('HARNESS_CLIENT_CERT_FILE'))
})

round('audit: ready only when migrated, with delegateKind delegate3; 1.35.0 and an unversioned image are not', () => {
  const row = (name: string, text = fixture(name)) => audit([{ path: name, text }]).delegates[0]!
  const done = row('delegate3-migrated')
  assert.equal([done.delegateKind, done.state, done.ready, done.missing], ['delegate3', 'complete', true, []])
  assert.is(done.endpoint, E)
  const before = row('delegate3-1.40.2')
  assert.equal([before.delegateKind, before.ready], ['delegate3', false])
  assert.ok(
    before.missing.some((m) => m.includes('HARNESS_CLIENT_CERT_FILE')),
    before.missing.join('\n'),
  )
  assert.not.ok(before.missing.some((m) => /DELEGATE_CLIENT_CERTIFICATE|GRPC_AUTHORITY/.test(m)))
  const old = row('delegate3-1.35.0')
  assert.equal([old.delegateKind, old.state, old.ready], ['delegate3', 'legacy', false])
  const unversioned = row('x', migrate(fixture('delegate3-image-placeholder'), { endpoint: E }).output)
  assert.equal([unversioned.delegateKind, unversioned.ready], ['delegate3', false])
  assert.match(unversioned.missing.join('\n'), /cannot tell the Delegate 3\.x version/)
  const half = row('delegate3-half-migrated')
  assert.is(half.state, 'partial')
  const viaManager = row('m', migrate(fixture('delegate3-manager-host-and-port'), { endpoint: E }).output)
  assert.equal([viaManager.endpoint, viaManager.ready], [E, true])
  const classic = audit([{ path: 'c', text: fixture('ui-immutable-clusteradmin') }]).delegates[0]!
  assert.is(classic.delegateKind, 'classic')
  const compose = row('c', migrate(fixture('docker-compose-delegate3'), { endpoint: E }).output)
  assert.equal([compose.delegateKind, compose.ready], ['delegate3', true])
})

round('an upgrader that names a 3.x delegate is left unchanged, with a warning; audit does not ask for one', () => {
  const upgrader = [
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: k8s-delegate-upgrader-config',
    '  namespace: harness-delegate',
    'data:',
    '  config.yaml: |',
    '    mode: Delegate',
    '    dryRun: false',
    '    workloadName: k8s-delegate',
    '    namespace: harness-delegate',
    '    containerName: delegate',
    '    delegateConfig:',
    '      accountId: ACCOUNT_ID',
    '      managerHost: https://app.harness.io',
    '',
  ].join('\n')
  const text = fixture('delegate3-1.40.2') + upgrader
  const r = migrate(text, { endpoint: E })
  assert.not.ok(r.changes.some((c) => c.resource.kind === 'ConfigMap'))
  assert.ok(
    r.diagnostics.some((d) => d.code === 'UNSUPPORTED' && /Delegate 3\.x \(it has no upgrader\)/.test(d.message)),
  )
  assert.ok(r.output.endsWith(upgrader))
  const row = audit([{ path: 'x', text: r.output }]).delegates[0]!
  assert.equal([row.upgrader.state, row.ready], ['absent', true])
})

round.run()
