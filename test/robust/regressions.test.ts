// The bugs the property tests found, each pinned by its smallest reproduction (the generator may
// change; these must not come back). Outputs are compared byte for byte.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseAllDocuments } from 'yaml'
import { migrate } from '../../src/pipeline/migrate.js'

const E = 'https://acme.harness.io:8443'
const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: d', 'spec:', '  template:']
const lines = (...l: string[]) => [...l, ''].join('\n')

function ok(input: string): string {
  const r = migrate(input, { endpoint: E })
  assert.is(r.status, 'migrated', JSON.stringify(r.diagnostics))
  const docs = parseAllDocuments(r.output, { version: '1.1' }) as unknown as { errors: unknown[] }[]
  assert.equal(
    docs.flatMap((d) => d.errors),
    [],
  )
  assert.is(migrate(r.output, { endpoint: E }).output, r.output, 'a second run changes nothing')
  return r.output
}

const test = suite('robust: regressions found by the property tests')

test('a new env key and a new mount at one offset: the mount stays in its list (splices ordered by nesting)', () => {
  // The container has no env; its volumeMounts list ends where the container ends. Both insertions
  // land there; the item for the inner list must come first, or it would end up under `env:`.
  const out = ok(
    lines(
      ...head,
      '    spec:',
      '      containers:',
      '      - image: harness/delegate:25.10.87101',
      '        name: delegate',
      '        volumeMounts:',
      '        - name: tmp',
      '          mountPath: /tmp',
      '      volumes:',
      '      - name: tmp',
      '        emptyDir: {}',
    ),
  )
  assert.ok(
    out.includes(
      lines(
        '          mountPath: /tmp',
        '        - name: client-certificate',
        '          mountPath: /etc/mtls',
        '          readOnly: true',
        '        env:',
        '        - name: MANAGER_HOST_AND_PORT',
      ).trimEnd(),
    ),
    out,
  )
})

test('defaultMode: 400 in a flow mapping gets no "# 0400" comment (it would swallow the closing brackets)', () => {
  const out = ok(
    lines(
      ...head,
      '    spec:',
      '      containers:',
      '      - name: delegate',
      '        image: harness/delegate:25.10.87101',
      '      volumes: [{name: client-certificate, secret: {secretName: s, defaultMode: 400}}]',
    ),
  )
  assert.ok(
    out.includes('      volumes: [{name: client-certificate, secret: {secretName: s, defaultMode: 256}}]\n'),
    out,
  )
  const multi = ok(
    lines(
      ...head,
      '    spec:',
      '      containers:',
      '      - name: delegate',
      '        image: harness/delegate:25.10.87101',
      '      volumes:',
      '      - name: client-certificate',
      '        secret: {',
      '          defaultMode: 400',
      '        }',
    ),
  )
  assert.ok(multi.includes('          defaultMode: 256, secretName: client-certificate\n'), multi)
})

test('old and new env names both in a flow list: the old entry is removed with its comma', () => {
  const out = ok(
    lines(
      ...head,
      '    spec:',
      '      containers:',
      '      - name: delegate',
      '        image: harness/delegate:25.10.87101',
      '        env: [{name: MANAGER_HOST_AND_PORT, value: https://app.harness.io}, {name: ' +
        'CLIENT_CERTIFICATE_PATH, value: /x}, {name: DELEGATE_CLIENT_CERTIFICATE_PATH, value: /etc/mtls/client.crt}]',
    ),
  )
  assert.ok(
    out.includes(
      '        env: [{name: MANAGER_HOST_AND_PORT, value: https://acme.harness.io:8443}, {name: ' +
        'DELEGATE_CLIENT_CERTIFICATE_PATH, value: /etc/mtls/client.crt}, {name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
    ),
    out,
  )
  // Multi-line: a comment line before the next item stays; so does a comment after the item before
  // a removed last item, and new items still go at the end.
  const pre = [
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:25.10.87101',
    '        env: [',
    '          {name: MANAGER_HOST_AND_PORT, value: https://app.harness.io},',
  ]
  const a = ok(
    lines(
      ...head,
      ...pre,
      '          {name: CLIENT_CERTIFICATE_PATH, value: /x},',
      '          # keep me',
      '          {name: DELEGATE_CLIENT_CERTIFICATE_PATH, value: /etc/mtls/client.crt}',
      '        ]',
    ),
  )
  assert.ok(
    a.includes(
      [
        '          {name: MANAGER_HOST_AND_PORT, value: https://acme.harness.io:8443},',
        '          # keep me',
        '          {name: DELEGATE_CLIENT_CERTIFICATE_PATH, value: /etc/mtls/client.crt}, {name: ' +
          'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
      ].join('\n'),
    ),
    a,
  )
  const b = ok(
    lines(
      ...head,
      ...pre,
      '          {name: DELEGATE_CLIENT_CERTIFICATE_PATH, value: /etc/mtls/client.crt}, # keep me',
      '          {name: CLIENT_CERTIFICATE_PATH, value: /x}',
      '        ]',
    ),
  )
  assert.ok(b.includes('{name: DELEGATE_CLIENT_CERTIFICATE_PATH, value: /etc/mtls/client.crt} # keep me\n'), b)
  assert.not.match(b, /CLIENT_CERTIFICATE_PATH, value: \/x/)
  const c = ok(
    lines(
      ...head,
      ...pre,
      '          {name: DELEGATE_CLIENT_CERTIFICATE_PATH, value: /etc/mtls/client.crt},',
      '          {name: CLIENT_CERTIFICATE_PATH, value: /x},',
      '        ]',
    ),
  )
  assert.not.match(c, /CLIENT_CERTIFICATE_PATH, value: \/x/)
  assert.match(c, /GRPC_AUTHORITY_MODIFICATION_DISABLED, value: "true"\},\n {8}\]/)
})

