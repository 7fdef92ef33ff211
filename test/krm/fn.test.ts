// `delegate-mtls fn` in-process: the KRM function contract (kustomize's functions-spec.md). The main
// fixture is what kpt 1.0 sends for samples/harness-delegate.yaml (`kpt fn eval DIR --exec … --
// endpoint=…`, captured with an exec function that tees its stdin): items with kpt's annotations,
// comments kept, a ConfigMap functionConfig.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, parseDocument } from 'yaml'
import { REPO_ROOT, run, type Ran } from '../cli/helpers/cli.js'
import { hunksOf, lineDiff, linesOf, renderHunks } from '../helpers/line-diff.js'

const E = 'https://acme.harness.io:8443'
const KPT_INPUT = readFileSync(join(REPO_ROOT, 'test/krm/fixtures/kpt-sample.resource-list.yaml'), 'utf8')

const fn = (stdin: string, argv: string[] = [], env: Record<string, string> = {}): Promise<Ran> =>
  run(['fn', ...argv], { cwd: REPO_ROOT, stdin, env })

/** The text of each item of a ResourceList, as it stands in the list. */
function itemTexts(list: string): string[] {
  const doc = parseDocument(list, { version: '1.1' })
  const items = doc.get('items', true) as { items: { range: [number, number, number] }[] }
  return items.items.map((n) => list.slice(n.range[0], n.range[1]))
}
const beforeResults = (s: string) => s.replace(/^results:[\s\S]*$/m, '')
const resultsOf = (s: string) => (parse(s) as { results?: Record<string, unknown>[] }).results ?? []
const withConfig = (list: string, config: string) =>
  list.replace(/^functionConfig:[\s\S]*$/m, `functionConfig:\n${config.replace(/^/gm, '  ')}\n`)

/** A ResourceList of these items (each a YAML text), with a ConfigMap functionConfig holding the endpoint. */
const listOf = (...items: string[]) =>
  'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n' +
  items.map((i) => i.replace(/^(?=.)/gm, '  ').replace(/^ {2}/, '- ')).join('') +
  `functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: function-input\n  ` +
  `data:\n    endpoint: ${E}\n`

const DELEGATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  namespace: ns
  annotations:
    config.kubernetes.io/index: '1'
    config.kubernetes.io/path: 'k8s/delegate.yaml'
    internal.config.kubernetes.io/index: '1'
    internal.config.kubernetes.io/path: 'k8s/delegate.yaml'
    config.k8s.io/id: '2'
spec:
  template:
    spec:
      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
        - name: MANAGER_HOST_AND_PORT
          value: https://app.harness.io
`
const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r   # a comment, two spaces before it
  annotations:
    config.kubernetes.io/index: '0'
    config.kubernetes.io/path: 'k8s/delegate.yaml'
rules: [ ]
`

const test = suite('krm: delegate-mtls fn')

test('kpt input: exit 0, nothing on stderr, only the planned lines differ', async () => {
  const r = await fn(KPT_INPUT)
  assert.is(r.code, 0)
  assert.is(r.stderr, '')
  const diff = renderHunks(hunksOf(lineDiff(linesOf(KPT_INPUT), linesOf(beforeResults(r.stdout)))))
  assert.fixture(
    diff,
    [
      '-128:             value: https://app.harness.io',
      '+128:             value: https://acme.harness.io:8443',
      '-150:             value: "https://app.harness.io/log-service/"',
      '+150:             value: "https://acme.harness.io:8443/log-service/"',
      '+155:           - name: DELEGATE_CLIENT_CERTIFICATE_PATH',
      '+156:             value: "/etc/mtls/client.crt"',
      '+157:           - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
      '+158:             value: "/etc/mtls/client.key"',
      '+159:           - name: GRPC_AUTHORITY_MODIFICATION_DISABLED',
      '+160:             value: "true"',
      '+161:           volumeMounts:',
      '+162:           - name: client-certificate',
      '+163:             mountPath: /etc/mtls',
      '+164:             readOnly: true',
      '+165:         volumes:',
      '+166:         - name: client-certificate',
      '+167:           secret:',
      '+168:             secretName: client-certificate',
      '+169:             defaultMode: 256 # 0400',
      '+289:       clientCertificateFilePath: /etc/mtls/client.crt',
      '+290:       clientCertificateKeyFilePath: /etc/mtls/client.key',
      '-276:         managerHost: https://app.harness.io',
      '+293:         managerHost: https://acme.harness.io:8443',
      '+330:               - name: client-certificate',
      '+331:                 mountPath: /etc/mtls',
      '+332:                 readOnly: true',
      '+337:             - name: client-certificate',
      '+338:               secret:',
      '+339:                 secretName: client-certificate',
      '+340:                 defaultMode: 256 # 0400',
    ].join('\n'),
  )
})

