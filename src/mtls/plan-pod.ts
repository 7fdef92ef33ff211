import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml'
import type { Resource } from '../resources/classify.js'
import { addPairs, appendItems, fillEmptyValue, setScalar, type EditContext } from '../yaml/edit.js'
import { map, scalar, seq, type BlockLayout, type Fragment } from '../yaml/fragment.js'
import { layoutFor, seqDashGap, seqIsCompact } from '../yaml/layout.js'
import { findItem, pairOf, stringAt, type PathSeg } from '../yaml/lookup.js'
import { formatScalar } from '../yaml/scalar.js'
import { replaceRange, type Splice } from '../yaml/splice.js'
import { editContext, plan, report, type DisplaySeg } from './context.js'
import { appendToList } from './render.js'
import { CERT_FILE, KEY_FILE, SECRET_MODE, VOLUME_NAME } from '../resources/wanted-state.js'
import { TLS_ITEMS, tlsSecretSource } from './tls-secret.js'
import { findResource } from './scope.js'
import type { PlanContext } from './types.js'

/** Where a container or pod spec sits: its node, its index path and its display path. */
export interface Located<N> {
  node: N
  ptr: PathSeg[]
  display: DisplaySeg[]
}

/** `0400` for root pods, `0440` for non-root ones (the key must stay readable through fsGroup). */
export const modeComment = (mode: number) => `0${mode.toString(8)}`

/**
 * Sequence layout for a new list under `key` in a mapping: like a sibling list's (indent and `- ` gap), else like
 * `fallback`.
 */
export function layoutIn(ectx: EditContext, mapNode: YAMLMap, siblings: string[], fallback: boolean): BlockLayout {
  for (const key of siblings) {
    const pair = pairOf(mapNode, key)
    const compact = pair && seqIsCompact(ectx.src, pair.key as Node, pair.value as Node)
    if (compact !== undefined) return layoutFor(ectx.unit, compact, seqDashGap(ectx.src, pair!.value as Node))
  }
  return layoutFor(ectx.unit, fallback)
}

/** A mount path as the kubelet compares it: `/etc/mtls/` is `/etc/mtls`. */
export const normalMountPath = (path: string | undefined): string | undefined =>
  path === undefined ? undefined : path.replace(/\/+$/, '') || '/'

/**
 * SPEC §3.5: the container mounts `V` at `M`, read-only — or mounts its two files one by one (`subPath:
 * client.crt` at `M/client.crt`, `subPath: client.key` at `M/client.key`), which is as good. Another
 * volume at `M`, or at either file's path, would hide the certificate: a conflict. Mounts nested deeper
 * (a CA bundle at `M/ca.crt`) are legal and stay.
 */
