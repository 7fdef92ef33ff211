/**
 * The values a Flux HelmRelease or an Argo CD Application of the harness-delegate-ng chart carries:
 * which documents are recognised, what is changed where, what is reported, and that `--check`,
 * `--diff`, the JSON report, `audit`, `--revert` and the guard treat them as they treat a values file.
 * The goldens are in shapes.test.ts (GITOPS_SHAPES).
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { audit } from '../../src/audit/audit.js'
import { formatDiagnostic } from '../../src/errors.js'
import { migrate, type MigrateResult } from '../../src/pipeline/migrate.js'
import { revert } from '../../src/pipeline/revert.js'
import { cli } from '../audit/cli.js'
import { ENDPOINT, GITOPS_SHAPES, SHAPES_DIR } from './cases.js'
import { re } from '../helpers/regex.js'

const read = (name: string) => readFileSync(join(SHAPES_DIR, `${name}.yaml`), 'utf8')
const run = (text: string, extra: object = {}) => migrate(text, { endpoint: ENDPOINT, file: 'app.yaml', ...extra })
const changes = (r: MigrateResult) => r.changes.map((c) => `${c.resource.kind} ${c.op} ${c.path}`)
const diags = (r: MigrateResult) => r.diagnostics.map(formatDiagnostic)
const codes = (r: MigrateResult, code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => d.message)

const app = (helm: string, source = '    chart: harness-delegate-ng\n') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: d\nspec:\n  ` +
  `source:\n${source}    helm:\n${helm}`
const release = (spec: string, api = 'v2') =>
  `apiVersion: helm.toolkit.fluxcd.io/${api}\nkind: HelmRelease\nmetadata:\n  name: d\nspec:\n${spec}`

const test = suite('gitops values: recognition')

test('a HelmRelease (v2, v2beta2, v2beta1) whose chart is harness-delegate-ng, also as a path in Git', () => {
  for (const [api, chart] of [
    ['v2', 'harness-delegate-ng'],
    ['v2beta2', 'harness-delegate-ng'],
    ['v2beta1', './charts/harness-delegate-ng/'],
  ] as const) {
    const r = run(
      release(
        `  chart:\n    spec:\n      chart: ${chart}\n  values:\n    managerEndpoint: https://app.harness.io\n`,
        api,
      ),
      { grpcAuthority: false },
    )
    assert.equal(changes(r), ['HelmRelease set spec.values.managerEndpoint', 'HelmRelease add spec.values.mTLS'], api)
  }
})

test('a HelmRelease with a chartRef is recognised by the chart keys in its values, as a values file is', () => {
  const ref = '  chartRef:\n    kind: OCIRepository\n    name: harness-delegate-ng\n'
  const ours = run(release(`${ref}  values:\n    delegateName: d\n    managerEndpoint: https://app.harness.io\n`))
  assert.is(ours.status, 'migrated')
  const other = release(`${ref}  values:\n    managerEndpoint: https://app.harness.io\n    replicaCount: 2\n`)
  assert.is(run(other).status, 'none')
  assert.is(run(other).output, other)
})

test('an Application whose source, or one of whose sources, is the chart (by name, or by path in Git)', () => {
  const values = '      valuesObject:\n        managerEndpoint: https://app.harness.io\n'
  const byPath = run(app(values, '    repoURL: https://github.com/acme/charts.git\n    path: harness-delegate-ng\n'))
  assert.equal(changes(byPath)[0], 'Application set spec.source.helm.valuesObject.managerEndpoint')
  const r = run(read('argo-application-values-both'))
  assert.equal(changes(r)[0], 'Application set spec.sources[1].helm.valuesObject.managerEndpoint')
})

test('another chart, another apiVersion or another kind passes through byte for byte', () => {
  const text = read('gitops-other-chart')
  const r = run(text)
  assert.is(r.status, 'none')
  assert.is(r.output, text)
  assert.equal(r.diagnostics, [])
  // The same documents naming the chart are migrated: the chart alone decides.
  const ours = run(text.replace('chart: delegate-dashboard', 'chart: harness-delegate-ng'))
  assert.equal(changes(ours)[0], 'Application set spec.source.helm.valuesObject.managerEndpoint')
  assert.match(codes(ours, 'VALUES_IGNORED')[0]!, /helm\.values is left unchanged/)
  const flux = run(text.replace('chart: ingress-nginx', 'chart: harness-delegate-ng'))
  assert.equal(changes(flux)[0], 'HelmRelease set spec.values.managerEndpoint')
  const v3 = release('  chart: {spec: {chart: harness-delegate-ng}}\n  values: {managerEndpoint: x}\n', 'v3')
  assert.is(run(v3).status, 'none')
  const kind = app('      valuesObject: {managerEndpoint: x}\n').replace('kind: Application', 'kind: ApplicationSet')
  assert.is(run(kind).output, kind)
})

test.run()

// ---------------------------------------------------------------------------------------------------
const rules = suite('gitops values: the values-file rules, in place')

rules('the HelmRelease fixtures: spec.values changed where they are, paths under spec.values', () => {
  assert.equal(changes(run(read('flux-helmrelease-compact'))), [
    'HelmRelease set spec.values.managerEndpoint',
    'HelmRelease set spec.values.mTLS.secretName',
    'HelmRelease append spec.values.custom_envs',
  ])
  const indented = run(read('flux-helmrelease-indented'))
  assert.equal(changes(indented), [
    'HelmRelease set spec.values.managerEndpoint',
    'HelmRelease add spec.values.mTLS',
    'HelmRelease append spec.values.custom_envs',
  ])
  assert.equal(codes(indented, 'CHART_VERSION').length, 1, 'no mTLS key: the chart may predate mTLS.secretName')
})

rules('the helm.values string is edited inside its block; its changes name the string and the key in it', () => {
  const r = run(read('argo-application-values-string'))
  assert.equal(
    r.changes.map((c) => `${c.path} ${JSON.stringify(c.after)}`),
    [
      'spec.source.helm.values.managerEndpoint "https://acme.harness.io:8443"',
      'spec.source.helm.values.mTLS.secretName "client-certificate"',
      'spec.source.helm.values.custom_envs {"name":"GRPC_AUTHORITY_MODIFICATION_DISABLED","value":"true"}',
    ],
  )
  assert.match(r.output, /\n {6}values: \|\n {8}# Written by the platform team; keep the keys in this order\.\n/)
})

rules('a |- block and a double-quoted string keep their style', () => {
  const strip = app(
    '      values: |-\n        delegateName: d\n        managerEndpoint: https://app.harness.io\n   ' +
      '     custom_envs:\n        - name: A\n          value: b',
  )
  const r = run(strip)
  assert.is(
    r.output.slice(r.output.indexOf('values:')),
    'values: |-\n        delegateName: d\n        managerEndpoint: https://acme.harness.io:8443\n   ' +
      '     mTLS:\n          secretName: client-certificate\n        custom_envs:\n        - name: ' +
      'A\n          value: b\n        - name: GRPC_AUTHORITY_MODIFICATION_DISABLED\n          value: "true"',
  )
  const quoted = run(app('      values: "delegateName: d\\nmanagerEndpoint: https://app.harness.io\\n"\n'), {
    grpcAuthority: false,
  })
  assert.match(
    quoted.output,
    re(
      /\n {6}values: "delegateName: d\\nmanagerEndpoint:/,
      / https:\/\/acme\.harness\.io:8443\\nmTLS:\\n {2}secretName: client-certificate\\n"\n$/,
    ),
  )
})

rules("a warning inside the helm.values string points at the file's line and column", () => {
  const r = run(app('      values: |\n        delegateName: d\n        managerEndpoint: https://app.harness.io\n'), {
    mountPath: '/certs',
    grpcAuthority: false,
  })
  const unsupported = r.diagnostics.find((d) => d.code === 'UNSUPPORTED')!
  assert.equal([unsupported.line, unsupported.col], [10, 9])
})

rules('a legacy image or watcher keys in the values are refused like a legacy values file', () => {
  const r = run(
    app('      valuesObject:\n        delegateName: d\n        delegateDockerImage: harness/delegate:latest\n'),
  )
  assert.is(r.status, 'error')
  assert.equal(diags(r), [
    'app.yaml:11:30: error: Application d: spec.source.helm.valuesObject: image ' +
      '"harness/delegate:latest" is a legacy delegate image; Harness supports mTLS only on ' +
      'immutable delegates (image tag yy.mm.xxxxx): upgrade to an immutable delegate first',
  ])
  const watcher = run(
    release(
      '  chart: {spec: {chart: harness-delegate-ng}}\n  values:\n    managerEndpoint: x\n    watcherStorageUrl: y\n',
    ),
  )
  assert.match(
    codes(watcher, 'LEGACY_DELEGATE')[0]!,
    /spec\.values: watcherStorageUrl belongs to the values of a legacy/,
  )
})

rules.run()

// ---------------------------------------------------------------------------------------------------
const around = suite('gitops values: what the document says around them')

around(
  'valuesFrom not in the input: a warning naming the entries that may set our keys (not a targetPath elsewhere)',
  () => {
    const r = run(read('flux-helmrelease-compact'))
    assert.equal(diags(r), [
      'app.yaml:20:3: warning: HelmRelease harness-delegate: spec.valuesFrom (ConfigMap ' +
        'delegate-proxy) is not in the input, so its values were not checked; spec.values overrides ' +
        'them, so the settings made there take effect (a custom_envs list there is replaced whole by ' +
        'the one in spec.values: merge them)',
    ])
    assert.not.ok(r.unresolved, 'spec.values win over valuesFrom: nothing is left to change elsewhere')
    const tokenOnly = run(
      release(
        '  chart: {spec: {chart: harness-delegate-ng}}\n  valuesFrom:\n  - kind: Secret\n    name: ' +
          'token\n    targetPath: delegateToken\n  values:\n    managerEndpoint: https://app.harness.io\n',
      ),
      { grpcAuthority: false },
    )
    assert.equal(codes(tokenOnly, 'VALUES_OUTSIDE'), [])
  },
)

around('valuesObject and values both set: valuesObject is migrated, the string left as it is, with a warning', () => {
  const text = read('argo-application-values-both')
  const r = run(text)
  assert.ok(r.changes.every((c) => c.path.startsWith('spec.sources[1].helm.valuesObject.')))
  const ignored = r.diagnostics.filter((d) => d.code === 'VALUES_IGNORED')
  assert.is(ignored.length, 1)
  assert.equal([ignored[0]!.line, ignored[0]!.col], [19, 17])
  assert.match(ignored[0]!.message, /Argo CD renders valuesObject alone when it is set/)
  const block = (t: string) => t.slice(t.indexOf('values: |'), t.indexOf('valuesObject:'))
  assert.is(block(r.output), block(text))
  assert.match(
    codes(r, 'VALUES_OUTSIDE')[0]!,
    /spec\.sources\[1\]\.helm\.valueFiles \(\$values\/delegates\/us\/values\.yaml\)/,
  )
})

around('no values in the document: nothing changed, NOT_CHANGED, so --check keeps failing', () => {
  const r = run(
    release(
      '  chart: {spec: {chart: harness-delegate-ng}}\n  valuesFrom:\n  - kind: ConfigMap\n    name: ' +
        'delegate-values\n  values: {}\n',
    ),
  )
  assert.is(r.status, 'already')
  assert.ok(r.unresolved)
  assert.equal(codes(r, 'NOT_CHANGED'), [
    "HelmRelease d: no values in the document; the chart's values come from spec.valuesFrom " +
      '(ConfigMap delegate-values), which is not in the input: set managerEndpoint, ' +
      'mTLS.secretName and custom_envs there, or in spec.values',
  ])
  const none = run(app('      releaseName: d\n'))
  assert.match(codes(none, 'NOT_CHANGED')[0]!, /no values \(spec\.source\.helm\.valuesObject\)/)
})

around('Argo CD parameters that set our keys override the values: refused, unless already the endpoint', () => {
  const values = '      valuesObject:\n        delegateName: d\n        managerEndpoint: https://app.harness.io\n'
  const r = run(app(`      parameters:\n        - name: mTLS.secretName\n          value: other\n${values}`))
  assert.is(r.status, 'error')
  assert.equal(diags(r), [
    'app.yaml:10:11: error: Application d: helm.parameters sets mTLS.secretName, which overrides ' +
      'the values delegate-mtls migrates: move it into spec.source.helm.valuesObject or remove it',
  ])
  const same = run(app(`      parameters:\n        - name: managerEndpoint\n          value: ${ENDPOINT}\n${values}`))
  assert.is(same.status, 'migrated')
  const unrelated = run(app(`      parameters:\n        - name: replicas\n          value: "2"\n${values}`))
  assert.is(unrelated.status, 'migrated')
})

around('values that cannot be read are errors at the file position', () => {
  const invalid = run(app('      values: |\n        delegateName: d\n        managerEndpoint: [x\n'))
  assert.equal(diags(invalid), [
    'app.yaml:9:15: error: Application d: invalid YAML in spec.source.helm.values (line 3 of the ' +
      'string): Flow sequence in block collection must be sufficiently indented and end with a ]',
  ])
  const mapping = run(app('      values:\n        managerEndpoint: x\n'))
  assert.match(diags(mapping)[0]!, /^app\.yaml:10:9: error: Application d: spec\.source\.helm\.values must be a string/)
  const list = run(release('  chart: {spec: {chart: harness-delegate-ng}}\n  values: [a]\n'))
  assert.equal(diags(list), ['app.yaml:7:11: error: HelmRelease d: spec.values must be a mapping of chart values'])
  const two = run(
    'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: d\nspec:\n  sources:\n ' +
      ' - chart: harness-delegate-ng\n  - chart: harness-delegate-ng\n',
  )
  assert.match(diags(two)[0]!, /^app\.yaml:8:5: error: Application d: 2 sources use chart harness-delegate-ng/)
})

around.run()

// ---------------------------------------------------------------------------------------------------
const pipeline = suite('gitops values: idempotence, revert, guard, grouped planning')

for (const name of GITOPS_SHAPES) {
  pipeline(`${name}: CRLF and a BOM kept; revert gives the input back byte for byte`, () => {
    for (const input of [read(name), '\uFEFF' + read(name).replace(/\n/g, '\r\n')]) {
      const m = run(input)
      assert.is(m.status, 'migrated')
      assert.is(run(m.output).status, 'already')
      const back = revert(m.output, { endpoint: 'https://app.harness.io' })
      assert.is(back.status, 'migrated', back.diagnostics.map(formatDiagnostic).join('\n'))
      assert.is(back.output, input)
    }
  })

  pipeline(`${name}: planned a group at a time, the same as all at once`, () => {
    const whole = run(read(name))
    assert.is(whole.status, 'migrated')
    const grouped = migrate(read(name), { endpoint: ENDPOINT, file: 'app.yaml' }, { grouped: true })
    assert.is(grouped.output, whole.output)
    assert.equal(grouped.changes, whole.changes)
    assert.equal(grouped.diagnostics, whole.diagnostics)
  })
}

const refused = (r: MigrateResult, reason: RegExp) => {
  assert.is(r.status, 'error')
  const bug = r.diagnostics.filter((d) => d.code === 'GUARD_MISMATCH')
  assert.is(bug.length, 1)
  assert.match(bug[0]!.message, reason)
}

pipeline('the guard refuses a wrong value inside the helm.values string, and in spec.values', () => {
  const text = read('argo-application-values-string')
  const corrupt = (t: string) => t.replace('secretName: "client-certificate"', 'secretName: "client-cert"')
  refused(
    migrate(text, { endpoint: ENDPOINT }, { afterSplice: corrupt }),
    /spec\.source\.helm\.values does not hold exactly the planned changes/,
  )
  const untouched = (t: string) => t.replace('replicas: 1', 'replicas: 2')
  refused(
    migrate(text, { endpoint: ENDPOINT }, { afterSplice: untouched }),
    /does not hold exactly the planned changes/,
  )
  refused(
    migrate(
      read('flux-helmrelease-compact'),
      { endpoint: ENDPOINT },
      { afterSplice: (t) => t.replace('replicas: 2', 'replicas: 3') },
    ),
    /document 1 does not decode to the input plus the planned changes/,
  )
})

pipeline.run()

// ---------------------------------------------------------------------------------------------------
const command = suite('gitops values: the command line and audit')

command(
  '--check exits 1, --diff shows the lines in the block, --write writes, --format json lists the changes',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmtls-gitops-'))
    try {
      const name = 'argo-application-values-string'
      writeFileSync(join(dir, 'app.yaml'), read(name))
      const check = await cli(['--check', '-e', ENDPOINT, 'app.yaml'], dir)
      assert.is(check.code, 1, check.stderr)
      const diff = await cli(['--diff', '-e', ENDPOINT, 'app.yaml'], dir)
      assert.match(
        diff.stdout,
        re(
          /\n- {8}managerEndpoint: https:\/\/app\.harness\.io {3}# SaaS prod-1\n\+/,
          / {8}managerEndpoint: https:\/\/acme\.harness\.io:8443 {3}# SaaS prod-1\n/,
        ),
      )
      const json = await cli(['--check', '--format', 'json', '-e', ENDPOINT, 'app.yaml'], dir)
      const report = JSON.parse(json.stdout) as { files: { changes: { path: string; resource: { kind: string } }[] }[] }
      assert.equal(
        report.files[0]!.changes.map((c) => `${c.resource.kind} ${c.path}`),
        [
          'Application spec.source.helm.values.managerEndpoint',
          'Application spec.source.helm.values.mTLS.secretName',
          'Application spec.source.helm.values.custom_envs',
        ],
      )
      const write = await cli(['--write', '-e', ENDPOINT, 'app.yaml'], dir)
      assert.is(write.code, 0, write.stderr)
      assert.is(
        readFileSync(join(dir, 'app.yaml'), 'utf8'),
        readFileSync(join(SHAPES_DIR, `${name}.expected.yaml`), 'utf8'),
      )
      const again = await cli(['--check', '-e', ENDPOINT, 'app.yaml'], dir)
      assert.is(again.code, 0, again.stdout + again.stderr)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
)

command('audit: one row per HelmRelease or Application, none before and complete after the migration', () => {
  const inputs = GITOPS_SHAPES.map((name) => ({ path: `${name}.yaml`, text: read(name) }))
  const before = audit(inputs)
  assert.equal(
    before.delegates.map((r) => `${r.kind} ${r.name} ${r.state}`),
    [
      'HelmRelease edge-delegate none',
      'HelmRelease build-farm none',
      'Application argo-delegate none',
      'Application delegate-eu none',
      'Application delegate-us none',
    ],
  )
  assert.ok(before.delegates.every((r) => r.endpoint === 'https://app.harness.io'))
  const eu = before.delegates.find((r) => r.name === 'delegate-eu')!
  assert.ok(eu.missing.includes('mTLS.secretName → client-certificate'), eu.missing.join('; '))
  const after = audit(inputs.map((i) => ({ ...i, text: run(i.text).output })))
  assert.ok(after.ready)
  assert.ok(after.delegates.every((r) => r.state === 'complete' && r.secret === 'client-certificate'))
  const legacy = audit([
    { path: 'a.yaml', text: app('      valuesObject:\n        delegateDockerImage: harness/delegate:latest\n') },
  ])
  assert.equal(
    legacy.delegates.map((r) => `${r.kind} ${r.state} ${r.image}`),
    ['Application legacy harness/delegate:latest'],
  )
})

command.run()
