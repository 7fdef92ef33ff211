/**
 * Helm values, Helm-rendered objects with envFrom, and docker-compose files (issue 5): goldens byte
 * for byte, a second run that changes nothing, and the behaviour each shape needs.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate, type MigrateResult } from '../../src/pipeline/migrate.js'
import { formatDiagnostic } from '../../src/errors.js'
import {
  CORPUS_DIR,
  DERIVED_DIR,
  DERIVED_SHAPES,
  ENDPOINT,
  REPO_ROOT,
  SHAPES_DIR,
  deriveImage,
  shapeCases,
} from './cases.js'
import { cli } from '../audit/cli.js'
import { bothSources, corpusPresent, FIXTURES_DIR } from '../helpers/corpus.js'
import { re } from '../helpers/regex.js'

const test = suite('shapes: goldens')
const update = process.env.UPDATE_GOLDENS === '1'

const errorText = (r: MigrateResult) =>
  r.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => formatDiagnostic(d) + '\n')
    .join('')

for (const c of shapeCases()) {
  test(`${c.id} matches its golden, and a second run changes nothing`, () => {
    const r = migrate(c.input, c.options)
    const outPath = join(SHAPES_DIR, `${c.golden}.expected.yaml`)
    const errPath = join(SHAPES_DIR, `${c.golden}.expected-error.txt`)
    if (update) {
      if (r.status === 'error') {
        writeFileSync(errPath, errorText(r))
        rmSync(outPath, { force: true })
      } else {
        writeFileSync(outPath, r.output)
        rmSync(errPath, { force: true })
      }
    }
    assert.ok(existsSync(outPath) !== existsSync(errPath), `exactly one of ${outPath} / ${errPath}`)
    if (existsSync(errPath)) {
      assert.is(r.status, 'error')
      assert.is(errorText(r), readFileSync(errPath, 'utf8'))
      assert.is(r.output, c.input)
      return
    }
    assert.is(r.status, 'migrated', r.diagnostics.map(formatDiagnostic).join('\n'))
    assert.is(r.output, readFileSync(outPath, 'utf8'))
    const again = migrate(r.output, c.options)
    assert.is(again.status, 'already')
    assert.equal(again.changes, [])
    assert.is(again.output, r.output)
  })
}

if (corpusPresent())
  test('each derived shape input is its corpus file with only the delegate image changed', () => {
    for (const name of DERIVED_SHAPES) {
      const original = readFileSync(join(CORPUS_DIR, `${name}.yaml`), 'utf8')
      assert.is(readFileSync(join(DERIVED_DIR, `${name}.yaml`), 'utf8'), deriveImage(original), name)
    }
  })

test.run()

// ---------------------------------------------------------------------------------------------------
const helm = suite('shapes: Helm values')
const run = (text: string, extra: object = {}) => migrate(text, { endpoint: ENDPOINT, file: 'values.yaml', ...extra })
const codes = (r: MigrateResult, code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => d.message)

/** The chart's values files, 1.0.3 (no mTLS key), 1.0.23 (the first with it) and 1.0.32: fixture, then corpus. */
const v103 = () => bothSources('helm-values-chart-1.0.3.yaml', 'helm-values-1.0.3-2022-11.yaml')
const v1023 = () => bothSources('helm-values-chart-1.0.23.yaml', 'helm-values-1.0.23-2025-02.yaml')
const v1032 = () => bothSources('helm-values-chart-1.0.32.yaml', 'helm-values-1.0.32-2026-03.yaml')

helm('recognised by the chart keys; managerEndpoint and mTLS.secretName set in place', () => {
  for (const { text } of v1023()) {
    const r = run(text)
    assert.equal(
      r.resources.map((x) => x.type),
      ['helm-values'],
    )
    assert.equal(
      r.changes.map((c) => `${c.op} ${c.path}`),
      ['set managerEndpoint', 'set mTLS.secretName', 'append custom_envs'],
    )
    assert.equal(r.changes[1]!.before, '')
    assert.match(r.output, /\nmTLS:\n {2}secretName: "client-certificate"\n/)
    assert.match(
      r.output,
      re(
        /\ncustom_envs:\n {2}- name: GRPC_AUTHORITY_MODIFICATION_DISABLED\n {4}value: "true"\n/,
        / {2}# - name: DELEGATE_TASK_CAPACITY\n/,
      ),
    )
  }
})