export function ensureMount(ctx: PlanContext, res: Resource, container: Located<YAMLMap>, podCompact: boolean): void {
  const { mountPath } = ctx.options
  const ectx = editContext(ctx, res)
  const mounts = container.node.get('volumeMounts', true)
  const mountsPtr = [...container.ptr, 'volumeMounts']
  const display = [...container.display, 'volumeMounts', { name: VOLUME_NAME }]
  const items = isSeq(mounts)
    ? mounts.items.flatMap((node, index) => (isMap(node) ? [{ node: node as YAMLMap, index }] : []))
    : []
  const pathOf = (m: { node: YAMLMap }) => normalMountPath(stringAt(m.node, 'mountPath'))
  const filePaths = [CERT_FILE, KEY_FILE].map((f) => `${mountPath}/${f}`)
  const hides = (path: string | undefined) => path === mountPath || filePaths.includes(path ?? '')
  const clash = items.find((m) => stringAt(m.node, 'name') !== VOLUME_NAME && hides(pathOf(m)))
  const conflict = (at: { node: YAMLMap }) =>
    report(
      ctx,
      'error',
      'CONFLICT',
      pathOf(at) === mountPath
        ? `volume "${stringAt(at.node, 'name')}" is already mounted at ${mountPath}; ${VOLUME_NAME} needs that ` +
            'path (choose another with --mount-path)'
        : `volume "${stringAt(at.node, 'name')}" is mounted at ${pathOf(at)}, which would hide the client ` +
            `${pathOf(at) === filePaths[0] ? 'certificate' : 'key'} the delegate reads there (move it, or choose ` +
            'another --mount-path)',
      at.node,
    )
  const ours = items.filter((m) => stringAt(m.node, 'name') === VOLUME_NAME)
  const bySubPath = ours.filter((m) => m.node.has('subPath') || m.node.has('subPathExpr'))
  if (bySubPath.length > 0) {
    // File by file: done when both files are mounted where the env vars point, refused otherwise (setting
    // mountPath to the directory would make a file mount at a directory, a pod the kubelet refuses).
    const done = [CERT_FILE, KEY_FILE].every((f) =>
      bySubPath.some((m) => stringAt(m.node, 'subPath') === f && pathOf(m) === `${mountPath}/${f}`),
    )
    const atDirectory = bySubPath.find((m) => pathOf(m) === mountPath)
    if (!done && atDirectory) {
      report(
        ctx,
        'error',
        'CONFLICT',
        `volume "${VOLUME_NAME}" mounts subPath ${stringAt(atDirectory.node, 'subPath') ?? ''} at ` +
          `${mountPath} itself: ` +
          `${mountPath} becomes that one file, so ${filePaths[0]} and ${filePaths[1]} do not exist; mount the whole ` +
          `volume at ${mountPath} (no subPath), or subPath ${CERT_FILE} at ${filePaths[0]} and ${KEY_FILE} at ` +
          filePaths[1],
        atDirectory.node,
      )
      return
    }
    if (!done) {
      report(
        ctx,
        'error',
        'CONFLICT',
        `volume "${VOLUME_NAME}" is mounted file by file (subPath), but not as the delegate reads it: mount ` +
          `subPath ${CERT_FILE} at ${filePaths[0]} and subPath ${KEY_FILE} at ${filePaths[1]}, or the whole volume ` +
          `at ${mountPath} (and no subPath)`,
        bySubPath[0]!.node,
      )
      return
    }
    if (clash) return conflict(clash)
    for (const m of bySubPath) ensureReadOnly(ctx, res, m.node, [...mountsPtr, m.index], display)
    return
  }
  const whole = ours[0]
  if (clash) return conflict(clash)
  if (whole) {
    const ptr = [...mountsPtr, whole.index]
    const path = whole.node.get('mountPath', true)
    if (isScalar(path) && normalMountPath(String(path.value)) !== mountPath) {
      plan(ctx, {
        resource: res.ref,
        op: 'set',
        ptr: [...ptr, 'mountPath'],
        display: [...display, 'mountPath'],
        before: path.value,
        after: mountPath,
        role: 'mount',
        reason: 'mount the client certificate where the env vars point',
        splices: [setScalar(ectx, path as Scalar, mountPath)],
      })
    } else if (!path) {
      plan(ctx, {
        resource: res.ref,
        op: 'add',
        ptr: [...ptr, 'mountPath'],
        display: [...display, 'mountPath'],
        after: mountPath,
        role: 'mount',
        reason: 'mount the client certificate where the env vars point',
        splices: [
          addPairs(ectx, whole.node, [['mountPath', scalar(formatScalar(mountPath))]], layoutFor(ectx.unit, true)),
        ],
      })
    }
    ensureReadOnly(ctx, res, whole.node, ptr, display)
    return
  }
  const item = map(
    ['name', scalar(VOLUME_NAME)],
    ['mountPath', scalar(formatScalar(mountPath))],
    ['readOnly', scalar('true')],
  )
  const layout = layoutIn(ectx, container.node, ['env', 'envFrom', 'ports'], podCompact)
  const after = { name: VOLUME_NAME, mountPath, readOnly: true }
  plan(ctx, {
    resource: res.ref,
    op: 'append',
    ptr: mountsPtr,
    display: [...container.display, 'volumeMounts'],
    after,
    role: 'mount',
    reason: 'mount the client certificate Secret',
    splices: appendToList(ectx, container.node, 'volumeMounts', [item], layout),
  })
}