test('kpt input: untouched items are byte-identical, in order, every annotation kept', async () => {
  const r = await fn(KPT_INPUT)
  const before = itemTexts(KPT_INPUT)
  const after = itemTexts(r.stdout)
  assert.is(after.length, before.length)
  const changed = before.map((t, i) => t !== after[i])
  // The Deployment, the upgrader ConfigMap and the upgrader CronJob; nothing else.
  assert.equal(
    changed.flatMap((c, i) => (c ? [i] : [])),
    [3, 9, 10],
  )
  for (const [i, t] of after.entries()) {
    for (const a of t.match(/^ *(?:config\.kubernetes\.io|internal\.config\.kubernetes\.io|config\.k8s\.io)\/.*$/gm) ??
      [])
      assert.ok(before[i]!.includes(a), `item ${i} lost ${a}`)
    assert.is(
      (t.match(/kubernetes\.io\/|config\.k8s\.io\//g) ?? []).length,
      (before[i]!.match(/kubernetes\.io\/|config\.k8s\.io\//g) ?? []).length,
    )
  }
  // The functionConfig and everything before the items come back as they were.
  assert.ok(r.stdout.includes(KPT_INPUT.slice(KPT_INPUT.indexOf('functionConfig:'))))
})

test('results: one info entry per planned change, with resourceRef, field and file', async () => {
  const r = await fn(KPT_INPUT)
  const results = resultsOf(r.stdout)
  assert.is(results.length, 12)
  assert.ok(results.every((x) => x.severity === 'info'))
  assert.equal(results[0], {
    message: 'set: the mTLS endpoint',
    severity: 'info',
    resourceRef: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'prod-us-east-delegate',
      namespace: 'harness-delegate-ng',
    },
    file: { path: 'harness-delegate.yaml', index: 3 },
    field: {
      path: 'spec.template.spec.containers[name=delegate].env[name=MANAGER_HOST_AND_PORT].value',
      currentValue: 'https://app.harness.io',
      proposedValue: E,
    },
  })
  const files = results.map((x) => `${(x.file as { index: number }).index} ${(x.resourceRef as { kind: string }).kind}`)
  assert.equal([...new Set(files)], ['3 Deployment', '9 ConfigMap', '10 CronJob'])
})

test('a second run changes nothing and drops the first run results', async () => {
  const once = await fn(KPT_INPUT)
  const twice = await fn(once.stdout)
  assert.is(twice.code, 0)
  assert.is(twice.stdout, beforeResults(once.stdout))
  assert.equal(resultsOf(twice.stdout), [])
})

test('an item list without a delegate comes back byte for byte, with no results', async () => {
  const list = listOf(ROLE)
  const r = await fn(list)
  assert.is(r.code, 0)
  assert.is(r.stdout, list)
})

test('a kustomize-shaped list: sorted keys, no comments, kustomize.config.k8s.io/id kept', async () => {
  const item = `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    config.kubernetes.io/index: '0'
    internal.config.kubernetes.io/index: '0'
    kustomize.config.k8s.io/id: |
      group: apps
      kind: Deployment
      name: d
      version: v1
  name: d
spec:
  template:
    spec:
      containers:
      - env:
        - name: MANAGER_HOST_AND_PORT
          value: https://app.harness.io
        image: harness/delegate:25.10.87101
        name: delegate
`
  const r = await fn(listOf(item))
  assert.is(r.code, 0)
  const out = itemTexts(r.stdout)[0]!
  assert.ok(out.startsWith(itemTexts(listOf(item))[0]!.split('spec:')[0]!), 'the metadata is kept as it was')
  assert.match(out, `value: ${E}`)
  assert.match(out, /kustomize\.config\.k8s\.io\/id: \|\n {8}group: apps\n/)
})

/** A Deployment as a list item indented by `ind`, with a comment at column 0 and a blank line inside. */
const oddItem = (ind: string) =>
  DELEGATE.replace('spec:\n  template', '# a comment at column 0\nspec:\n  template')
    .replace('        env:', '\n        env:')
    .split('\n')
    .map((l, i) => (i === 0 || l === '' || l.startsWith('#') ? l : ind + l))
    .join('\n')
const listText = (items: string, eol = '\n') =>
  `apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n${items}` +
  `functionConfig: {apiVersion: v1, kind: ConfigMap, data: {endpoint: '${E}'}}\n`.replace(/\n/g, eol)

test('items indented wide, with a column-0 comment and a blank line: only the planned lines differ', async () => {
  const list = listText(`  - ${oddItem('    ')}`)
  const r = await fn(list)
  assert.is(r.code, 0, r.stderr)
  const hunks = hunksOf(lineDiff(linesOf(list), linesOf(beforeResults(r.stdout))))
  assert.equal(
    hunks.flatMap((h) => h.del.map((d) => d.line)),
    ['              value: https://app.harness.io'],
  )
  assert.equal(hunks[0]!.add[0]!.line, `              value: ${E}`)
  assert.equal(hunks.flatMap((h) => h.add.map((a) => a.line)).slice(1, 3), [
    '            - name: DELEGATE_CLIENT_CERTIFICATE_PATH',
    '              value: "/etc/mtls/client.crt"',
  ])
  assert.match(r.stdout, '\n# a comment at column 0\n    spec:\n')
})

test('a CRLF list: the new lines and the results use CRLF too', async () => {
  const list = listText(`- ${oddItem('  ')}`.replace(/\n/g, '\r\n'), '\r\n').replace(/(?<!\r)\n/g, '\r\n')
  const r = await fn(list)
  assert.is(r.code, 0, r.stderr)
  assert.not.match(r.stdout, /[^\r]\n/)
  assert.match(r.stdout, `- name: DELEGATE_CLIENT_CERTIFICATE_PATH\r\n`)
  assert.ok(r.stdout.startsWith(list.slice(0, list.indexOf('value: https://app'))))
})

test('an item written in flow style is edited in its own style', async () => {
  const item =
    `- {apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {template: ` +
    `{spec: {containers: [{name: delegate, image: "harness/delegate:25.10.87101", env: [{name: ` +
    `MANAGER_HOST_AND_PORT, value: "https://app.harness.io"}]}]}}}}\n`
  const r = await fn(listText(item))
  assert.is(r.code, 0, r.stderr)
  const out = beforeResults(r.stdout).split('\n')[3]!
  assert.match(out, `env: [{name: MANAGER_HOST_AND_PORT, value: "${E}"}, {name: DELEGATE_CLIENT_CERTIFICATE_PATH,`)
  assert.equal(parse(out.slice(2)).spec.template.spec.volumes[0].secret, {
    secretName: 'client-certificate',
    defaultMode: 256,
  })
})

test('a conflict: exit 1, every item as it came, the error as a result and on stderr', async () => {
  // Volume "other" is defined, so that the pod is one the API server accepts and the mount path the one conflict.
  const conflicting =
    DELEGATE.replace(
      '        env:',
      '        volumeMounts:\n        - name: other\n          mountPath: /etc/mtls\n        env:',
    ) + '      volumes:\n      - name: other\n        emptyDir: {}\n'
  const list = listOf(ROLE, conflicting)
  const r = await fn(list)
  assert.is(r.code, 1)
  assert.is(beforeResults(r.stdout), list)
  const results = resultsOf(r.stdout)
  const errors = results.filter((x) => x.severity === 'error')
  assert.is(errors.length, 1)
  assert.match(String(errors[0]!.message), '/etc/mtls')
  assert.equal(errors[0]!.resourceRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', namespace: 'ns' })
  assert.equal(errors[0]!.file, { path: 'k8s/delegate.yaml', index: 1 })
  assert.ok(
    results.every((x) => x.severity !== 'info'),
    'no change is listed when nothing is changed',
  )
  assert.match(r.stderr, /^delegate-mtls fn: k8s\/delegate\.yaml\[1\] Deployment\/d.*error: .*\/etc\/mtls/m)
})

test('a legacy delegate is refused the same way', async () => {
  const list = listOf(DELEGATE.replace('25.10.87101', 'latest'))
  const r = await fn(list)
  assert.is(r.code, 1)
  assert.is(beforeResults(r.stdout), list)
  assert.is(resultsOf(r.stdout)[0]!.severity, 'error')
})

test('warnings are results of severity warning', async () => {
  // No MANAGER_HOST_AND_PORT: it is added, with a warning.
  const list = listOf(DELEGATE.replace(/ {8}env:\n[\s\S]*$/, '        env:\n        - name: X\n          value: z1\n'))
  const r = await fn(list)
  assert.is(r.code, 0)
  const warnings = resultsOf(r.stdout).filter((x) => x.severity === 'warning')
  assert.ok(warnings.length >= 1)
  assert.equal(warnings[0]!.file, { path: 'k8s/delegate.yaml', index: 1 })
})

test('no key material in results: a Secret with a private key among the items', async () => {
  const key = readFileSync(join(REPO_ROOT, 'test/fixtures/secret/TEST-ONLY-client.key'), 'utf8')
  const b64 = Buffer.from(key).toString('base64')
  const secret = `apiVersion: v1
kind: Secret
metadata:
  name: client-certificate
  namespace: ns
type: Opaque
data:
  client.crt: ${b64}
  client.key: ${b64}
`
  for (const list of [listOf(secret, DELEGATE), listOf(secret, DELEGATE.replace('25.10.87101', 'latest'))]) {
    const r = await fn(list)
    const results = r.stdout.slice(r.stdout.search(/^results:/m))
    assert.ok(results.startsWith('results:'))
    assert.not.match(results, 'PRIVATE KEY')
    assert.not.match(results, b64.slice(40, 64))
    assert.not.match(r.stderr, b64.slice(40, 64))
  }
})

test('a typed functionConfig: DelegateMtls with the fields under spec', async () => {
  const list = withConfig(
    listOf(DELEGATE),
    `apiVersion: delegate-mtls.harness.io/v1alpha1
kind: DelegateMtls
metadata:
  name: mtls
spec:
  endpoint: https://typed.harness.io
  secretName: '{delegate}-client-certificate'
  mountPath: /etc/certs
  tiService: true
  grpcAuthority: false`,
  )
  const r = await fn(list)
  assert.is(r.code, 0, r.stderr)
  const out = itemTexts(r.stdout)[0]!
  assert.match(out, 'value: https://typed.harness.io\n')
  assert.match(out, 'secretName: d-client-certificate')
  assert.match(out, 'mountPath: /etc/certs')
  assert.match(out, 'TI_SERVICE_URL')
  assert.not.match(out, 'GRPC_AUTHORITY_MODIFICATION_DISABLED')
})

test('a ConfigMap functionConfig: booleans as the strings kpt passes', async () => {
  const list = withConfig(
    listOf(DELEGATE),
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: function-input\ndata: {endpoint: '${E}', ` +
      `tiService: 'true', grpcAuthority: 'false'}`,
  )
  const r = await fn(list)
  assert.is(r.code, 0, r.stderr)
  assert.match(itemTexts(r.stdout)[0]!, 'TI_SERVICE_URL')
  assert.not.match(itemTexts(r.stdout)[0]!, 'GRPC_AUTHORITY_MODIFICATION_DISABLED')
})

test('functionConfig errors: exit 1, items unchanged, a result that says what to fix', async () => {
  const cases: [string, RegExp][] = [
    [`apiVersion: v1\nkind: ConfigMap\ndata:\n  endpiont: ${E}`, /unknown key "endpiont"; expected one of endpoint/],
    [`apiVersion: v1\nkind: ConfigMap\ndata:\n  endpoint: ${E}\n  tiService: maybe`, /tiService must be true or false/],
    [`apiVersion: v1\nkind: Secret\ndata: {}`, /expected a ConfigMap .* or apiVersion delegate-mtls\.harness\.io/],
    [`apiVersion: v1\nkind: ConfigMap\ndata: {}`, /no endpoint: set endpoint in the functionConfig/],
    [`apiVersion: v1\nkind: ConfigMap\ndata:\n  endpoint: http://plain.example.com`, /https/],
    [`apiVersion: v1\nkind: ConfigMap\ndata:\n  endpoint: ${E}\n  mountPath: etc`, /absolute path/],
  ]
  for (const [config, message] of cases) {
    const list = withConfig(listOf(DELEGATE), config)
    const r = await fn(list)
    assert.is(r.code, 1, config)
    assert.is(beforeResults(r.stdout), list)
    const results = resultsOf(r.stdout)
    assert.is(results.length, 1)
    assert.is(results[0]!.severity, 'error')
    assert.match(String(results[0]!.message), message)
    assert.match(r.stderr, message)
  }
})

test('the endpoint and mount path are checked as on the command line, naming where they came from', async () => {
  const IPV4 = 'has the numeric host 127.1, which URL parsers read as an IPv4 shorthand'
  const cases: [string, string[], Record<string, string>, string][] = [
    [
      withConfig(listOf(DELEGATE), 'apiVersion: v1\nkind: ConfigMap\ndata:\n  endpoint: https://127.1'),
      [],
      {},
      `functionConfig data: endpoint "https://127.1" ${IPV4}`,
    ],
    [
      withConfig(
        listOf(DELEGATE),
        `apiVersion: delegate-mtls.harness.io/v1alpha1\nkind: DelegateMtls\nspec:\n  endpoint: ` +
          `${E}\n  mountPath: /etc/../mtls`,
      ),
      [],
      {},
      'functionConfig spec: mountPath "/etc/../mtls" has a "." or ".." segment',
    ],
    [
      withConfig(listOf(DELEGATE), 'apiVersion: v1\nkind: ConfigMap\ndata:\n  tiService: "true"'),
      [],
      { DELEGATE_MTLS_ENDPOINT: 'https://u:p@acme.harness.io' },
      'DELEGATE_MTLS_ENDPOINT "https://u:p@acme.harness.io" carries credentials',
    ],
    [
      withConfig(listOf(DELEGATE), 'apiVersion: v1\nkind: ConfigMap\ndata:\n  tiService: "true"'),
      [],
      { ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: 'https://acme.harness.io:0' },
      'ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT "https://acme.harness.io:0" has the port 0; a port is 1 to 65535',
    ],
    [
      withConfig(listOf(DELEGATE), 'apiVersion: v1\nkind: ConfigMap\ndata:\n  tiService: "true"'),
      ['--endpoint', 'https://0x7f000001'],
      {},
      '--endpoint "https://0x7f000001" has the numeric host 0x7f000001',
    ],
  ]
  for (const [list, argv, env, message] of cases) {
    const r = await fn(list, argv, env)
    assert.is(r.code, 1, message)
    assert.is(beforeResults(r.stdout), list)
    const results = resultsOf(r.stdout)
    assert.is(results.length, 1)
    assert.ok(String(results[0]!.message).startsWith(message), String(results[0]!.message))
    assert.ok(r.stderr.startsWith(`delegate-mtls fn: ${message}`), r.stderr)
  }
})

test('the endpoint: functionConfig, else --endpoint, else the environment; a disagreement is an error', async () => {
  const noConfig = listOf(DELEGATE).replace(/^functionConfig:[\s\S]*$/m, '')
  const endpointIn = async (r: Ran) => /MANAGER_HOST_AND_PORT\n\s+value: (\S+)/.exec(itemTexts(r.stdout)[0]!)?.[1]
  assert.is(await endpointIn(await fn(noConfig, ['--endpoint', 'https://flag.harness.io'])), 'https://flag.harness.io')
  const env = { ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: 'https://argo.harness.io', DELEGATE_MTLS_ENDPOINT: 'https://e.io' }
  assert.is(await endpointIn(await fn(noConfig, [], env)), 'https://argo.harness.io')
  assert.is(await endpointIn(await fn(noConfig, [], { DELEGATE_MTLS_ENDPOINT: 'https://e.io' })), 'https://e.io')
  assert.is(await endpointIn(await fn(listOf(DELEGATE), [], env)), E)
  assert.is(await endpointIn(await fn(listOf(DELEGATE), ['--endpoint', E])), E)
  const both = await fn(listOf(DELEGATE), ['--endpoint', 'https://flag.harness.io'])
  assert.is(both.code, 1)
  assert.match(
    String(resultsOf(both.stdout)[0]!.message),
    /endpoint is .* in the functionConfig but .* on the command line/,
  )
})

test('invalid input: exit 1, the reason on stderr and as the result of an empty ResourceList', async () => {
  const cases: [string, RegExp][] = [
    ['apiVersion: v1\nkind: ResourceList\nitems: [\n', /<stdin>:\d+:\d+: invalid YAML/],
    [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n',
      /expected a ResourceList .* found apiVersion apps\/v1/,
    ],
    ['apiVersion: v1\nkind: List\nitems: []\n', /found apiVersion v1, kind List/],
    ['', /found an empty document/],
    ['apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: {a: 1}\n', /items must be a list/],
    ['apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: [1]\n', /every item must be an object/],
  ]
  for (const [input, message] of cases) {
    const r = await fn(input)
    assert.is(r.code, 1, input)
    assert.match(r.stderr, /^delegate-mtls fn: /)
    assert.match(r.stderr, message)
    const out = parse(r.stdout)
    assert.equal(out.apiVersion, 'config.kubernetes.io/v1')
    assert.equal(out.kind, 'ResourceList')
    assert.equal(out.items, [])
    assert.is(out.results.length, 1)
    assert.is(out.results[0].severity, 'error')
    assert.match(out.results[0].message, message)
  }
})

test('a ResourceList written as JSON comes back as JSON', async () => {
  const list = JSON.stringify(
    {
      apiVersion: 'config.kubernetes.io/v1',
      kind: 'ResourceList',
      items: [parse(ROLE), parse(DELEGATE)],
      functionConfig: { apiVersion: 'v1', kind: 'ConfigMap', data: { endpoint: E } },
    },
    null,
    2,
  )
  const r = await fn(list)
  assert.is(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout)
  assert.equal(out.items[0], parse(ROLE))
  const env = out.items[1].spec.template.spec.containers[0].env
  assert.equal(env[0], { name: 'MANAGER_HOST_AND_PORT', value: E })
  assert.is(out.results.length > 0, true)
})

test('fn takes no paths and no mode: a usage error that says why', async () => {
  for (const argv of [['--write'], ['--check'], ['--format', 'json'], ['--revert']]) {
    const r = await fn('', argv)
    assert.is(r.code, 2, argv.join(' '))
    assert.match(r.stderr, `fn reads a ResourceList on stdin and writes one on stdout: ${argv[0]} cannot be used`)
    assert.is(r.stdout, '')
  }
  const paths = await fn('', ['k8s/'])
  assert.is(paths.code, 2)
  assert.match(paths.stderr, 'Unknown argument: k8s/')
})

test.run()
