import { isMap, isScalar, isSeq, parseDocument, type Pair, type Scalar, type YAMLMap } from 'yaml'
import type { DelegateWorkload, Resource, UpgraderConfig, UpgraderCronJob } from '../../resources/classify.js'
import { setScalar, type EditContext } from '../../yaml/edit.js'
import { pairLines } from '../../yaml/edit-pairs.js'
import { indentUnit } from '../../yaml/layout.js'
import { findItem, formatPath, lookup, pairOf, stringAt, type PathSeg } from '../../yaml/lookup.js'
import { K8S_PARSE } from '../../yaml/parse.js'
import { editContext, plan, report } from '../context.js'
import { planInside } from '../inside.js'
import { locateContainer } from '../plan-delegate.js'
import type { Located } from '../plan-pod.js'
import type { Edit } from '../types.js'
import {
  CERT_FILE,
  endpointEnvFor,
  envRoleOf,
  KEY_FILE,
  managerEnvNames,
  ownedEnvFor,
  UPGRADER_CERT_FIELDS,
  type DelegateKind,
  UPGRADER_HOST_KEY,
  VOLUME_NAME,
} from '../../resources/wanted-state.js'
import { isOurMode, removeListItems, revertConfigMapKey, type RevertContext } from './context.js'
import { sameNamespace } from '../../resources/namespace.js'

const REASON = 'undo the migration'

/** The delegate container: endpoint env back to the original URL, our env vars, mount and volume out. */
export function revertDelegate(rctx: RevertContext, res: DelegateWorkload): void {
  const pod = lookup(res.doc.contents, res.podPath) as unknown as YAMLMap
  const { container } = locateContainer(rctx, res.podPath, pod, res.container)
  const kind = res.delegateKind
  revertEnv(rctx, res, container, kind)
  const env = container.node.get('env', true)
  const ownedNames = ownedEnvFor(kind)
  const owned = isSeq(env)
    ? env.items.flatMap((item, i) => (ownedNames.includes(stringAt(item, 'name') ?? '') ? [i] : []))
    : []
  removeListItems(
    rctx,
    res,
    container.node,
    container.ptr,
    container.display,
    'env',
    owned,
    `${REASON}: only an mTLS delegate needs it`,
    (item) => envRoleOf(stringAt(item, 'name') ?? '', kind) ?? 'flag',
  )
  revertPod(rctx, res, pod, res.podPath, container)
}

/** The endpoint vars of the kind's table (MANAGER_HOST_AND_PORT …): inline, or in a ConfigMap of the input. */
function revertEnv(rctx: RevertContext, res: Resource, container: Located<YAMLMap>, kind: DelegateKind): void {
  const ectx = editContext(rctx, res)
  const env = container.node.get('env', true)
  const envFrom = container.node.get('envFrom', true)
  const configMaps = isSeq(envFrom)
    ? envFrom.items
        .map((i) => stringAt(lookup(i, ['configMapRef']), 'name'))
        .filter((n): n is string => n !== undefined)
    : []
  const manager = managerEnvNames(kind)[0]
  for (const [name, value] of endpointEnvFor(kind, rctx.url)) {
    const found = findItem(env, 'name', name)
    if (found) {
      const node = found.node.get('value', true)
      const ref = lookup(found.node, ['valueFrom', 'configMapKeyRef'])
      if (isScalar(node)) {
        if (node.value !== value)
          plan(rctx, {
            resource: res.ref,
            op: 'set',
            ptr: [...container.ptr, 'env', found.index, 'value'],
            display: [...container.display, 'env', { name }, 'value'],
            before: node.value,
            after: value,
            role: 'endpoint',
            reason: `${REASON}: the original endpoint`,
            splices: [setScalar(ectx, node as Scalar, value)],
          })
      } else if (ref) {
        const cm = stringAt(ref, 'name')
        const key = stringAt(ref, 'key')
        if (!cm || !key || revertConfigMapKey(rctx, cm, res.ref.namespace, key, value) !== 'set') {
          report(
            rctx,
            'warning',
            'NOT_CHANGED',
            `${name} comes from ConfigMap ${cm ?? '?'}, which is not in the input: set it back to "${value}" there`,
            found.node,
          )
        }
      }
      continue
    }
    const outcomes = configMaps.map((cm) => revertConfigMapKey(rctx, cm, res.ref.namespace, name, value))
    if (name === manager && !outcomes.includes('set') && outcomes.includes('absent')) {
      report(
        rctx,
        'warning',
        'NOT_CHANGED',
        `${name} may come from ConfigMap ${configMaps.join(', ')} (envFrom), which is not in the ` +
          `input: set it back to "${value}" there`,
        container.node,
      )
    }
  }
}

