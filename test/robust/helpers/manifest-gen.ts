// Random but valid Harness delegate manifests, written as text with controlled formatting (see
// yaml-text.ts): indentation 2/3/4, compact and indented sequences mixed, every quoting style, comments
// and blank lines, CRLF, BOM, flow collections, anchors and aliases, extra containers and volumes, and
// documents that are not delegates. Half-migrated states (old env names, a mount without its volume,
// decimal `defaultMode: 400`) come up too: the tool must complete them.
import fc from 'fast-check'
import {
  alias,
  blockString,
  comment,
  documentLines,
  map,
  raw,
  seededChoices,
  seq,
  str,
  toValue,
  type Choices,
  type FileStyle,
  type MapN,
  type Node,
  type RenderState,
  type SeqN,
} from './yaml-text.js'

export interface GenOptions {
  endpoint: string
  mountPath?: string
  secretName?: string
  grpcAuthority: boolean
  tiService: boolean
}

export type DocRole = 'delegate' | 'upgrader-config' | 'upgrader-cronjob' | 'inert'

export interface GenDoc {
  role: DocRole
  kind: string
  name: string
  /** The document's text, as it stands in the file (no separator lines). */
  text: string
  /** delegate: the delegate container's name; cronjob: the upgrader container's. */
  container?: string
  /** What the document decodes to (YAML 1.1), from the generator's own model: the oracle's "before". */
  value: Record<string, any>
}

export interface GeneratedManifest {
  /** The whole file, BOM and CRLF included. */
  text: string
  docs: GenDoc[]
  /** The file as segments in order: a touched document may change, everything else must not. */
  segments: { text: string; touched: boolean }[]
  /** Comment tokens (`c12x`) written into the file; each must survive migration. */
  comments: string[]
  /** Labels for fc.statistics. */
  features: string[]
  options: GenOptions
}

const IMAGES = [
  'harness/delegate:25.10.87101',
  'harness/delegate:24.02.82203.minimal',
  'registry.example.com/mirror/harness/delegate:25.03.85403',
  'us-docker.pkg.dev/gar-prod-setup/harness-public/harness/delegate:25.01.84800',
  'harness/delegate-immutable:23.05.79310',
]
const OLD_MANAGER = [
  'https://app.harness.io',
  'https://app.harness.io/gratis',
  'https://app.harness.io/',
  'https://app3.harness.io',
]
export const ENDPOINTS = [
  'https://acme.harness.io:8443',
  'https://acme.agent.harness.io',
  'https://harness.example.internal:443/',
]
const MOUNT_PATHS = [undefined, '/etc/mtls', '/etc/mtls/', '/var/run/harness/mtls']
const SECRET_NAMES = [undefined, 'client-certificate', '{delegate}-client-certificate', 'mtls.cert']
const NAMES = ['prod-us-east-delegate', 'delegate', 'k8s-delegate-01', 'harness-delegate-ng', 'd']

/**
 * fast-check arbitrary of a whole generated manifest. Every decision comes from a PRNG seeded by
 * fast-check (fc.gen() would shrink, but its per-call bookkeeping costs more than migrating the file);
 * a counterexample prints as the numbered file and the options, and its seed replays it.
 */
export const manifestArb = (opts: { adversarial?: boolean } = {}): fc.Arbitrary<GeneratedManifest> =>
  fc.noShrink(fc.integer()).map((seed) => {
    const m = generateManifest(seededChoices(seed), opts)
    return Object.assign(m, { seed, [fc.toStringMethod]: () => `seed ${seed}\n${describeManifest(m)}` })
  })