/** The certificate mount is read-only. */
function ensureReadOnly(ctx: PlanContext, res: Resource, mount: YAMLMap, ptr: PathSeg[], display: DisplaySeg[]): void {
  const ectx = editContext(ctx, res)
  const ro = mount.get('readOnly', true)
  if (!ro) {
    plan(ctx, {
      resource: res.ref,
      op: 'add',
      ptr: [...ptr, 'readOnly'],
      display: [...display, 'readOnly'],
      after: true,
      role: 'mount',
      reason: 'the certificate mount is read-only',
      splices: [addPairs(ectx, mount, [['readOnly', scalar('true')]], layoutFor(ectx.unit, true))],
    })
  } else if (isScalar(ro) && ro.value !== true) {
    plan(ctx, {
      resource: res.ref,
      op: 'set',
      ptr: [...ptr, 'readOnly'],
      display: [...display, 'readOnly'],
      before: ro.value,
      after: true,
      role: 'mount',
      reason: 'the certificate mount is read-only',
      splices: [replaceRange(ro.range![0], ro.range![1], 'true')],
    })
  }
}

/** Is the pod (or this container) running as a non-root user? Container settings win over the pod's. */
export function runsAsNonRoot(pod: YAMLMap, container: YAMLMap, doc?: Document): boolean {
  for (const owner of [container, pod]) {
    // Decoded as Kubernetes decodes it: `securityContext: *sc` and `<<: *sc` merge keys count too.
    const node = owner.get('securityContext', true)
    const sc = doc && isAlias(node) ? node.resolve(doc) : node
    if (!isMap(sc)) continue
    const v = (doc ? sc.toJS(doc) : sc.toJSON()) as { runAsUser?: unknown; runAsNonRoot?: unknown }
    if (typeof v.runAsUser === 'number') return v.runAsUser !== 0
    if (v.runAsNonRoot === true) return true
  }
  return false
}