/** Our mount out of the container, and our volume out of the pod unless another container still mounts it. */
function revertPod(
  rctx: RevertContext,
  res: Resource,
  pod: YAMLMap,
  podPath: PathSeg[],
  container: Located<YAMLMap>,
): void {
  // Every mount of it: the whole volume at M, or its two files one by one (subPath), which migrate accepts as done.
  const mounts = container.node.get('volumeMounts', true)
  const ours = isSeq(mounts) ? mounts.items.flatMap((m, i) => (stringAt(m, 'name') === VOLUME_NAME ? [i] : [])) : []
  if (ours.length > 0)
    removeListItems(
      rctx,
      res,
      container.node,
      container.ptr,
      container.display,
      'volumeMounts',
      ours,
      `${REASON}: the client certificate mount`,
      'mount',
    )
  const volumes = pod.get('volumes', true)
  const volume = findItem(volumes, 'name', VOLUME_NAME)
  if (!volume) return
  const secretName = stringAt(lookup(volume.node, ['secret']), 'secretName')
  const otherUser = ['containers', 'initContainers'].some((key) => {
    const list = pod.get(key, true)
    return (
      isSeq(list) &&
      list.items.some(
        (c) =>
          c !== container.node && findItem(isMap(c) ? c.get('volumeMounts', true) : undefined, 'name', VOLUME_NAME),
      )
    )
  })
  if (!otherUser) {
    if (secretName) rctx.removedSecrets.push({ name: secretName, namespace: res.ref.namespace })
    removeListItems(
      rctx,
      res,
      pod,
      podPath,
      podPath,
      'volumes',
      [volume.index],
      `${REASON}: the client certificate volume`,
      'volume',
    )
    return
  }
  // Still mounted elsewhere: only the file mode the migration wrote (its exact text) is taken back.
  const secret = lookup(volume.node, ['secret'])
  const modePair = isMap(secret) ? pairOf(secret, 'defaultMode') : undefined
  if (modePair && isMap(secret)) {
    const ectx = editContext(rctx, res)
    const [s, e] = pairLines(ectx, secret, modePair as Pair)
    const text = ectx.src.slice(s, e).replace(/^\s*defaultMode:\s*/, '')
    if (isOurMode(text)) {
      plan(rctx, {
        resource: res.ref,
        op: 'remove',
        ptr: [...podPath, 'volumes', volume.index, 'secret', 'defaultMode'],
        display: [...podPath, 'volumes', { name: VOLUME_NAME }, 'secret', 'defaultMode'],
        before: (modePair.value as Scalar).value,
        role: 'file-mode',
        reason: `${REASON}: the file mode it set`,
        splices: [],
        place: { kind: 'remove-lines', ectx, ranges: [[s, e]] },
      })
    }
  }
}

/** The upgrader CronJob: our mount and volume out. */
export function revertUpgraderCronJob(rctx: RevertContext, res: UpgraderCronJob): void {
  const pod = lookup(res.doc.contents, res.podPath) as unknown as YAMLMap
  const { container } = locateContainer(rctx, res.podPath, pod, res.container)
  revertPod(rctx, res, pod, res.podPath, container)
}

const CONFIG_PTR: PathSeg[] = ['data', 'config.yaml']

