/** SPEC §3.1–3.4, §3.7, §3.8: the delegate container's env, in each list style found in the wild. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { yaml } from '../helpers/dedent.js'
import { run } from '../helpers/run.js'

const test = suite('mtls/env')

test('compact and indented env lists in one file keep their own style', () => {
  const r = run(yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: one
    spec:
      template:
        spec:
          containers:
            - name: delegate
              image: harness/delegate:24.09.83900
              env:
                - name: MANAGER_HOST_AND_PORT
                  value: https://app.harness.io/gratis
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: two
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            env:
            - name: MANAGER_HOST_AND_PORT
              value: https://app.harness.io/gratis
            volumeMounts:
              - name: data
                mountPath: /data
          volumes:
          - name: data
            emptyDir: {}
  `)
  assert.is(r.status, 'migrated')
  assert.equal(r.diags, [])
  assert.is(
    r.output,
    yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: one
    spec:
      template:
        spec:
          containers:
            - name: delegate
              image: harness/delegate:24.09.83900
              env:
                - name: MANAGER_HOST_AND_PORT
                  value: https://acme.harness.io:8443
                - name: DELEGATE_CLIENT_CERTIFICATE_PATH
                  value: "/etc/mtls/client.crt"
                - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
                  value: "/etc/mtls/client.key"
                - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
                  value: "true"
              volumeMounts:
                - name: client-certificate
                  mountPath: /etc/mtls
                  readOnly: true
          volumes:
            - name: client-certificate
              secret:
                secretName: client-certificate
                defaultMode: 256 # 0400
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: two
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            env:
            - name: MANAGER_HOST_AND_PORT
              value: https://acme.harness.io:8443
            - name: DELEGATE_CLIENT_CERTIFICATE_PATH
              value: "/etc/mtls/client.crt"
            - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
              value: "/etc/mtls/client.key"
            - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
              value: "true"
            volumeMounts:
              - name: data
                mountPath: /data
              - name: client-certificate
                mountPath: /etc/mtls
                readOnly: true
          volumes:
          - name: data
            emptyDir: {}
          - name: client-certificate
            secret:
              secretName: client-certificate
              defaultMode: 256 # 0400
  `,
  )
})

test('3-space indentation with the `-  name:` item style, also for new lists', () => {
  const r = run(yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
       name: three
    spec:
       template:
          spec:
             containers:
             -  name: delegate
                image: harness/delegate:24.09.83900
                env:
                -  name: MANAGER_HOST_AND_PORT
                   value: 'https://app.harness.io'
  `)
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
       name: three
    spec:
       template:
          spec:
             containers:
             -  name: delegate
                image: harness/delegate:24.09.83900
                env:
                -  name: MANAGER_HOST_AND_PORT
                   value: 'https://acme.harness.io:8443'
                -  name: DELEGATE_CLIENT_CERTIFICATE_PATH
                   value: "/etc/mtls/client.crt"
                -  name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
                   value: "/etc/mtls/client.key"
                -  name: GRPC_AUTHORITY_MODIFICATION_DISABLED
                   value: "true"
                volumeMounts:
                -  name: client-certificate
                   mountPath: /etc/mtls
                   readOnly: true
             volumes:
             -  name: client-certificate
                secret:
                   secretName: client-certificate
                   defaultMode: 256 # 0400
  `,
  )
})

test('a flow env gets flow entries', () => {
  const r = run(yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            env: [{name: A, value: b}]
            volumeMounts: [{name: client-certificate, mountPath: /etc/mtls, readOnly: true}]
          volumes: [{name: client-certificate, secret: {secretName: client-certificate, defaultMode: 256}}]
  `)
  assert.is(r.status, 'migrated')
  assert.equal(r.diags, ['9:9 warning ADDED_ENDPOINT: the delegate container had no MANAGER_HOST_AND_PORT; added it'])
  assert.is(
    r.output,
    yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            env: ENV
            volumeMounts: [{name: client-certificate, mountPath: /etc/mtls, readOnly: true}]
          volumes: [{name: client-certificate, secret: {secretName: client-certificate, defaultMode: 256}}]
  `.replace(
      'ENV',
      '[{name: A, value: b}, {name: MANAGER_HOST_AND_PORT, value: "https://acme.harness.io:8443"}, ' +
        '{name: DELEGATE_CLIENT_CERTIFICATE_PATH, value: "/etc/mtls/client.crt"}, ' +
        '{name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH, value: "/etc/mtls/client.key"}, ' +
        '{name: GRPC_AUTHORITY_MODIFICATION_DISABLED, value: "true"}]',
    ),
  )
})

// The same delegate with env written as `env: []`, `env:` and no env at all: the entries come out as a block list.
const withEnv = (env: string) =>
  yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            ENV
            volumeMounts:
            - name: client-certificate
              mountPath: /etc/mtls
              readOnly: true
          volumes:
          - name: client-certificate
            secret:
              secretName: client-certificate
              defaultMode: 256 # 0400
  `.replace('        ENV\n', env)

const blockEnv = [
  '        env:',
  '        - name: MANAGER_HOST_AND_PORT',
  '          value: "https://acme.harness.io:8443"',
  '        - name: DELEGATE_CLIENT_CERTIFICATE_PATH',
  '          value: "/etc/mtls/client.crt"',
  '        - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
  '          value: "/etc/mtls/client.key"',
  '        - name: GRPC_AUTHORITY_MODIFICATION_DISABLED',
  '          value: "true"',
  '',
].join('\n')

test('`env: []` gets flow entries', () => {
  const r = run(withEnv('        env: []\n'))
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    withEnv(
      '        env: [{name: MANAGER_HOST_AND_PORT, value: "https://acme.harness.io:8443"}, {name: ' +
        'DELEGATE_CLIENT_CERTIFICATE_PATH, value: "/etc/mtls/client.crt"}, {name: ' +
        'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH, value: "/etc/mtls/client.key"}, {name: ' +
        'GRPC_AUTHORITY_MODIFICATION_DISABLED, value: "true"}]\n',
    ),
  )
})

test('`env:` (null) is filled with a block list', () => {
  const r = run(withEnv('        env:\n'))
  assert.is(r.status, 'migrated')
  assert.is(r.output, withEnv(blockEnv))
})

test('a container with no env key gets one, at the end of the container', () => {
  const input = withEnv('')
  const r = run(input)
  assert.is(r.status, 'migrated')
  assert.equal(r.diags, ['9:9 warning ADDED_ENDPOINT: the delegate container had no MANAGER_HOST_AND_PORT; added it'])
  assert.is(r.output, input.replace('          readOnly: true\n', '          readOnly: true\n' + blockEnv))
})

test('the old names CLIENT_CERTIFICATE_PATH / _KEY_PATH are renamed, or removed when the new name is set too', () => {
  const r = run(yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            env:
            - name: MANAGER_HOST_AND_PORT
              value: https://acme.harness.io:8443
            - name: CLIENT_CERTIFICATE_PATH
              value: /etc/mtls/client.crt
            - name: CLIENT_CERTIFICATE_KEY_PATH
              value: /etc/certs/tls.key
            - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
              value: /etc/mtls/client.key
            - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
              value: "true"
            volumeMounts:
            - name: client-certificate
              mountPath: /etc/mtls
              readOnly: true
          volumes:
          - name: client-certificate
            secret:
              secretName: client-certificate
              defaultMode: 256
  `)
  assert.is(r.status, 'migrated')
  assert.equal(
    r.changes.map((c) => [c.op, c.path, c.before, c.after]),
    [
      [
        'set',
        'spec.template.spec.containers[name=delegate].env[name=CLIENT_CERTIFICATE_PATH].name',
        'CLIENT_CERTIFICATE_PATH',
        'DELEGATE_CLIENT_CERTIFICATE_PATH',
      ],
      [
        'remove',
        'spec.template.spec.containers[name=delegate].env[name=CLIENT_CERTIFICATE_KEY_PATH]',
        { name: 'CLIENT_CERTIFICATE_KEY_PATH', value: '/etc/certs/tls.key' },
        undefined,
      ],
    ],
  )
  assert.is(
    r.output,
    yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            env:
            - name: MANAGER_HOST_AND_PORT
              value: https://acme.harness.io:8443
            - name: DELEGATE_CLIENT_CERTIFICATE_PATH
              value: /etc/mtls/client.crt
            - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
              value: /etc/mtls/client.key
            - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
              value: "true"
            volumeMounts:
            - name: client-certificate
              mountPath: /etc/mtls
              readOnly: true
          volumes:
          - name: client-certificate
            secret:
              secretName: client-certificate
              defaultMode: 256
  `,
  )
})

const fromConfigMap = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: d
  spec:
    template:
      spec:
        containers:
        - name: delegate
          image: harness/delegate:24.09.83900
          env:
          - name: MANAGER_HOST_AND_PORT
            valueFrom:
              configMapKeyRef:
                name: delegate-env
                key: MANAGER_HOST_AND_PORT
          - name: DELEGATE_CLIENT_CERTIFICATE_PATH
            value: /etc/mtls/client.crt
          - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
            value: /etc/mtls/client.key
          - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
            value: "true"
          volumeMounts:
          - name: client-certificate
            mountPath: /etc/mtls
            readOnly: true
        volumes:
        - name: client-certificate
          secret:
            secretName: client-certificate
            defaultMode: 256
`

test('MANAGER_HOST_AND_PORT through configMapKeyRef is patched in the ConfigMap when it is in the input', () => {
  const configMap = yaml`
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: delegate-env
    data:
      MANAGER_HOST_AND_PORT: "https://app.harness.io"
  `
  const r = run(fromConfigMap + configMap)
  assert.is(r.status, 'migrated')
  assert.is(r.unresolved, false)
  assert.equal(r.diags, [])
  assert.equal(
    r.changes.map((c) => [c.resource.kind, c.path, c.before, c.after]),
    [['ConfigMap', 'data.MANAGER_HOST_AND_PORT', 'https://app.harness.io', 'https://acme.harness.io:8443']],
  )
  assert.is(r.output, fromConfigMap + configMap.replace('"https://app.harness.io"', '"https://acme.harness.io:8443"'))
})

test('MANAGER_HOST_AND_PORT through configMapKeyRef, ConfigMap not in the input: NOT_CHANGED, unresolved', () => {
  const r = run(fromConfigMap)
  assert.is(r.status, 'already')
  assert.is(r.unresolved, true)
  assert.equal(r.changes, [])
  assert.is(r.output, fromConfigMap)
  // At the `valueFrom:` key (line 13), not at the first line of what it holds.
  assert.equal(r.diags, [
    '13:11 warning NOT_CHANGED: MANAGER_HOST_AND_PORT comes from ConfigMap delegate-env, which is ' +
      'not in the input: set it to "https://acme.harness.io:8443" there',
  ])
})

test('an owned var (DELEGATE_CLIENT_CERTIFICATE_PATH) set through valueFrom is a CONFLICT', () => {
  const input = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            env:
            - name: MANAGER_HOST_AND_PORT
              value: https://acme.harness.io:8443
            - name: DELEGATE_CLIENT_CERTIFICATE_PATH
              valueFrom:
                configMapKeyRef:
                  name: delegate-env
                  key: CERT
  `
  const r = run(input)
  assert.is(r.status, 'error')
  assert.is(r.output, input)
  // At the `valueFrom:` key (line 15), not at `configMapKeyRef:` below it.
  assert.equal(r.diags, [
    '15:11 error CONFLICT: DELEGATE_CLIENT_CERTIFICATE_PATH is set through valueFrom; delegate-mtls ' +
      'must set it to "/etc/mtls/client.crt" inline (remove the valueFrom)',
  ])
})

const shortDelegate = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: d
  spec:
    template:
      spec:
        containers:
        - name: delegate
          image: harness/delegate:24.09.83900
          env:
          - name: MANAGER_HOST_AND_PORT
            value: https://app.harness.io/gratis
          - name: LOG_STREAMING_SERVICE_URL
            value: "https://app.harness.io/gratis/log-service/"
          volumeMounts:
          - name: client-certificate
            mountPath: /etc/mtls
            readOnly: true
        volumes:
        - name: client-certificate
          secret:
            secretName: client-certificate
            defaultMode: 256
`

test('--ti-service adds TI_SERVICE_URL; --no-grpc-authority leaves GRPC_AUTHORITY_MODIFICATION_DISABLED out', () => {
  const r = run(shortDelegate, { tiService: true, grpcAuthority: false })
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    shortDelegate
      .replace('https://app.harness.io/gratis\n', 'https://acme.harness.io:8443\n')
      .replace(
        '"https://app.harness.io/gratis/log-service/"\n',
        [
          '"https://acme.harness.io:8443/log-service/"',
          '        - name: TI_SERVICE_URL',
          '          value: "https://acme.harness.io:8443/ti-service/"',
          '        - name: DELEGATE_CLIENT_CERTIFICATE_PATH',
          '          value: "/etc/mtls/client.crt"',
          '        - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
          '          value: "/etc/mtls/client.key"',
          '',
        ].join('\n'),
      ),
  )
})

test('by default TI_SERVICE_URL is not added but GRPC_AUTHORITY_MODIFICATION_DISABLED is', () => {
  const r = run(shortDelegate)
  assert.equal(
    r.changes.map((c) => c.path + ' ' + JSON.stringify(c.after)),
    [
      'spec.template.spec.containers[name=delegate].env[name=MANAGER_HOST_AND_PORT].value ' +
        '"https://acme.harness.io:8443"',
      'spec.template.spec.containers[name=delegate].env[name=LOG_STREAMING_SERVICE_URL].value ' +
        '"https://acme.harness.io:8443/log-service/"',
      'spec.template.spec.containers[name=delegate].env ' +
        '{"name":"DELEGATE_CLIENT_CERTIFICATE_PATH","value":"/etc/mtls/client.crt"}',
      'spec.template.spec.containers[name=delegate].env ' +
        '{"name":"DELEGATE_CLIENT_CERTIFICATE_KEY_PATH","value":"/etc/mtls/client.key"}',
      'spec.template.spec.containers[name=delegate].env {"name":"GRPC_AUTHORITY_MODIFICATION_DISABLED","value":"true"}',
    ],
  )
})

test('an existing TI_SERVICE_URL is rewritten even without --ti-service, keeping its quotes', () => {
  const input = shortDelegate.replace(
    '        volumeMounts:',
    "        - name: TI_SERVICE_URL\n          value: 'https://app.harness.io/gratis/ti-service/'\n " +
      '       volumeMounts:',
  )
  const r = run(input, { grpcAuthority: false })
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            env:
            - name: MANAGER_HOST_AND_PORT
              value: https://acme.harness.io:8443
            - name: LOG_STREAMING_SERVICE_URL
              value: "https://acme.harness.io:8443/log-service/"
            - name: TI_SERVICE_URL
              value: 'https://acme.harness.io:8443/ti-service/'
            - name: DELEGATE_CLIENT_CERTIFICATE_PATH
              value: "/etc/mtls/client.crt"
            - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
              value: "/etc/mtls/client.key"
            volumeMounts:
            - name: client-certificate
              mountPath: /etc/mtls
              readOnly: true
          volumes:
          - name: client-certificate
            secret:
              secretName: client-certificate
              defaultMode: 256
  `,
  )
})

test('MANAGER_HOST_AND_PORT arriving through envFrom is patched in that ConfigMap when it is in the input', () => {
  const input = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: d-env
    data:
      MANAGER_HOST_AND_PORT: https://app.harness.io
      LOG_STREAMING_SERVICE_URL: https://app.harness.io/log-service/
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: harness/delegate:24.09.83900
            envFrom:
            - configMapRef:
                name: d-env
            env:
            - name: DELEGATE_CLIENT_CERTIFICATE_PATH
              value: /etc/mtls/client.crt
            - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
              value: /etc/mtls/client.key
            - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
              value: "true"
            volumeMounts:
            - name: client-certificate
              mountPath: /etc/mtls
              readOnly: true
          volumes:
          - name: client-certificate
            secret:
              secretName: client-certificate
              defaultMode: 256
  `
  const r = run(input)
  assert.is(r.status, 'migrated')
  assert.is(r.unresolved, false)
  assert.equal(r.diags, [])
  assert.is(
    r.output,
    input
      .replace(
        'MANAGER_HOST_AND_PORT: https://app.harness.io\n',
        'MANAGER_HOST_AND_PORT: https://acme.harness.io:8443\n',
      )
      .replace(
        'LOG_STREAMING_SERVICE_URL: https://app.harness.io/log-service/',
        'LOG_STREAMING_SERVICE_URL: https://acme.harness.io:8443/log-service/',
      ),
  )
})

test.run()