helm('a 1.0.23+ values file (it has the mTLS key) gets no chart-version warning; older ones do', () => {
  for (const { text } of v1032()) assert.equal(codes(run(text), 'CHART_VERSION'), [])
  const image = { fixtures: 'harness\\/delegate-immutable:75760', corpus: 'harness\\/delegate-immutable:75275' }
  for (const { source, text } of v103()) {
    const old = codes(run(text), 'CHART_VERSION')
    assert.is(old.length, 1)
    assert.match(
      old[0]!,
      new RegExp(
        `values\\.yaml of a harness-delegate-ng chart before 1\\.0\\.23 \\(it has no mTLS key, ` +
          `delegate image ${image[source]}\\)`,
      ),
    )
  }
  const ui = codes(
    run(readFileSync(join(DERIVED_DIR, 'helm-values-ui-generated-ng-2023.yaml'), 'utf8')),
    'CHART_VERSION',
  )
  assert.is(ui.length, 1)
  assert.match(ui[0]!, /needs chart harness-delegate-ng 1\.0\.23 or later/)
})

helm('the UI download with harness/delegate:latest is refused as a legacy delegate', () => {
  for (const { text } of bothSources('helm-values-ui-latest.yaml', 'helm-values-ui-generated-ng-2023.yaml')) {
    const r = run(text)
    assert.is(r.status, 'error')
    assert.equal(codes(r, 'LEGACY_DELEGATE').length, 1)
  }
})