/** SPEC §3.6: the pod has volume `V` from Secret `S`, mode 0400 (root) or 0440 (non-root). */
export function ensureVolume(
  ctx: PlanContext,
  res: Resource,
  pod: Located<YAMLMap>,
  secretName: string,
  mode: number,
): string {
  const ectx = editContext(ctx, res)
  const volumes = pod.node.get('volumes', true)
  const volumesPtr = [...pod.ptr, 'volumes']
  let ours = findItem(volumes, 'name', VOLUME_NAME)
  if (!ours) {
    const misnamed = findItem(volumes, 'name', 'config-certificate')
    if (misnamed && isMap(misnamed.node.get('secret', true)) && !mountedAnywhere(pod.node, 'config-certificate')) {
      const nameNode = misnamed.node.get('name', true) as Scalar
      plan(ctx, {
        resource: res.ref,
        op: 'set',
        ptr: [...volumesPtr, misnamed.index, 'name'],
        display: [...pod.display, 'volumes', { name: 'config-certificate' }, 'name'],
        before: 'config-certificate',
        after: VOLUME_NAME,
        role: 'volume',
        reason:
          `the mount is named ${VOLUME_NAME}; a volume named config-certificate (Harness 2023 ` +
          `docs) leaves the pod unable to start`,
        splices: [setScalar(ectx, nameNode, VOLUME_NAME)],
      })
      ours = misnamed
    }
  }
  if (!ours) {
    const tls = tlsSecretSource(ctx, secretName, res.ref.namespace)
    const secret = map(
      ['secretName', scalar(formatScalar(secretName))],
      ['defaultMode', scalar(String(mode), modeComment(mode))],
      ...(tls ? [['items', seq(...TLS_ITEMS.map(itemFragment))] as [string, Fragment]] : []),
    )
    const item = map(['name', scalar(VOLUME_NAME)], ['secret', secret])
    const layout = layoutIn(ectx, pod.node, ['containers', 'initContainers'], true)
    const after = {
      name: VOLUME_NAME,
      secret: {
        secretName,
        defaultMode: mode,
        ...(tls ? { items: TLS_ITEMS.map(([key, path]) => ({ key, path })) } : {}),
      },
    }
    plan(ctx, {
      resource: res.ref,
      op: 'append',
      ptr: volumesPtr,
      display: [...pod.display, 'volumes'],
      after,
      role: 'volume',
      reason: `client certificate from Secret ${secretName}, mode ${modeComment(mode)}${
        tls ? `; ${tls}: tls.crt and tls.key are mounted as client.crt and client.key` : ''
      }`,
      splices: appendToList(ectx, pod.node, 'volumes', [item], layout),
    })
    return secretName
  }
  const ptr = [...volumesPtr, ours.index]
  const display = [...pod.display, 'volumes', { name: VOLUME_NAME }]
  const secret = ours.node.get('secret', true)
  if (!isMap(secret)) {
    const source = ours.node.items
      .map((p) => (isScalar(p.key) ? String(p.key.value) : ''))
      .find((k) => k !== 'name' && k !== '')
    const what = source ? `a ${source} volume` : 'a volume without a source'
    report(
      ctx,
      'error',
      'CONFLICT',
      `volume "${VOLUME_NAME}" exists but is ${what}; delegate-mtls needs it to be a secret volume ` +
        `holding the client certificate Secret`,
      ours.node,
    )
    return secretName
  }
  const nameNode = secret.get('secretName', true)
  let effective = secretName
  if (!isScalar(nameNode) || typeof nameNode.value !== 'string') {
    plan(ctx, {
      resource: res.ref,
      op: 'add',
      ptr: [...ptr, 'secret', 'secretName'],
      display: [...display, 'secret', 'secretName'],
      after: secretName,
      role: 'volume',
      reason: 'name the client certificate Secret',
      splices: [addPairs(ectx, secret, [['secretName', scalar(formatScalar(secretName))]], layoutFor(ectx.unit, true))],
    })
  } else if (nameNode.value !== secretName && (ctx.options.secretNameExplicit || isDelegateToken(nameNode.value))) {
    const reason = ctx.options.secretNameExplicit
      ? '--secret-name was given'
      : `${nameNode.value} is the delegate token Secret, not the client certificate (a Harness 2023 doc bug)`
    plan(ctx, {
      resource: res.ref,
      op: 'set',
      ptr: [...ptr, 'secret', 'secretName'],
      display: [...display, 'secret', 'secretName'],
      before: nameNode.value,
      after: secretName,
      role: 'volume',
      reason: reason,
      splices: [setScalar(ectx, nameNode, secretName)],
    })
  } else {
    effective = nameNode.value
  }
  const modeNode = secret.get('defaultMode', true)
  if (!modeNode) {
    plan(ctx, {
      resource: res.ref,
      op: 'add',
      ptr: [...ptr, 'secret', 'defaultMode'],
      display: [...display, 'secret', 'defaultMode'],
      after: mode,
      role: 'file-mode',
      reason: `without a mode the key is world-readable (0644); ${modeComment(mode)} keeps it private`,
      splices: [
        addPairs(
          ectx,
          secret,
          [['defaultMode', scalar(String(mode), modeComment(mode))]],
          layoutFor(ectx.unit, true),
          'secretName',
        ),
      ],
    })
  } else if (isScalar(modeNode) && modeNode.value !== SECRET_MODE.root && modeNode.value !== SECRET_MODE.nonRoot) {
    const reason =
      modeNode.value === 400 && !/^0/.test(modeNode.source ?? '')
        ? `defaultMode: 400 is decimal (octal 0620, group-writable); ${modeComment(mode)} was meant`
        : `the key must be readable by the delegate only (${modeComment(mode)})`
    plan(ctx, {
      resource: res.ref,
      op: 'set',
      ptr: [...ptr, 'secret', 'defaultMode'],
      display: [...display, 'secret', 'defaultMode'],
      before: modeNode.value,
      after: mode,
      role: 'file-mode',
      reason: reason,
      splices: [setMode(ectx, modeNode as Scalar, mode, secret.flow === true)],
    })
  }
  const tls = tlsSecretSource(ctx, effective, res.ref.namespace)
  if (tls) ensureTlsItems(ctx, res, ectx, secret, [...ptr, 'secret'], [...display, 'secret'], tls, mode)
  else if (isSeq(secret.get('items', true)))
    ensureTlsItems(ctx, res, ectx, secret, [...ptr, 'secret'], [...display, 'secret'], undefined, mode)
  else warnKeyItemMode(ctx, secret.get('items', true), mode)
  checkSecretKeys(ctx, res, secret, effective, tls !== undefined)
  return effective
}