/** Shows the text when fast-check prints a counterexample. */
export function describeManifest(m: GeneratedManifest): string {
  const visible = (l: string) =>
    l
      .replace(/\r/g, '<CR>')
      .replace(/\uFEFF/g, '<BOM>')
      .replace(/\t/g, '<TAB>')
  return `options ${JSON.stringify(m.options)}\n----- file (numbered lines; <CR> <BOM> <TAB> shown) -----\n${m.text
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(4)}| ${visible(l)}`)
    .join('\n')}\n-----`
}

interface Ctx {
  c: Choices
  st: RenderState
  features: Set<string>
  adversarial: boolean
  options: GenOptions
  anchors: number
  /** Adversarial: an anchored copy of the old manager URL, for `value: *mgr`. */
  mgrAnchor?: { name: string; value: string }
}

const newAnchor = (x: Ctx, base: string) => `${base}${x.anchors++ || ''}`

/** Random flow/block style for a collection. */
function styleColl<T extends MapN | SeqN>(x: Ctx, n: T, flowPercent: number): T {
  if (x.c.chance(flowPercent)) {
    n.flow = x.c.chance(25) ? 'multiline' : 'inline'
    n.padded = x.c.chance(40)
    x.features.add(`flow-${n.t}`)
  } else if (n.t === 'seq') {
    ;(n as SeqN).compact = x.c.chance(50)
    if (x.c.chance(8)) (n as SeqN).gap = x.st.style.unit - 1 || 1
  }
  return n
}

const s = (x: Ctx, v: string) => str(x.c, v)
const maybe = <T>(x: Ctx, p: number, f: () => T): T | undefined => (x.c.chance(p) ? f() : undefined)

/** Reorders pairs a little (keeps apiVersion/kind near the top most of the time). */
function shuffle<T>(c: Choices, xs: T[], percent: number): T[] {
  const out = [...xs]
  if (!c.chance(percent)) return out
  for (let i = out.length - 1; i > 0; i--) {
    const j = c.int(0, i)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

function envEntry(x: Ctx, name: string, value: Node | undefined, extra?: [string, Node]): MapN {
  const pairs: [string, Node | undefined][] = [
    ['name', s(x, name)],
    ['value', value],
  ]
  if (extra) pairs.push(extra)
  const m = map(...(x.c.chance(5) ? [...pairs].reverse() : pairs))
  return styleColl(x, m, 12)
}

function envList(x: Ctx, delegateName: string, nameAnchor: string | undefined): { env: SeqN | undefined } {
  const c = x.c
  const items: MapN[] = []
  const plain = (n: string, v: string) => items.push(envEntry(x, n, s(x, v)))
  const hasManager = !c.chance(8)
  if (!hasManager) x.features.add('no-manager-env')
  if (c.chance(80)) plain('JAVA_OPTS', c.pick(['-Xms64M', '-Xms64M -Xmx1g', '']))
  plain('ACCOUNT_ID', c.pick(['px7xd_BFRCi-pfWPYXVjvw', 'abc123', 'ABCDEF_ghi-0']))
  if (hasManager) {
    const value = c.chance(10) ? x.options.endpoint.replace(/\/$/, '') : c.pick(OLD_MANAGER)
    if (x.mgrAnchor && c.chance(50)) {
      x.features.add('adv-alias-edited-value')
      items.push(envEntry(x, 'MANAGER_HOST_AND_PORT', alias(x.mgrAnchor.name)))
    } else {
      const node = s(x, value)
      if (x.adversarial && c.chance(10)) ((node.tag = '!!str'), x.features.add('adv-tag'))
      else if (x.adversarial && c.chance(10) && !node.block)
        ((node.nextLine = true), x.features.add('adv-value-next-line'))
      items.push(envEntry(x, 'MANAGER_HOST_AND_PORT', node))
    }
    if (x.adversarial && c.chance(5))
      (items.push(envEntry(x, 'MANAGER_HOST_AND_PORT', s(x, c.pick(OLD_MANAGER)))), x.features.add('adv-duplicate-env'))
  }
  if (x.adversarial && c.chance(15)) {
    x.features.add('adv-multiline-plain')
    items.push(
      envEntry(x, 'DELEGATE_DESCRIPTION', {
        t: 'scalar',
        value: 'runs in the prod cluster',
        src: '',
        flowSrc: '"runs in the prod cluster"',
        multiPlain: ['runs in the', 'prod cluster'],
      }),
    )
  }
  if (c.chance(70)) plain('DEPLOY_MODE', 'KUBERNETES')
  if (c.chance(70)) {
    if (nameAnchor && c.chance(60)) {
      items.push(envEntry(x, 'DELEGATE_NAME', alias(nameAnchor)))
      x.features.add('alias-scalar')
    } else plain('DELEGATE_NAME', delegateName)
  }
  if (c.chance(60)) plain('DELEGATE_TYPE', 'KUBERNETES')
  if (c.chance(60))
    items.push(
      envEntry(x, 'DELEGATE_NAMESPACE', undefined, [
        'valueFrom',
        map(['fieldRef', map(['fieldPath', s(x, 'metadata.namespace')])]),
      ]),
    )
  if (c.chance(40)) plain('INIT_SCRIPT', '')
  if (c.chance(40)) plain('DELEGATE_TAGS', c.pick(['', 'prod, us-east', 'a,b']))
  if (c.chance(60)) plain('NEXT_GEN', 'true')
  if (c.chance(30)) plain('CLIENT_TOOLS_DOWNLOAD_DISABLED', 'true')
  if (c.chance(60)) plain('LOG_STREAMING_SERVICE_URL', `${c.pick(OLD_MANAGER).replace(/\/$/, '')}/log-service/`)
  if (c.chance(15)) plain('TI_SERVICE_URL', `${c.pick(OLD_MANAGER).replace(/\/$/, '')}/ti-service/`)
  if (c.chance(30)) plain('DYNAMIC_REQUEST_HANDLING', 'false')
  // Half-migrated states.
  const mount = (x.options.mountPath ?? '/etc/mtls').replace(/\/+$/, '')
  const oldNames = c.chance(12)
  const newNames = c.chance(12)
  if (oldNames) {
    x.features.add('old-env-names')
    plain('CLIENT_CERTIFICATE_PATH', c.pick([`${mount}/client.crt`, '/etc/certs/tls.crt']))
    if (c.chance(70)) plain('CLIENT_CERTIFICATE_KEY_PATH', c.pick([`${mount}/client.key`, '/etc/certs/tls.key']))
  }
  if (newNames) {
    x.features.add('new-env-names')
    plain('DELEGATE_CLIENT_CERTIFICATE_PATH', c.pick([`${mount}/client.crt`, '/etc/certs/client.crt']))
    if (c.chance(60))
      items.push(
        envEntry(x, 'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH', c.chance(20) ? undefined : s(x, `${mount}/client.key`)),
      )
  }
  if (c.chance(10)) plain('GRPC_AUTHORITY_MODIFICATION_DISABLED', c.pick(['true', 'false']))
  if (c.chance(10)) items.push(envEntry(x, 'EMPTY_VALUE', undefined))
  if (items.length === 0 || c.chance(4)) {
    x.features.add('no-env')
    return { env: c.chance(30) ? styleColl(x, seq(), 100) : undefined }
  }
  const ordered = shuffle(c, items, 20)
  return { env: styleColl(x, seq(...ordered), 10) }
}

interface PodPlan {
  mountsOnDelegate: MapN[]
  volumes: MapN[]
}

function podVolumes(x: Ctx): PodPlan {
  const c = x.c
  const mount = (x.options.mountPath ?? '/etc/mtls').replace(/\/+$/, '')
  const mounts: MapN[] = []
  const volumes: MapN[] = []
  const other = (name: string, path: string, source: [string, Node]) => {
    mounts.push(
      styleColl(
        x,
        map(
          ['name', s(x, name)],
          ['mountPath', s(x, path)],
          ...(c.chance(20) ? [['readOnly', raw(c.pick(['true', 'yes', 'false']))] as [string, Node]] : []),
        ),
        10,
      ),
    )
    volumes.push(styleColl(x, map(['name', s(x, name)], source), 10))
  }
  if (c.chance(30)) other('tmp', '/tmp', ['emptyDir', c.chance(50) ? map() : map(['medium', s(x, 'Memory')])])
  if (c.chance(20))
    other('proxy-config', '/opt/harness-delegate/proxy', ['configMap', map(['name', s(x, 'proxy-config')])])
  // Half-migrated: a client-certificate mount and/or volume already there.
  if (c.chance(15)) {
    x.features.add('existing-mount')
    const path = c.chance(70) ? mount : '/etc/certs'
    const pairs: [string, Node | undefined][] = [
      ['name', s(x, 'client-certificate')],
      ['mountPath', s(x, path)],
    ]
    if (c.chance(50)) pairs.push(['readOnly', raw(c.pick(['true', 'false']))])
    mounts.push(styleColl(x, map(...pairs), 10))
  }
  if (c.chance(15)) {
    x.features.add('existing-volume')
    const secret: [string, Node | undefined][] = []
    if (c.chance(80))
      secret.push(['secretName', s(x, c.pick(['client-certificate', 'my-mtls-secret', 'prod-client-cert']))])
    if (c.chance(70)) secret.push(['defaultMode', raw(c.pick(['400', '0400', '256', '420', '0440']))])
    if (secret.length === 0) secret.push(['optional', raw('false')])
    const volName =
      c.chance(20) &&
      !mounts.some((m) =>
        m.pairs.some((p) => p.key === 'name' && 'src' in p.value && p.value.src.includes('config-certificate')),
      )
        ? 'config-certificate'
        : 'client-certificate'
    if (volName === 'config-certificate') x.features.add('misnamed-volume')
    volumes.push(styleColl(x, map(['name', s(x, volName)], ['secret', styleColl(x, map(...secret), 15)]), 10))
  }
  return { mountsOnDelegate: mounts, volumes }
}

function sidecar(x: Ctx, name: string): MapN {
  const c = x.c
  return styleColl(
    x,
    map(
      ['name', s(x, name)],
      ['image', s(x, c.pick(['envoyproxy/envoy:v1.27.0', 'busybox:1.36', 'ghcr.io/example/log-shipper:2.1']))],
      ['args', maybe(x, 40, () => styleColl(x, seq(s(x, '--config'), s(x, '/etc/envoy.yaml')), 40))],
      [
        'env',
        maybe(x, 40, () =>
          styleColl(
            x,
            seq(envEntry(x, 'LOG_LEVEL', s(x, 'info')), envEntry(x, 'MANAGER_HOST_AND_PORT_UNUSED', s(x, 'x'))),
            20,
          ),
        ),
      ],
      ['resources', maybe(x, 30, () => map(['limits', styleColl(x, map(['memory', s(x, '64Mi')]), 30)]))],
    ),
    8,
  )
}

function delegateContainer(
  x: Ctx,
  delegateName: string,
  nameAnchor: string | undefined,
  mounts: MapN[],
  onlyContainer: boolean,
): { node: MapN; name: string } {
  const c = x.c
  const { env } = envList(x, delegateName, nameAnchor)
  const hasManager =
    env?.items.some(
      (i) =>
        i.t === 'map' &&
        i.pairs.some(
          (p) => p.key === 'name' && p.value.t === 'scalar' && p.value.src.includes('MANAGER_HOST_AND_PORT'),
        ),
    ) ?? false
  // SPEC §2: named `delegate`; else the container with MANAGER_HOST_AND_PORT; else the only one with a delegate image.
  const name = c.chance(85)
    ? 'delegate'
    : hasManager || onlyContainer
      ? c.pick(['harness-delegate', 'main', 'delegate-1'])
      : 'delegate'
  if (name !== 'delegate') x.features.add('container-not-named-delegate')
  const pairs: [string, Node | undefined][] = [
    ['image', s(x, c.pick(IMAGES))],
    ['imagePullPolicy', maybe(x, 70, () => s(x, 'Always'))],
    ['name', s(x, name)],
    [
      'securityContext',
      maybe(x, 40, () => styleColl(x, map(['allowPrivilegeEscalation', raw('false')], ['runAsUser', raw('0')]), 20)),
    ],
    ['ports', maybe(x, 50, () => styleColl(x, seq(styleColl(x, map(['containerPort', raw('8080')]), 30)), 20))],
    [
      'resources',
      maybe(x, 60, () =>
        map(
          ['limits', styleColl(x, map(['memory', s(x, '2048Mi')]), 20)],
          ['requests', styleColl(x, map(['cpu', s(x, '0.5')], ['memory', s(x, '2048Mi')]), 20)],
        ),
      ),
    ],
    [
      'livenessProbe',
      maybe(x, 40, () =>
        map(
          [
            'httpGet',
            styleColl(x, map(['path', s(x, '/api/health')], ['port', raw('3460')], ['scheme', s(x, 'HTTP')]), 20),
          ],
          ['initialDelaySeconds', raw('10')],
          ['periodSeconds', raw('60')],
        ),
      ),
    ],
    [
      'envFrom',
      maybe(x, 50, () =>
        styleColl(
          x,
          seq(map(['secretRef', styleColl(x, map(['name', s(x, `${delegateName}-account-token`)]), 20)])),
          15,
        ),
      ),
    ],
    ['env', env],
    [
      'volumeMounts',
      mounts.length > 0 ? styleColl(x, seq(...mounts), 10) : maybe(x, 5, () => styleColl(x, seq(), 100)),
    ],
  ]
  // The three first keys often lead (image/name), the rest is in any order.
  const ordered = shuffle(c, pairs, 35)
  return { node: styleColl(x, map(...ordered), 3), name }
}

function delegateDoc(x: Ctx, delegateName: string): { root: MapN; container: string } {
  const c = x.c
  const labelsAnchor = c.chance(25) ? newAnchor(x, 'labels') : undefined
  const nameAnchor = c.chance(15) ? newAnchor(x, 'dname') : undefined
  if (labelsAnchor) x.features.add('anchor-labels')
  const labels = (): MapN => styleColl(x, map(['harness.io/name', s(x, delegateName)]), 20)
  const metaLabels = labels()
  if (labelsAnchor) metaLabels.anchor = labelsAnchor
  const nameNode = s(x, delegateName)
  if (nameAnchor) nameNode.anchor = nameAnchor
  const metadata = map(
    ['labels', metaLabels],
    ['name', nameNode],
    ['namespace', maybe(x, 80, () => s(x, 'harness-delegate-ng'))],
  )

  // Built before the pod (anchors must come before their aliases, in text order too).
  x.mgrAnchor = undefined
  let annotations = maybe(x, 40, () =>
    styleColl(
      x,
      map(
        ['prometheus.io/scrape', s(x, 'true')],
        ['prometheus.io/port', s(x, '3460')],
        ['prometheus.io/path', s(x, '/api/metrics')],
      ),
      20,
    ),
  )
  if (x.adversarial && c.chance(20)) {
    const value = c.pick(OLD_MANAGER)
    const node = s(x, value)
    x.mgrAnchor = { name: newAnchor(x, 'mgr'), value }
    node.anchor = x.mgrAnchor.name
    annotations = map(
      ['harness.io/manager', node],
      ...(annotations?.pairs.map((p) => [p.key, p.value] as [string, Node]) ?? []),
    )
  }
  const vols = podVolumes(x)
  const sidecarsBefore = c.chance(15) ? [sidecar(x, 'proxy')] : []
  const sidecarsAfter = c.chance(20) ? [sidecar(x, c.pick(['log-shipper', 'envoy']))] : []
  if (sidecarsBefore.length + sidecarsAfter.length > 0) x.features.add('extra-containers')
  const only = sidecarsBefore.length + sidecarsAfter.length === 0
  const dc = delegateContainer(x, delegateName, nameAnchor, vols.mountsOnDelegate, only)
  if (x.adversarial && sidecarsBefore.length > 0 && c.chance(50)) {
    // The sidecar defines anchors the delegate container uses: a merge key, or its whole env list.
    const side = sidecarsBefore[0]!
    if (c.chance(50)) {
      const sc = map(['allowPrivilegeEscalation', raw('false')], ['readOnlyRootFilesystem', raw('false')])
      sc.anchor = newAnchor(x, 'sc')
      side.pairs.push({ key: 'securityContext', value: sc })
      dc.node.pairs = dc.node.pairs.filter((p) => p.key !== 'securityContext')
      dc.node.pairs.push({ key: 'securityContext', value: map(['<<', alias(sc.anchor)], ['runAsUser', raw('0')]) })
      x.features.add('adv-merge-key')
    } else {
      const env = dc.node.pairs.find((p) => p.key === 'env')
      if (env && env.value.t === 'seq') {
        const anchor = newAnchor(x, 'env')
        side.pairs = side.pairs.filter((p) => p.key !== 'env')
        side.pairs.push({ key: 'env', value: { ...env.value, anchor } })
        env.value = alias(anchor)
        x.features.add('adv-aliased-env-list')
      }
    }
  }
  if (vols.volumes.length > 0) x.features.add('extra-volumes')
  const nonRoot = c.chance(15)
  if (nonRoot) x.features.add('non-root')
  const securityContext = nonRoot
    ? styleColl(
        x,
        map(['runAsUser', raw('1001')], ['runAsNonRoot', raw('true')], ['fsGroup', maybe(x, 80, () => raw('1001'))]),
        20,
      )
    : maybe(x, 15, () => styleColl(x, map(['runAsUser', raw('0')]), 20))
  const podPairs: [string, Node | undefined][] = [
    ['terminationGracePeriodSeconds', maybe(x, 60, () => raw('600'))],
    ['restartPolicy', maybe(x, 50, () => s(x, 'Always'))],
    ['serviceAccountName', maybe(x, 20, () => s(x, `${delegateName}-sa`))],
    ['securityContext', securityContext],
    [
      'initContainers',
      maybe(x, 10, () =>
        styleColl(
          x,
          seq(
            map(
              ['name', s(x, 'init')],
              ['image', s(x, 'busybox:1.36')],
              ['command', styleColl(x, seq(s(x, 'sh'), s(x, '-c'), s(x, 'echo ready')), 60)],
            ),
          ),
          10,
        ),
      ),
    ],
    ['containers', styleColl(x, seq(...sidecarsBefore, dc.node, ...sidecarsAfter), 3)],
    [
      'volumes',
      vols.volumes.length > 0
        ? styleColl(x, seq(...vols.volumes), 10)
        : maybe(x, 5, () => (c.chance(50) ? styleColl(x, seq(), 100) : raw(c.pick(['', '~', 'null'])))),
    ],
  ]
  // `volumes:` with an empty value renders as `volumes: ` – avoid the trailing space form.
  const last = podPairs[podPairs.length - 1]!
  if (last[1] && last[1].t === 'scalar' && last[1].src === '') last[1] = raw('null')
  const podSpec = styleColl(x, map(...shuffle(c, podPairs, 30)), 2)

  const matchLabels = labelsAnchor && c.chance(80) ? alias(labelsAnchor) : labels()
  const templateLabels = labelsAnchor && c.chance(80) ? alias(labelsAnchor) : labels()
  const template = map(['metadata', map(['labels', templateLabels], ['annotations', annotations])], ['spec', podSpec])
  const spec = map(
    ['replicas', maybe(x, 80, () => raw(c.pick(['1', '2'])))],
    ['minReadySeconds', maybe(x, 40, () => raw('120'))],
    ['selector', map(['matchLabels', matchLabels])],
    ['template', template],
  )
  const root = map(
    ['apiVersion', s(x, 'apps/v1')],
    ['kind', s(x, 'Deployment')],
    ['metadata', metadata],
    ['spec', spec],
  )
  return { root, container: dc.name }
}

function upgraderConfigDoc(x: Ctx, delegateName: string): MapN {
  const c = x.c
  const u = c.pick([2, 4])
  const p = ' '.repeat(u)
  const inner = [
    ...(c.chance(30) ? ['# the upgrader reads this file'] : []),
    'mode: Delegate',
    'dryRun: false',
    `workloadName: ${delegateName}`,
    'namespace: harness-delegate-ng',
    'containerName: delegate',
    ...(c.chance(20) ? [`clientCertificateFilePath: ${c.pick(['/etc/mtls/client.crt', '/old/client.crt'])}`] : []),
    'delegateConfig:',
    `${p}accountId: px7xd_BFRCi-pfWPYXVjvw`,
    `${p}managerHost: ${c.pick(OLD_MANAGER)}`,
  ]
  x.features.add('upgrader-config')
  const cfg = blockString(c.pick(['|', '|', '|-'] as const), inner)
  return map(
    ['apiVersion', s(x, 'v1')],
    ['kind', s(x, 'ConfigMap')],
    ['metadata', map(['name', s(x, `${delegateName}-upgrader-config`)], ['namespace', s(x, 'harness-delegate-ng')])],
    ['data', map(['config.yaml', cfg])],
  )
}

function upgraderCronJobDoc(x: Ctx, delegateName: string): MapN {
  const c = x.c
  x.features.add('upgrader-cronjob')
  const container = styleColl(
    x,
    map(
      ['image', s(x, 'harness/upgrader:latest')],
      ['name', s(x, 'upgrader')],
      ['imagePullPolicy', s(x, 'Always')],
      ['envFrom', styleColl(x, seq(map(['secretRef', map(['name', s(x, `${delegateName}-upgrader-token`)])])), 10)],
      [
        'volumeMounts',
        styleColl(
          x,
          seq(styleColl(x, map(['name', s(x, 'config-volume')], ['mountPath', s(x, '/etc/config')]), 15)),
          10,
        ),
      ],
    ),
    3,
  )
  const pod = map(
    ['serviceAccountName', s(x, 'upgrader-cronjob-sa')],
    ['restartPolicy', s(x, 'Never')],
    ['containers', styleColl(x, seq(container), 3)],
    [
      'volumes',
      styleColl(
        x,
        seq(
          map(['name', s(x, 'config-volume')], ['configMap', map(['name', s(x, `${delegateName}-upgrader-config`)])]),
        ),
        10,
      ),
    ],
  )
  return map(
    ['apiVersion', s(x, c.chance(85) ? 'batch/v1' : 'batch/v1beta1')],
    ['kind', s(x, 'CronJob')],
    [
      'metadata',
      map(
        ['labels', map(['harness.io/name', s(x, 'upgrader-job')])],
        ['name', s(x, `${delegateName}-upgrader-job`)],
        ['namespace', s(x, 'harness-delegate-ng')],
      ),
    ],
    [
      'spec',
      map(
        ['schedule', s(x, '0 */1 * * *')],
        ['concurrencyPolicy', s(x, 'Forbid')],
        ['jobTemplate', map(['spec', map(['template', map(['spec', pod])])])],
      ),
    ],
  )
}

/** Documents that are not delegates: they must come out byte-identical. */
function inertDoc(x: Ctx, delegateName: string): { root: MapN; kind: string; name: string } {
  const c = x.c
  const kind = c.pick(['Namespace', 'ConfigMap', 'Service', 'Secret', 'HorizontalPodAutoscaler', 'Role', 'Deployment'])
  x.features.add(`doc-${kind}`)
  const meta = (name: string) =>
    map(['name', s(x, name)], ['namespace', maybe(x, 70, () => s(x, 'harness-delegate-ng'))])
  const head = (api: string) =>
    [
      ['apiVersion', s(x, api)],
      ['kind', s(x, kind)],
    ] as [string, Node][]
  let root: MapN
  let name: string
  switch (kind) {
    case 'Namespace':
      name = 'harness-delegate-ng'
      root = map(...head('v1'), ['metadata', map(['name', s(x, name)])])
      break
    case 'ConfigMap': {
      name = c.pick(['app-settings', 'proxy-config', `${delegateName}-settings`])
      const script = blockString('|', [
        '#!/bin/sh',
        'echo "MANAGER_HOST_AND_PORT=https://app.harness.io"',
        '',
        'exit 0',
      ])
      root = map(
        ...head('v1'),
        ['metadata', meta(name)],
        [
          'data',
          styleColl(
            x,
            map(
              ['LOG_LEVEL', s(x, 'debug')],
              ['PROXY_HOST', s(x, 'proxy.example.com')],
              ['init.sh', c.chance(50) ? script : undefined],
            ),
            10,
          ),
        ],
      )
      break
    }
    case 'Service':
      name = `${delegateName}-service`
      root = map(
        ...head('v1'),
        ['metadata', meta(name)],
        [
          'spec',
          map(
            ['type', s(x, 'ClusterIP')],
            ['selector', styleColl(x, map(['harness.io/name', s(x, delegateName)]), 30)],
            [
              'ports',
              styleColl(
                x,
                seq(styleColl(x, map(['port', raw('8080')], ['protocol', s(x, 'TCP')], ['name', s(x, 'http')]), 40)),
                20,
              ),
            ],
          ),
        ],
      )
      break
    case 'Secret':
      name = `${delegateName}-account-token`
      root = map(
        ...head('v1'),
        ['metadata', meta(name)],
        ['type', s(x, 'Opaque')],
        ['data', map(['DELEGATE_TOKEN', s(x, 'ZGVtby10b2tlbi1ub3QtYS1yZWFsLXNlY3JldA==')])],
      )
      break
    case 'HorizontalPodAutoscaler':
      name = `${delegateName}-hpa`
      root = map(
        ...head('autoscaling/v1'),
        ['metadata', meta(name)],
        [
          'spec',
          map(
            [
              'scaleTargetRef',
              styleColl(
                x,
                map(['apiVersion', s(x, 'apps/v1')], ['kind', s(x, 'Deployment')], ['name', s(x, delegateName)]),
                20,
              ),
            ],
            ['minReplicas', raw('1')],
            ['maxReplicas', raw('1')],
          ),
        ],
      )
      break
    case 'Role':
      name = 'upgrader-cronjob'
      root = map(
        ...head('rbac.authorization.k8s.io/v1'),
        ['metadata', meta(name)],
        [
          'rules',
          styleColl(
            x,
            seq(
              map(
                ['apiGroups', styleColl(x, seq(s(x, 'batch'), s(x, 'apps')), 80)],
                ['resources', styleColl(x, seq(s(x, 'cronjobs')), 80)],
                ['verbs', styleColl(x, seq(s(x, 'get'), s(x, 'list'), s(x, 'patch')), 80)],
              ),
            ),
            10,
          ),
        ],
      )
      break
    default:
      // A Deployment that is not a delegate (no delegate container): passes through.
      name = 'nginx'
      const nginx = styleColl(
        x,
        map(
          ['name', s(x, 'nginx')],
          ['image', s(x, 'nginx:1.25')],
          ['env', styleColl(x, seq(envEntry(x, 'MODE', s(x, 'web'))), 20)],
        ),
        10,
      )
      const pod = map(['containers', styleColl(x, seq(nginx), 10)])
      root = map(...head('apps/v1'), ['metadata', meta(name)], ['spec', map(['template', map(['spec', pod])])])
  }
  return { root: styleColl(x, root, 4), kind, name }
}

/** The separator before a document that is not the first: `---` with optional comment, blank lines. */
function separator(x: Ctx): string[] {
  const c = x.c
  const lines: string[] = []
  if (c.chance(15)) lines.push('...')
  if (c.chance(20)) lines.push('')
  if (c.chance(x.st.style.comments)) lines.push(comment(x.st))
  lines.push(c.chance(15) ? `--- ${comment(x.st)}` : '---')
  if (c.chance(30)) lines.push('')
  if (c.chance(x.st.style.comments)) lines.push(comment(x.st))
  return lines
}

export function generateManifest(c: Choices, opts: { adversarial?: boolean } = {}): GeneratedManifest {
  const style: FileStyle = {
    unit: c.pick([2, 2, 3, 4]),
    compact: c.chance(50),
    comments: c.pick([0, 5, 15, 30]),
    blanks: c.pick([0, 5, 15]),
    quoteKeys: c.pick([0, 0, 3]),
    tabs: opts.adversarial ? 20 : 0,
  }
  const options: GenOptions = { endpoint: c.pick(ENDPOINTS), grpcAuthority: !c.chance(15), tiService: c.chance(15) }
  const mountPath = c.pick(MOUNT_PATHS)
  const secretName = c.pick(SECRET_NAMES)
  if (mountPath !== undefined) options.mountPath = mountPath
  if (secretName !== undefined) options.secretName = secretName
  const st: RenderState = { c, style, comments: [] }
  const x: Ctx = { c, st, features: new Set(), adversarial: opts.adversarial ?? false, options, anchors: 0 }
  x.features.add(`indent-${style.unit}`)

  const delegateName = c.pick(NAMES)
  type Planned = { role: DocRole; build: () => { root: MapN; kind: string; name: string; container?: string } }
  const planned: Planned[] = [
    {
      role: 'delegate',
      build: () => {
        const d = delegateDoc(x, delegateName)
        return { root: d.root, kind: 'Deployment', name: delegateName, container: d.container }
      },
    },
  ]
  if (c.chance(8)) {
    x.features.add('two-delegates')
    const second = `${delegateName}-b`
    planned.push({
      role: 'delegate',
      build: () => {
        const d = delegateDoc(x, second)
        return { root: d.root, kind: 'Deployment', name: second, container: d.container }
      },
    })
  }
  if (c.chance(25))
    planned.push({
      role: 'upgrader-config',
      build: () => ({
        root: upgraderConfigDoc(x, delegateName),
        kind: 'ConfigMap',
        name: `${delegateName}-upgrader-config`,
      }),
    })
  if (c.chance(20))
    planned.push({
      role: 'upgrader-cronjob',
      build: () => ({
        root: upgraderCronJobDoc(x, delegateName),
        kind: 'CronJob',
        name: `${delegateName}-upgrader-job`,
        container: 'upgrader',
      }),
    })
  const extra = c.int(0, 2)
  for (let i = 0; i < extra; i++) planned.push({ role: 'inert', build: () => inertDoc(x, delegateName) })
  const order = shuffle(c, planned, 60)

  const eol = c.chance(20) ? '\r\n' : '\n'
  const bom = c.chance(10)
  if (eol === '\r\n') x.features.add('crlf')
  if (bom) x.features.add('bom')

  const segments: { text: string; touched: boolean }[] = []
  const docs: GenDoc[] = []
  const lead: string[] = []
  if (c.chance(style.comments)) lead.push(comment(st))
  if (opts.adversarial && c.chance(15)) {
    x.features.add('adv-yaml-directive')
    lead.push('%YAML 1.1', '---')
  } else if (c.chance(30)) lead.push(c.chance(20) ? `--- ${comment(st)}` : '---')
  if (lead.length) segments.push({ text: lead.join('\n') + '\n', touched: false })
  order.forEach((p, i) => {
    if (i > 0) segments.push({ text: separator(x).join('\n') + '\n', touched: false })
    if (i > 0 && opts.adversarial && c.chance(10)) {
      // An empty document, or one holding only a comment: it decodes to null and passes through.
      x.features.add('adv-empty-document')
      segments.push({ text: (c.chance(50) ? '# nothing here\n' : '') + '---\n', touched: false })
      docs.push({ role: 'inert', kind: '', name: '', text: '', value: null as unknown as Record<string, any> })
    }
    const built = p.build()
    const lines = documentLines(st, built.root)
    if (c.chance(style.comments)) lines.push(comment(st))
    const text = lines.join('\n') + '\n'
    segments.push({ text, touched: p.role !== 'inert' })
    docs.push({
      role: p.role,
      kind: built.kind,
      name: built.name,
      text,
      value: toValue(built.root) as Record<string, any>,
      ...(built.container ? { container: built.container } : {}),
    })
  })
  if (c.chance(10)) segments.push({ text: c.pick(['...\n', '# the end\n', '\n']), touched: false })
  // Line endings, final newline and BOM are applied to every segment, so segments stay substrings of the file.
  const finalNewline = !c.chance(10)
  if (!finalNewline) {
    x.features.add('no-final-newline')
    const lastSeg = segments[segments.length - 1]!
    lastSeg.text = lastSeg.text.replace(/\n$/, '')
  }
  if (opts.adversarial && eol === '\n' && c.chance(10)) {
    x.features.add('adv-mixed-eol')
    for (const seg of segments) seg.text = seg.text.replace(/\n/g, () => (c.chance(30) ? '\r\n' : '\n'))
  } else for (const seg of segments) seg.text = seg.text.replace(/\n/g, eol)
  for (const d of docs) d.text = d.text.replace(/\n/g, eol)
  if (bom) segments[0]!.text = '\uFEFF' + segments[0]!.text
  const text = segments.map((sg) => sg.text).join('')
  return { text, docs, segments, comments: st.comments, features: [...x.features], options }
}