test('a flow pod spec with `volumes: null`, and a comment after the last item of a multi-line flow list', () => {
  const out = ok(
    lines(
      ...head,
      '    spec: {',
      '      volumes: null,',
      '      containers: [',
      '        {name: delegate, image: harness/delegate:25.10.87101, env: [',
      '          {name: MANAGER_HOST_AND_PORT, value: https://app.harness.io}, # the old one',
      '        ]}',
      '      ]',
      '    }',
    ),
  )
  assert.ok(
    out.includes(
      '      volumes: [{name: client-certificate, secret: {secretName: client-certificate, defaultMode: 256}}],\n',
    ),
    out,
  )
  assert.ok(out.includes('{name: GRPC_AUTHORITY_MODIFICATION_DISABLED, value: "true"}, # the old one\n'), out)
})

test('block scalar values keep their header comment and indentation; the chomping follows the new value', () => {
  const out = ok(
    lines(
      ...head,
      '    spec:',
      '      containers:',
      '      - name: delegate',
      '        image: harness/delegate:25.10.87101',
      '        env:',
      '        - name: MANAGER_HOST_AND_PORT',
      '          value: |- # keep this comment',
      '            https://app.harness.io',
      '',
      '        - name: LOG_STREAMING_SERVICE_URL',
      '          value: >',
      '            https://app.harness.io/log-service/',
      '        - name: CLIENT_CERTIFICATE_PATH',
      '          value: |-',
      '        - name: NEXT_GEN',
      '          value: "true"',
    ),
  )
  assert.ok(
    out.includes(
      lines(
        '          value: |- # keep this comment',
        '            https://acme.harness.io:8443',
        '',
        '        - name: LOG_STREAMING_SERVICE_URL',
        '          value: >-',
        '            https://acme.harness.io:8443/log-service/',
        '        - name: DELEGATE_CLIENT_CERTIFICATE_PATH',
        '          value: |-',
        '            /etc/mtls/client.crt',
      ),
    ),
    out,
  )
})

test('an aliased value or env list to change is refused at the alias (UNSUPPORTED), never half-done', () => {
  for (const [text, line] of [
    [
      lines(
        ...head,
        '    metadata:',
        '      annotations: {host: &h https://app.harness.io}',
        '    spec:',
        '      containers:',
        '      - name: delegate',
        '        image: harness/delegate:25.10.87101',
        '        env:',
        '        - name: MANAGER_HOST_AND_PORT',
        '          value: *h',
      ),
      15,
    ],
    [
      lines(
        ...head,
        '    spec:',
        '      containers:',
        '      - name: side',
        '        image: busybox',
        '        env: &e [{name: MANAGER_HOST_AND_PORT, value: https://app.harness.io}]',
        '      - name: delegate',
        '        image: harness/delegate:25.10.87101',
        '        env: *e',
      ),
      14,
    ],
  ] as const) {
    const r = migrate(text, { endpoint: E, file: 'a.yaml' })
    assert.is(r.status, 'error')
    assert.is(r.output, text)
    const d = r.diagnostics.find((x) => x.severity === 'error')!
    assert.is(d.code, 'UNSUPPORTED')
    assert.is(d.line, line)
    assert.match(d.message, /is an alias/)
  }
})

test('a managed env var listed twice is a conflict (Kubernetes would use the last, unchanged one)', () => {
  const text = lines(
    ...head,
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:25.10.87101',
    '        env:',
    '        - name: MANAGER_HOST_AND_PORT',
    '          value: https://app.harness.io',
    '        - name: MANAGER_HOST_AND_PORT',
    '          value: https://app3.harness.io',
  )
  const r = migrate(text, { endpoint: E, file: 'a.yaml' })
  assert.is(r.status, 'error')
  const d = r.diagnostics.find((x) => x.severity === 'error')!
  assert.is(d.code, 'CONFLICT')
  assert.is(d.line, 14)
  assert.match(d.message, /listed twice/)
})

test('a non-root securityContext written through a merge key or an alias still gets mode 0440 (288)', () => {
  for (const sc of ['        securityContext: {<<: *nonroot}', '        securityContext: *nonroot']) {
    const out = ok(
      lines(
        ...head,
        '    spec:',
        '      containers:',
        '      - name: side',
        '        image: busybox',
        '        securityContext: &nonroot {runAsUser: 1001}',
        '      - name: delegate',
        '        image: harness/delegate:25.10.87101',
        sc,
        '      securityContext: {fsGroup: 1001}',
      ),
    )
    assert.ok(out.includes('defaultMode: 288 # 0440'), out)
  }
})

test.run()