/**
 * An item's `mode` overrides defaultMode for its file: an item that mounts client.key readable by group or
 * others beyond the pod's own mode leaks the key, whatever kind of Secret the volume holds.
 */
function warnKeyItemMode(ctx: PlanContext, items: unknown, mode: number): void {
  const found = findItem(items, 'path', KEY_FILE)
  const itemMode = found?.node.get('mode', true)
  if (!isScalar(itemMode) || typeof itemMode.value !== 'number' || (itemMode.value & 0o077 & ~mode) === 0) return
  report(
    ctx,
    'warning',
    'LINT',
    `volume "${VOLUME_NAME}": the item for ${KEY_FILE} has mode ${modeComment(itemMode.value)}, ` +
      `which lets group or others read the key; remove it (defaultMode ${modeComment(mode)} then ` +
      `applies) or set ${modeComment(mode)}`,
    itemMode,
    { role: 'file-mode' },
  )
}

/** The items that mount an Opaque Secret's own keys where the delegate reads them. */
const FILE_ITEMS: readonly (readonly [key: string, path: string])[] = [
  [CERT_FILE, CERT_FILE],
  [KEY_FILE, KEY_FILE],
]

/**
 * When the input holds the Secret the volume mounts, it must have the keys the delegate's two files come from
 * (`client.crt`/`client.key`, a kubernetes.io/tls Secret's `tls.crt`/`tls.key`, or the keys the volume's items
 * map to those files): a Secret without them mounts no certificate, and the delegate cannot start. It is not ours to
 * fill (unless --cert/--key give the material), so it is an error, named at the volume.
 */
function checkSecretKeys(ctx: PlanContext, res: Resource, volumeSecret: YAMLMap, name: string, tls: boolean): void {
  if (ctx.options.secret) return
  const namespace = res.ref.namespace
  const secret = findResource(ctx, name, (r) => r.ref.kind === 'Secret' && (r.ref.namespace ?? namespace) === namespace)
  if (!secret || !isMap(secret.doc.contents)) return
  const held = new Set<string>()
  for (const field of ['data', 'stringData']) {
    const node = secret.doc.contents.get(field, true)
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) continue
    // An alias or anything else not a plain mapping: what it holds is not judged here.
    if (!isMap(node)) return
    for (const p of node.items) if (isScalar(p.key)) held.add(String(p.key.value))
  }
  const items = volumeSecret.get('items', true)
  const needed = (tls ? TLS_ITEMS : FILE_ITEMS).map(([key, path]) => {
    const mapped = tls ? undefined : stringAt(findItem(items, 'path', path)?.node, 'key')
    return { key: mapped ?? key, path }
  })
  const lacking = needed.filter((n) => !held.has(n.key))
  if (lacking.length === 0) return
  report(
    ctx,
    'error',
    'CONFLICT',
    `Secret ${name} (in the input) has no ${lacking.map((l) => l.key).join(' or ')}, which the delegate reads as ` +
      `${lacking.map((l) => `${ctx.options.mountPath}/${l.path}`).join(' and ')}; ` +
      (tls
        ? 'the Secret must hold an issued certificate and its key'
        : 'put the client certificate and key in it (delegate-mtls secret, or --cert and --key)'),
    (volumeSecret.get('secretName', true) as Node | undefined) ?? volumeSecret,
  )
}