/** The upgrader's config.yaml: managerHost back, the two certificate paths out. */
export function revertUpgraderConfig(rctx: RevertContext, res: UpgraderConfig): void {
  const node = res.config
  const text = node.value as string
  const doc = parseDocument(text, K8S_PARSE)
  const root = doc.contents
  if (doc.errors.length > 0 || !isMap(root)) return
  const embedded = { node, text, ptr: CONFIG_PTR, path: (e: Edit) => formatPath([...CONFIG_PTR, ...e.ptr]) }
  planInside(rctx, embedded, (inner) => {
    const ictx: EditContext = { src: text, eol: '\n', unit: indentUnit(text, root) }
    const delegateConfig = root.get('delegateConfig', true)
    const inDelegateConfig = isMap(delegateConfig)
    const host = inDelegateConfig ? delegateConfig.get(UPGRADER_HOST_KEY, true) : root.get(UPGRADER_HOST_KEY, true)
    const hostPath = inDelegateConfig ? ['delegateConfig', UPGRADER_HOST_KEY] : [UPGRADER_HOST_KEY]
    if (isScalar(host) && host.value !== rctx.url) {
      plan(inner, {
        resource: res.ref,
        op: 'set',
        ptr: hostPath,
        display: hostPath,
        before: host.value,
        after: rctx.url,
        role: 'endpoint',
        reason: `${REASON}: the upgrader's original endpoint`,
        splices: [setScalar(ictx, host as Scalar, rctx.url)],
      })
    }
    for (const { key, role } of UPGRADER_CERT_FIELDS) {
      const pair = pairOf(root, key)
      if (!pair) continue
      plan(inner, {
        resource: res.ref,
        op: 'remove',
        ptr: [key],
        display: [key],
        before: (pair.value as Scalar | null)?.value ?? null,
        role,
        reason: `${REASON}: only an mTLS upgrader reads it`,
        splices: [],
        place: { kind: 'remove-lines', ectx: ictx, ranges: [pairLines(ictx, root as YAMLMap, pair as Pair)] },
      })
    }
  })
}

/**
 * A Secret the migration (`--cert/--key`) put in: named like a client-certificate volume that was taken
 * out, holding exactly `client.crt` and `client.key`, nothing else. The whole document goes.
 */
export function revertSecrets(rctx: RevertContext): void {
  for (const res of rctx.resources) {
    if (res.ref.kind !== 'Secret') continue
    const root = res.doc.contents
    if (!isMap(root)) continue
    const ours = rctx.removedSecrets.some(
      (s) => s.name === res.ref.name && sameNamespace(s.namespace, res.ref.namespace),
    )
    if (!ours || !isGeneratedSecret(root)) continue
    // The migration inserts `---` + Secret before a document that starts with `---`, and Secret + `---`
    // before one that does not (the first): take out exactly that.
    let start = res.doc.range[0]
    const next = rctx.resources[res.ref.document + 1]
    let end = next ? next.doc.range[0] : rctx.src.length
    if (!rctx.src.startsWith('---', start) && next && rctx.src.startsWith('---', end)) {
      start = root.range![0]
      end = rctx.src.indexOf('\n', end) + 1 || rctx.src.length
    }
    const before = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: lookup(root, ['metadata'])?.toJSON(),
      data: { [CERT_FILE]: '<redacted>', [KEY_FILE]: '<redacted>' },
    }
    plan(rctx, {
      resource: res.ref,
      op: 'remove',
      ptr: [],
      display: [],
      before,
      role: 'secret',
      reason: `${REASON}: the client certificate Secret it generated`,
      splices: [{ start, end, text: '' }],
    })
  }
}

function isGeneratedSecret(root: YAMLMap): boolean {
  const keys = root.items.map((p) => String((p.key as Scalar).value))
  if (!keys.every((k) => ['apiVersion', 'kind', 'metadata', 'type', 'data', 'stringData'].includes(k))) return false
  const meta = root.get('metadata', true)
  if (
    !isMap(meta) ||
    !meta.items.every((p) => ['name', 'namespace', 'creationTimestamp'].includes(String((p.key as Scalar).value)))
  )
    return false
  const type = stringAt(root, 'type')
  if (type !== undefined && type !== 'Opaque') return false
  const data = [root.get('data', true), root.get('stringData', true)].filter(isMap) as unknown as YAMLMap[]
  const dataKeys = data.flatMap((d) => d.items.map((p) => String((p.key as Scalar).value))).sort()
  return dataKeys.join(',') === 'client.crt,client.key'
}