helm('an existing secretName is kept unless --secret-name is given; {delegate} is delegateName', () => {
  const text =
    'delegateName: edge\naccountId: abc\nmanagerEndpoint: https://app.harness.io\nmTLS:\n  ' +
    'secretName: my-cert # made by hand\ncustom_envs: []\n'
  const kept = run(text)
  assert.is(
    kept.output,
    'delegateName: edge\naccountId: abc\nmanagerEndpoint: https://acme.harness.io:8443\nmTLS:\n  ' +
      'secretName: my-cert # made by hand\ncustom_envs: [{name: ' +
      'GRPC_AUTHORITY_MODIFICATION_DISABLED, value: "true"}]\n',
  )
  const named = run(text, { secretName: '{delegate}-client-certificate' })
  assert.match(named.output, /\n {2}secretName: edge-client-certificate # made by hand\n/)
})

helm(
  'custom_envs entries override the chart ConfigMap: endpoint URLs and certificate paths there are corrected',
  () => {
    const text = [
      'delegateName: edge',
      'managerEndpoint: https://app.harness.io',
      'mTLS:',
      '  secretName: client-certificate',
      'custom_envs:',
      '- name: LOG_STREAMING_SERVICE_URL',
      '  value: https://app.harness.io/log-service/',
      '- name: DELEGATE_CLIENT_CERTIFICATE_PATH',
      '  value: /certs/client.crt',
      '- name: GRPC_AUTHORITY_MODIFICATION_DISABLED',
      '  value: "false"',
      '',
    ].join('\n')
    const r = run(text, { tiService: true })
    assert.equal(
      r.changes.map((c) => `${c.op} ${c.path} ${JSON.stringify(c.after)}`),
      [
        'set managerEndpoint "https://acme.harness.io:8443"',
        'set custom_envs[name=LOG_STREAMING_SERVICE_URL].value "https://acme.harness.io:8443/log-service/"',
        'append custom_envs {"name":"TI_SERVICE_URL","value":"https://acme.harness.io:8443/ti-service/"}',
        'set custom_envs[name=DELEGATE_CLIENT_CERTIFICATE_PATH].value "/etc/mtls/client.crt"',
        'set custom_envs[name=GRPC_AUTHORITY_MODIFICATION_DISABLED].value "true"',
      ],
    )
    assert.match(
      r.output,
      re(
        /\n- name: GRPC_AUTHORITY_MODIFICATION_DISABLED\n {2}value: "true"\n- name:/,
        / TI_SERVICE_URL\n {2}value: "https:\/\/acme\.harness\.io:8443\/ti-service\/"\n$/,
      ),
    )
  },
)

helm("--mount-path does not apply (the chart mounts at /etc/mtls): warned, and the paths stay the chart's", () => {
  for (const { text } of v1032()) {
    const r = run(text, { mountPath: '/certs' })
    assert.equal(codes(r, 'UNSUPPORTED').length, 1)
    assert.is(r.output, run(text).output)
  }
})

helm('--no-grpc-authority leaves custom_envs alone', () => {
  for (const { text } of v1023()) {
    const r = run(text, { grpcAuthority: false })
    assert.equal(
      r.changes.map((c) => c.path),
      ['managerEndpoint', 'mTLS.secretName'],
    )
  }
})

helm(
  'an empty mTLS: or secretName: is filled in; a values file without managerEndpoint gets one, with a warning',
  () => {
    const a = run('delegateName: d\naccountId: x\nmanagerEndpoint: https://app.harness.io\nmTLS:\ncustom_envs:\n', {
      grpcAuthority: false,
    })
    assert.is(
      a.output,
      'delegateName: d\naccountId: x\nmanagerEndpoint: https://acme.harness.io:8443\nmTLS:\n  ' +
        'secretName: client-certificate\ncustom_envs:\n',
    )
    const b = run('delegateName: d\ndelegateDockerImage: harness/delegate:25.10.87101\nmTLS:\n  secretName:\n', {
      grpcAuthority: false,
    })
    assert.is(
      b.output,
      'delegateName: d\ndelegateDockerImage: harness/delegate:25.10.87101\nmTLS:\n  secretName: ' +
        'client-certificate\nmanagerEndpoint: https://acme.harness.io:8443\n',
    )
    assert.equal(codes(b, 'ADDED_ENDPOINT').length, 1)
  },
)

helm(
  'a Kubernetes manifest or an unrelated YAML file is not taken for Helm values; watcher keys are a legacy chart',
  () => {
    assert.is(run('accountId: x\nreplicas: 1\n').status, 'none')
    assert.is(run('accountId: x\ndelegateName: y\n').status, 'none', 'managerEndpoint or delegateDockerImage is needed')
    const legacy = run(
      'accountId: x\nmanagerEndpoint: https://app.harness.io\nwatcherStorageUrl: https://app.harness.io/storage\n',
    )
    assert.match(codes(legacy, 'LEGACY_DELEGATE')[0]!, /watcherStorageUrl belongs to the values of a legacy/)
    assert.is(
      run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  managerEndpoint: a\n  delegateName: b\n')
        .status,
      'none',
    )
  },
)

helm.run()

// ---------------------------------------------------------------------------------------------------
const rendered = suite('shapes: Helm-rendered objects, env through envFrom')
/** The live Helm object: the fixture's ConfigMap is build-delegate, the corpus's minimal-delegate. */
const lives = () =>
  bothSources('helm-live-deployment.yaml', 'helm-rendered-live-deployment-chart-1.0.30-minimal.yaml').map((x) =>
    x.source === 'fixtures'
      ? { ...x, configMap: 'build-delegate', golden: join(FIXTURES_DIR, 'helm-live-deployment.expected.yaml') }
      : {
          ...x,
          configMap: 'minimal-delegate',
          golden: join(
            REPO_ROOT,
            'test',
            'fixtures',
            'corpus',
            'helm-rendered-live-deployment-chart-1.0.30-minimal.expected.yaml',
          ),
        },
  )

rendered(
  'the live object alone: warned that MANAGER_HOST_AND_PORT lives in ConfigMap minimal-delegate, unresolved',
  () => {
    for (const { text: live, configMap, golden } of lives()) {
      const r = migrate(live, { endpoint: ENDPOINT, file: 'live.yaml' })
      assert.is(r.status, 'migrated')
      assert.ok(r.unresolved)
      const notChanged = codes(r, 'NOT_CHANGED')
      assert.is(notChanged.length, 1)
      assert.match(notChanged[0]!, new RegExp(`MANAGER_HOST_AND_PORT may come from ConfigMap ${configMap}`))
      if (existsSync(golden)) assert.is(r.output, readFileSync(golden, 'utf8'))
      const again = migrate(r.output, { endpoint: ENDPOINT, file: 'live.yaml' })
      assert.equal(again.changes, [])
      assert.ok(
        again.unresolved,
        'still unresolved after migrating: --check keeps failing until the ConfigMap is changed',
      )
    }
  },
)

rendered(
  '--check fails (exit 1) on the live object even once migrated, because of the unresolved ConfigMap',
  async () => {
    for (const { text: live } of lives()) {
      const dir = mkdtempSync(join(tmpdir(), 'dmtls-shapes-'))
      try {
        const migrated = migrate(live, { endpoint: ENDPOINT }).output
        writeFileSync(join(dir, 'live.yaml'), migrated)
        const ran = await cli(['--check', '-e', ENDPOINT, 'live.yaml'], dir)
        assert.is(ran.code, 1, ran.stderr)
        assert.match(ran.stdout, /live\.yaml/)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  },
)

rendered('with its ConfigMap in the input: the ConfigMap keys are patched, nothing is unresolved', () => {
  const input = readFileSync(join(SHAPES_DIR, 'helm-rendered-with-configmap.yaml'), 'utf8')
  const r = migrate(input, { endpoint: ENDPOINT })
  assert.not.ok(r.unresolved)
  assert.equal(codes(r, 'NOT_CHANGED'), [])
  const cm = r.changes.filter((c) => c.resource.kind === 'ConfigMap').map((c) => `${c.path}=${c.after}`)
  assert.equal(cm, [
    'data.MANAGER_HOST_AND_PORT=https://acme.harness.io:8443',
    'data.LOG_STREAMING_SERVICE_URL=https://acme.harness.io:8443/log-service/',
  ])
  assert.match(
    r.output,
    /\n {2}MANAGER_HOST_AND_PORT : https:\/\/acme\.harness\.io:8443\n/,
    'the template\'s "KEY :" spacing is kept',
  )
})

rendered.run()

// ---------------------------------------------------------------------------------------------------
const compose = suite('shapes: docker-compose')
const composeRun = (text: string, extra: object = {}) =>
  migrate(text, { endpoint: ENDPOINT, file: 'docker-compose.yml', ...extra })

compose('the UI compose file (harness/delegate:latest) and the legacy one are refused as legacy delegates', () => {
  const ui = bothSources('docker-compose-ui-latest.yaml', 'docker-compose-ng-immutable-2023-08.yaml')
  const legacy = bothSources('docker-compose-legacy.yaml', 'docker-compose-legacy-2023-08.yaml')
  for (const { source, text } of [...ui, ...legacy]) {
    const r = composeRun(text)
    assert.is(r.status, 'error', source)
    assert.equal(codes(r, 'LEGACY_DELEGATE').length, 1, source)
  }
  for (const { text } of legacy) {
    const watcher = composeRun(text.replace('harness/delegate:latest', 'harness/delegate:24.09.83900'))
    assert.match(
      codes(watcher, 'LEGACY_DELEGATE')[0]!,
      /env WATCHER_STORAGE_URL belongs to a legacy \(watcher\) delegate/,
    )
  }
})

compose('list form: values rewritten in place, new entries and read-only bind mounts appended', () => {
  const r = composeRun(readFileSync(join(DERIVED_DIR, 'docker-compose-ng-immutable-2023-08.yaml'), 'utf8'))
  assert.equal(
    r.changes.map((c) => `${c.op} ${c.after}`),
    [
      'set MANAGER_HOST_AND_PORT=https://acme.harness.io:8443',
      'set LOG_STREAMING_SERVICE_URL=https://acme.harness.io:8443/log-service/',
      'append DELEGATE_CLIENT_CERTIFICATE_PATH=/etc/mtls/client.crt',
      'append DELEGATE_CLIENT_CERTIFICATE_KEY_PATH=/etc/mtls/client.key',
      'append GRPC_AUTHORITY_MODIFICATION_DISABLED=true',
      'append ./client.crt:/etc/mtls/client.crt:ro',
      'append ./client.key:/etc/mtls/client.key:ro',
    ],
  )
})

compose('the Docker upgrader is left alone, with a warning', () => {
  const r = composeRun(readFileSync(join(SHAPES_DIR, 'docker-compose-map-env-upgrader.yaml'), 'utf8'))
  assert.ok(r.changes.every((c) => c.path.startsWith('services.delegate.')))
  assert.match(codes(r, 'UNSUPPORTED')[0]!, /service upgrader is the Docker upgrader/)
})

compose('an existing mount of the files (or of the whole directory) is kept, made read-only', () => {
  const text = [
    'services:',
    '  d:',
    '    image: harness/delegate:25.10.87101',
    '    environment:',
    '      - MANAGER_HOST_AND_PORT=https://app.harness.io',
    '      - DELEGATE_CLIENT_CERTIFICATE_PATH=/etc/mtls/client.crt',
    '      - DELEGATE_CLIENT_CERTIFICATE_KEY_PATH=/etc/mtls/client.key',
    '    volumes:',
    '      - type: bind',
    '        source: /srv/certs',
    '        target: /etc/mtls/',
    '',
  ].join('\n')
  const r = composeRun(text, { grpcAuthority: false })
  assert.equal(
    r.changes.map((c) => `${c.op} ${c.path}`),
    ['set services.d.environment[name=MANAGER_HOST_AND_PORT]', 'add services.d.volumes[0].read_only'],
  )
  assert.match(r.output, /target: \/etc\/mtls\/\n {8}read_only: true\n$/)
  const short = composeRun(
    'services:\n  d:\n    image: harness/delegate:25.10.87101\n    volumes: ["./c.crt:/etc/mtls/client.crt:rw,z"]\n',
    { grpcAuthority: false },
  )
  assert.match(
    short.output,
    /"\.\/c\.crt:\/etc\/mtls\/client\.crt:ro,z", \.\/client\.key:\/etc\/mtls\/client\.key:ro\]/,
  )
})

compose('values from the host environment, a ${VAR} or an env_file are not rewritten: warned, unresolved', () => {
  const vars = composeRun(
    'services:\n  d:\n    image: harness/delegate:25.10.87101\n    environment:\n      - ' +
      'MANAGER_HOST_AND_PORT=${HARNESS_URL}\n      - LOG_STREAMING_SERVICE_URL\n',
  )
  assert.equal(codes(vars, 'NOT_CHANGED').length, 2)
  assert.ok(vars.unresolved)
  const envFile = composeRun('services:\n  d:\n    image: harness/delegate:25.10.87101\n    env_file: delegate.env\n')
  assert.match(codes(envFile, 'NOT_CHANGED')[0]!, /may come from its env_file/)
  assert.not.match(envFile.output, /MANAGER_HOST_AND_PORT/)
})

compose('--cert-path must be a host path, not a named volume', () => {
  assert.throws(
    () => composeRun('services: {}\n', { certPath: 'client.crt' }),
    /--cert-path "client\.crt" must be a host path/,
  )
})

compose('a compose file without Harness services passes through', () => {
  const r = composeRun('services:\n  web:\n    image: nginx:1.27\n')
  assert.is(r.status, 'none')
})

compose.run()
