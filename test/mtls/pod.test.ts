/** SPEC §3.5, §3.6, §6: the mount, the secret volume, its mode, and the conflicts that stop us. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { at, yaml } from '../helpers/dedent.js'
import { run } from '../helpers/run.js'

const test = suite('mtls/pod')

// A delegate whose env is already migrated; each test varies the mounts, the volumes or the pod's user.
const delegate = (pod: string, mounts: string) =>
  yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: acme-delegate
    spec:
      template:
        spec:
          POD
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
            MOUNTS
  `
    .replace('      POD\n', pod)
    .replace('        MOUNTS\n', mounts)

// Fragments for the container (column 8) and for the pod (column 6; a fragment that starts in the
// container writes those lines two spaces in).
const containerLines = at(8)
const podLines = at(6)
const ourMount = containerLines`
  volumeMounts:
  - name: client-certificate
    mountPath: /etc/mtls
    readOnly: true
`

test('a pod with no volumes gets a volumes list at the end of its spec', () => {
  const r = run(delegate('', ''))
  assert.is(r.status, 'migrated')
  assert.equal(r.diags, [])
  assert.is(
    r.output,
    delegate(
      '',
      ourMount +
        podLines`
      volumes:
      - name: client-certificate
        secret:
          secretName: client-certificate
          defaultMode: 256 # 0400
  `,
    ),
  )
})

test('a secret name YAML 1.1 would read as a boolean or a number is quoted', () => {
  for (const [name, written] of [
    ['yes', '"yes"'],
    ['0400', '"0400"'],
    ['on', '"on"'],
    ['1e3', '"1e3"'],
  ] as const) {
    const r = run(delegate('', ''), { secretName: name })
    assert.is(r.status, 'migrated', name)
    assert.is(
      r.output,
      delegate(
        '',
        ourMount +
          podLines`
      volumes:
      - name: client-certificate
        secret:
          secretName: SECRET
          defaultMode: 256 # 0400
    `.replace('SECRET', written),
      ),
      name,
    )
    assert.equal(r.changes.at(-1)!.after, {
      name: 'client-certificate',
      secret: { secretName: name, defaultMode: 256 },
    })
  }
})

test('another volume mounted at /etc/mtls is a CONFLICT at that mount', () => {
  const input = delegate(
    '',
    podLines`
            volumeMounts:
            - name: data
              mountPath: /data
            - name: certs
              mountPath: /etc/mtls
          volumes:
          - name: data
            emptyDir: {}
          - name: certs
            secret:
              secretName: certs
  `,
  )
  const r = run(input)
  assert.is(r.status, 'error')
  assert.is(r.output, input)
  assert.equal(
    r.diags.filter((d) => d.includes('error')),
    [
      '23:11 error CONFLICT: volume "certs" is already mounted at /etc/mtls; client-certificate ' +
        'needs that path (choose another with --mount-path)',
    ],
  )
})

test('--mount-path moves our mount away from the clash', () => {
  const input = delegate(
    '',
    podLines`
            volumeMounts:
            - name: certs
              mountPath: /etc/mtls
          volumes:
          - name: certs
            secret:
              secretName: certs
  `,
  )
  const r = run(input, { mountPath: '/etc/harness-mtls/' })
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: acme-delegate
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
              value: /etc/harness-mtls/client.crt
            - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
              value: /etc/harness-mtls/client.key
            - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
              value: "true"
            volumeMounts:
            - name: certs
              mountPath: /etc/mtls
            - name: client-certificate
              mountPath: /etc/harness-mtls
              readOnly: true
          volumes:
          - name: certs
            secret:
              secretName: certs
          - name: client-certificate
            secret:
              secretName: client-certificate
              defaultMode: 256 # 0400
  `,
  )
})

test('a volume client-certificate that is a configMap is a CONFLICT that says what is there', () => {
  const input = delegate(
    '',
    ourMount +
      podLines`
      volumes:
      - name: client-certificate
        configMap:
          name: delegate-certs
  `,
  )
  const r = run(input)
  assert.is(r.status, 'error')
  assert.is(r.output, input)
  assert.equal(r.diags, [
    '25:9 error CONFLICT: volume "client-certificate" exists but is a configMap volume; ' +
      'delegate-mtls needs it to be a secret volume holding the client certificate Secret',
  ])
})

const existing = (secretName: string, mode: string) =>
  ourMount +
  podLines`
      volumes:
      - name: custom-certs
        secret:
          secretName: mycerts
          defaultMode: 400
      - name: client-certificate
        secret:
          secretName: SECRET
          defaultMode: MODE
  `
    .replace('SECRET', secretName)
    .replace('MODE', mode)

test(
  'an existing client-certificate volume keeps its secretName; its decimal 400 becomes 256 # ' +
    "0400; another volume's 400 is only linted",
  () => {
    const r = run(delegate('', existing('my-existing-secret', '400')))
    assert.is(r.status, 'migrated')
    assert.is(r.output, delegate('', existing('my-existing-secret', '256 # 0400')))
    assert.equal(
      r.changes.map((c) => [c.path, c.before, c.after, c.reason]),
      [
        [
          'spec.template.spec.volumes[name=client-certificate].secret.defaultMode',
          400,
          256,
          'defaultMode: 400 is decimal (octal 0620, group-writable); 0400 was meant',
        ],
      ],
    )
    assert.equal(r.diags, [
      '25:9 warning LINT: volume "custom-certs" is not mounted by any container',
      '28:24 warning LINT: defaultMode: 400 is decimal, which is octal 0620 (group-writable); write ' +
        '0400 (or 256) if read-only was meant',
    ])
  },
)

test('an explicit secretName replaces the existing one', () => {
  const r = run(delegate('', existing('my-existing-secret', '256')), { secretName: 'client-certificate' })
  assert.is(r.status, 'migrated')
  assert.is(r.output, delegate('', existing('client-certificate', '256')))
  assert.equal(
    r.changes.map((c) => [c.path, c.before, c.after, c.reason]),
    [
      [
        'spec.template.spec.volumes[name=client-certificate].secret.secretName',
        'my-existing-secret',
        'client-certificate',
        '--secret-name was given',
      ],
    ],
  )
})

test('the delegate token Secret (<name>-account-token) is never kept as the client certificate', () => {
  const r = run(delegate('', existing('acme-delegate-account-token', '256')))
  assert.is(r.status, 'migrated')
  assert.is(r.output, delegate('', existing('client-certificate', '256')))
  assert.equal(
    r.changes.map((c) => [c.before, c.after]),
    [['acme-delegate-account-token', 'client-certificate']],
  )
})

test('a non-root pod gets 288 # 0440, and a warning when it has no fsGroup', () => {
  const pod = '      securityContext:\n        runAsUser: 1000\n'
  const r = run(delegate(pod, ''))
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    delegate(
      pod,
      ourMount +
        podLines`
      volumes:
      - name: client-certificate
        secret:
          secretName: client-certificate
          defaultMode: 288 # 0440
  `,
    ),
  )
  assert.equal(r.diags, [
    '11:9 warning NON_ROOT: the delegate runs as a non-root user and the pod sets no fsGroup: the ' +
      'key (mode 0440, owned by root) will not be readable; set spec.template.spec.securityContext.fsGroup',
  ])
})

test('runAsNonRoot with an fsGroup: 0440 and no warning', () => {
  const pod = '      securityContext:\n        runAsNonRoot: true\n        fsGroup: 1001\n'
  const r = run(delegate(pod, ''))
  assert.equal(r.diags, [])
  assert.is(
    r.output,
    delegate(
      pod,
      ourMount +
        podLines`
      volumes:
      - name: client-certificate
        secret:
          secretName: client-certificate
          defaultMode: 288 # 0440
  `,
    ),
  )
})

test("the container's runAsUser: 0 wins over the pod's non-root user", () => {
  const podUser = '      securityContext:\n        runAsUser: 1000\n'
  const containerUser = '        securityContext:\n          runAsUser: 0\n'
  const r = run(delegate(podUser, containerUser))
  assert.equal(r.diags, [])
  assert.is(
    r.output,
    delegate(
      podUser,
      containerUser +
        ourMount +
        podLines`
    volumes:
    - name: client-certificate
      secret:
        secretName: client-certificate
        defaultMode: 256 # 0400
  `,
    ),
  )
})

test('a half-done migration is completed: our mount at another path, not read-only, and no volume', () => {
  const input = delegate(
    '',
    containerLines`
    volumeMounts:
    - name: client-certificate
      mountPath: /etc/certs
      readOnly: false
  `,
  )
  const r = run(input)
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    delegate(
      '',
      ourMount +
        podLines`
      volumes:
      - name: client-certificate
        secret:
          secretName: client-certificate
          defaultMode: 256 # 0400
  `,
    ),
  )
  assert.equal(
    r.changes.map((c) => `${c.op} ${c.path}`),
    [
      'set spec.template.spec.containers[name=delegate].volumeMounts[name=client-certificate].mountPath',
      'set spec.template.spec.containers[name=delegate].volumeMounts[name=client-certificate].readOnly',
      'append spec.template.spec.volumes',
    ],
  )
})

test('a half-done migration is completed: the mount without readOnly, the volume without a mode', () => {
  const input = delegate(
    '',
    podLines`
            volumeMounts:
            - name: client-certificate
              mountPath: /etc/mtls
          volumes:
          - name: client-certificate
            secret:
              secretName: client-certificate
  `,
  )
  const r = run(input)
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    delegate(
      '',
      ourMount +
        podLines`
      volumes:
      - name: client-certificate
        secret:
          secretName: client-certificate
          defaultMode: 256 # 0400
  `,
    ),
  )
})

// The certificate mounted file by file, and other mounts at or under the mount path (the kubelet's view:
// paths compared without a trailing slash; a mount at a file's path hides that file).
const withMounts = (mounts: string) =>
  delegate(
    '',
    mounts +
      podLines`
    volumes:
    - name: client-certificate
      secret:
        secretName: client-certificate
        defaultMode: 256 # 0400
    - name: ca
      configMap:
        name: ca-bundle
  `,
  )

test('both files mounted one by one where the env vars point is done; so is the mount path with a final /', () => {
  const fileByFile = containerLines`
    volumeMounts:
    - name: client-certificate
      mountPath: /etc/mtls/client.crt
      subPath: client.crt
      readOnly: true
    - name: client-certificate
      mountPath: /etc/mtls/client.key/
      subPath: client.key
      readOnly: true
    - name: ca
      mountPath: /etc/mtls/ca.crt
      subPath: ca.crt
  `
  const slash = containerLines`
    volumeMounts:
    - name: client-certificate
      mountPath: /etc/mtls/
      readOnly: true
    - name: ca
      mountPath: /etc/mtls/ca
  `
  for (const mounts of [fileByFile, slash]) {
    const r = run(withMounts(mounts))
    assert.is(r.status, 'already', r.diags.join('\n'))
    assert.equal(r.changes, [])
    assert.equal(
      r.diags.filter((d) => d.includes('error')),
      [],
    )
  }
})

test(
  'a file-by-file mount that is not where the delegate reads is refused, never turned into a ' +
    'file mount at a directory',
  () => {
    const oneFile = containerLines`
    volumeMounts:
    - name: client-certificate
      mountPath: /etc/mtls/client.crt
      subPath: client.crt
  `
    const input = withMounts(oneFile)
    const r = run(input)
    assert.is(r.status, 'error')
    assert.is(r.output, input)
    assert.equal(
      r.diags.filter((d) => d.includes('error')),
      [
        '21:11 error CONFLICT: volume "client-certificate" is mounted file by file (subPath), but not ' +
          'as the delegate reads it: mount subPath client.crt at /etc/mtls/client.crt and subPath ' +
          'client.key at /etc/mtls/client.key, or the whole volume at /etc/mtls (and no subPath)',
      ],
    )
  },
)

test('another volume mounted at the key file path hides it: a CONFLICT at that mount', () => {
  const input = withMounts(containerLines`
    volumeMounts:
    - name: client-certificate
      mountPath: /etc/mtls
      readOnly: true
    - name: ca
      mountPath: /etc/mtls/client.key
  `)
  const r = run(input)
  assert.is(r.status, 'error')
  assert.is(r.output, input)
  assert.equal(
    r.diags.filter((d) => d.includes('error')),
    [
      '24:11 error CONFLICT: volume "ca" is mounted at /etc/mtls/client.key, which would hide the ' +
        'client key the delegate reads there (move it, or choose another --mount-path)',
    ],
  )
})

test.run()