const itemFragment = ([key, path]: readonly [string, string]) => map(['key', scalar(key)], ['path', scalar(path)])

/**
 * A kubernetes.io/tls Secret (cert-manager's) holds tls.crt and tls.key: the volume's `items` mount them under the
 * names the delegate reads. Items already there are kept (other files, a mode); ours are added or pointed at the
 * right key.
 */
function ensureTlsItems(
  ctx: PlanContext,
  res: Resource,
  ectx: EditContext,
  secret: YAMLMap,
  ptr: PathSeg[],
  display: DisplaySeg[],
  why: string | undefined,
  mode: number,
): void {
  // Any other Secret with `items` projects only the files they list: the delegate's two must be among them.
  const wantedItems = why === undefined ? FILE_ITEMS : TLS_ITEMS
  const reason =
    why === undefined
      ? `the volume's items mount only the files they list; the delegate reads ${CERT_FILE} and ${KEY_FILE}`
      : `${why}: the delegate reads tls.crt and tls.key as client.crt and client.key`
  const items = secret.get('items', true)
  const itemsPair = pairOf(secret, 'items')
  if (!isSeq(items)) {
    if (items !== undefined && items !== null && !(isScalar(items) && items.value === null)) {
      report(ctx, 'error', 'CONFLICT', `volume "${VOLUME_NAME}": secret.items is not a list; ${reason}`, items as Node)
      return
    }
    const fragment = seq(...TLS_ITEMS.map(itemFragment))
    const layout = layoutFor(ectx.unit, true)
    plan(ctx, {
      resource: res.ref,
      op: 'add',
      ptr: [...ptr, 'items'],
      display: [...display, 'items'],
      after: TLS_ITEMS.map(([key, path]) => ({ key, path })),
      role: 'volume',
      reason,
      splices: itemsPair
        ? fillEmptyValue(ectx, itemsPair as Pair, fragment, layout, secret.flow === true)
        : [addPairs(ectx, secret, [['items', fragment]], layout)],
    })
    return
  }
  const missing: (readonly [string, string])[] = []
  for (const wanted of wantedItems) {
    const [key, path] = wanted
    const found = findItem(items, 'path', path)
    if (!found) {
      missing.push(wanted)
      continue
    }
    const keyNode = found.node.get('key', true)
    // An Opaque Secret may keep the certificate under a key of its own choosing (checkSecretKeys looks for it).
    if (why !== undefined && isScalar(keyNode) && keyNode.value !== key) {
      plan(ctx, {
        resource: res.ref,
        op: 'set',
        ptr: [...ptr, 'items', found.index, 'key'],
        display: [...display, 'items', found.index, 'key'],
        before: keyNode.value,
        after: key,
        role: 'volume',
        reason,
        splices: [setScalar(ectx, keyNode as Scalar, key)],
      })
    }
  }
  warnKeyItemMode(ctx, items, mode)
  // One change per item appended (the guard appends one value per change); the first carries the splice.
  const splice =
    missing.length > 0 ? appendItems(ectx, items, missing.map(itemFragment), layoutFor(ectx.unit, true)) : undefined
  missing.forEach(([key, path], i) => {
    plan(ctx, {
      resource: res.ref,
      op: 'append',
      ptr: [...ptr, 'items'],
      display: [...display, 'items'],
      after: { key, path },
      role: 'volume',
      reason,
      splices: i === 0 ? [splice!] : [],
    })
  })
}

/** SPEC §5: the client certificate is never `<name>-account-token`, which holds the delegate token. */
const isDelegateToken = (secretName: string) => /-account-token$/.test(secretName)

/**
 * Writes a mode as decimal with its octal in a comment, unless the line already has a comment or the
 * value is in a flow collection (`{defaultMode: 400}`), where a comment would swallow the closing
 * brackets or the next item.
 */
function setMode(ectx: EditContext, node: Scalar, mode: number, inFlow: boolean): Splice {
  const [start, end] = node.range!
  const lineEnd = ectx.src.indexOf('\n', end)
  const rest = ectx.src.slice(end, lineEnd < 0 ? ectx.src.length : lineEnd)
  return replaceRange(start, end, inFlow || /#/.test(rest) ? String(mode) : `${mode} # ${modeComment(mode)}`)
}

/** The pod's containers and init containers, as written. */
export function containersOf(pod: YAMLMap): unknown[] {
  return ['containers', 'initContainers'].flatMap((key) => {
    const list = pod.get(key, true)
    return isSeq(list) ? list.items : []
  })
}

/** Does any container of the pod mount a volume of this name? */
export function mountedAnywhere(pod: YAMLMap, volume: string): boolean {
  return containersOf(pod).some((c) => findItem(isMap(c) ? c.get('volumeMounts', true) : undefined, 'name', volume))
}

/**
 * What the API server (or the kubelet) refuses in a pod we would call done: two volumes of one name, a mount of a
 * volume the pod does not define, two mounts of one container at one path (`/etc/mtls/` is `/etc/mtls`). None of
 * it is ours to repair, and none of it is about mTLS: a warning that changes nothing (SPEC §6), which `audit`
 * counts against readiness, since a pod that never starts is not a delegate that connects. A kustomize patch
 * (`patch`) mounts volumes its base defines: there only duplicates count. Our own volume and a mount of it that
 * hides or is hidden are left to ensureVolume and ensureMount, which repair or name them.
 */
export function checkPod(ctx: PlanContext, pod: YAMLMap, patch: boolean): void {
  const volumes = pod.get('volumes', true)
  const defined = new Set<string>()
  if (isSeq(volumes)) {
    for (const v of volumes.items) {
      const name = stringAt(v, 'name')
      if (name === undefined) continue
      if (defined.has(name))
        report(
          ctx,
          'warning',
          'INVALID_POD',
          `volume "${name}" is defined twice in the pod: the API server refuses the pod; keep one`,
          v as Node,
        )
      defined.add(name)
    }
  }
  for (const c of containersOf(pod)) {
    const mounts = isMap(c) ? c.get('volumeMounts', true) : undefined
    if (!isSeq(mounts)) continue
    const seen = new Map<string, string | undefined>()
    for (const m of mounts.items) {
      const name = stringAt(m, 'name')
      if (name !== undefined && name !== VOLUME_NAME && !patch && !defined.has(name))
        report(
          ctx,
          'warning',
          'INVALID_POD',
          `volume "${name}" is mounted but not defined in the pod: the API server refuses the pod; define the ` +
            'volume or remove the mount',
          m as Node,
        )
      const path = normalMountPath(stringAt(m, 'mountPath'))
      if (path === undefined) continue
      const other = seen.get(path)
      // One of them ours and the other not: ensureMount names that clash (another volume hiding the certificate).
      if (seen.has(path) && (name === VOLUME_NAME) === (other === VOLUME_NAME))
        report(
          ctx,
          'warning',
          'INVALID_POD',
          `volumes "${other ?? ''}" and "${name ?? ''}" are both mounted at ${path} in container ` +
            `"${stringAt(c, 'name') ?? ''}": the API server refuses the pod (mount paths must be unique); keep one`,
          m as Node,
        )
      seen.set(path, name)
    }
  }
}
