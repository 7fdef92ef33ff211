import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml'
import type { Resource } from '../resources/classify.js'
import { envValue, wantedEnvFor, type DelegateKind, type EnvRole } from '../resources/wanted-state.js'
import { addPairs, removeItem, setScalar } from '../yaml/edit.js'
import { map, scalar, type BlockLayout } from '../yaml/fragment.js'
import { layoutFor } from '../yaml/layout.js'
import { findItem, lookup, pairOf, stringAt, type PathSeg } from '../yaml/lookup.js'
import { formatScalar } from '../yaml/scalar.js'
import { editContext, plan, report, type DisplaySeg } from './context.js'
import { layoutIn, type Located } from './plan-pod.js'
import { findResource } from './scope.js'
import type { PlanContext } from './types.js'
import { sameNamespace } from '../resources/namespace.js'

/** One env var the delegate must have, resolved for this run's options. */
export interface WantedEnv {
  name: string
  value: string
  /** Endpoint vars may live in a ConfigMap (patched there); vars we own must be inline. */
  kind: 'endpoint' | 'owned'
  role: EnvRole
  /** Add it when the container has none (else only rewrite an existing one). */
  addIfMissing: boolean
  /** A name that means the same thing and is renamed (SPEC §3.3). */
  oldName?: string
  /** Not added when the container has this var instead (the delegate reads either). */
  unlessPresent?: string
  /** The var the delegate reads `E` itself from (added with a warning when missing). */
  manager: boolean
  /** The harness-delegate-ng chart sets it itself (Helm values). */
  setByChart: boolean
  reason: string
}

/**
 * A kind of delegate's table of env vars (src/resources/wanted-state.ts) for this run, in the order new entries
 * are appended.
 */
export function wantedEnv(ctx: PlanContext, kind: DelegateKind = 'classic'): WantedEnv[] {
  const { endpoint, mountPath, tiService, grpcAuthority } = ctx.options
  const added = { always: true, never: false, 'with-ti-service': tiService, 'with-grpc-authority': grpcAuthority }
  return wantedEnvFor(kind)
    .filter((s) => s.add !== 'with-grpc-authority' || grpcAuthority)
    .map((s) => ({
      name: s.name,
      value: envValue(s, endpoint, mountPath),
      kind: s.role === 'endpoint' ? 'endpoint' : 'owned',
      role: s.role,
      addIfMissing: added[s.add],
      ...(s.oldName ? { oldName: s.oldName } : {}),
      ...(s.unlessPresent ? { unlessPresent: s.unlessPresent } : {}),
      manager: s.role === 'endpoint' && s.endpointPath === '',
      setByChart: s.setByChart,
      reason: s.reason,
    }))
}

/** Names of the ConfigMaps a container takes its whole env from (`envFrom: - configMapRef`). */
function envFromConfigMaps(container: YAMLMap): string[] {
  const envFrom = container.get('envFrom', true)
  if (!isSeq(envFrom)) return []
  return envFrom.items
    .map((i) => stringAt(lookup(i, ['configMapRef']), 'name'))
    .filter((n): n is string => n !== undefined)
}

/** Sets `key` of a ConfigMap in the input that carries a value the delegate reads through envFrom or valueFrom. */
function patchConfigMapKey(
  ctx: PlanContext,
  configMapName: string,
  namespace: string | undefined,
  key: string,
  value: string,
  reason: string,
): 'patched' | 'absent' | 'missing-key' {
  const cm = findResource(
    ctx,
    configMapName,
    (r) => r.ref.kind === 'ConfigMap' && sameNamespace(r.ref.namespace, namespace),
  )
  if (!cm) return 'absent'
  const node = lookup(cm.doc.contents, ['data', key])
  if (!isScalar(node)) return 'missing-key'
  if (node.value !== value) {
    plan(ctx, {
      resource: cm.ref,
      op: 'set',
      ptr: ['data', key],
      display: ['data', key],
      before: node.value,
      after: value,
      role: 'endpoint',
      reason: `${reason} (the delegate reads it from this ConfigMap)`,
      splices: [setScalar(editContext(ctx, cm), node as Scalar, value)],
    })
  }
  return 'patched'
}

/**
 * An env entry's inline `value` set to what is wanted: changed in place (its quoting kept) or added after
 * its other keys. `setReason` says why a value that was there changes (default: the wanted var's reason).
 */
export function ensureEnvValue(
  ctx: PlanContext,
  res: Resource,
  entry: YAMLMap,
  ptr: PathSeg[],
  display: DisplaySeg[],
  want: WantedEnv,
  setReason = want.reason,
): void {
  const ectx = editContext(ctx, res)
  const valueNode = entry.get('value', true)
  if (isScalar(valueNode)) {
    if (valueNode.value === want.value) return
    plan(ctx, {
      resource: res.ref,
      op: 'set',
      ptr: [...ptr, 'value'],
      display: [...display, 'value'],
      before: valueNode.value,
      after: want.value,
      role: want.role,
      reason: setReason,
      splices: [setScalar(ectx, valueNode as Scalar, want.value)],
    })
    return
  }
  plan(ctx, {
    resource: res.ref,
    op: 'add',
    ptr: [...ptr, 'value'],
    display: [...display, 'value'],
    after: want.value,
    role: want.role,
    reason: want.reason,
    splices: [
      addPairs(ectx, entry, [['value', scalar(formatScalar(want.value, 'double'))]], layoutFor(ectx.unit, true)),
    ],
  })
}

/** Ensures every wanted env var of its kind's table on the delegate container (SPEC §3.1–3.4, §3.7). */
export function ensureEnv(
  ctx: PlanContext,
  res: Resource,
  container: Located<YAMLMap>,
  podCompact: boolean,
  kind: DelegateKind = 'classic',
): void {
  const ectx = editContext(ctx, res)
  const env = container.node.get('env', true)
  const envPtr = [...container.ptr, 'env']
  const envDisplay = [...container.display, 'env']
  let layout: BlockLayout | undefined
  // Vars the container has, inline or in a ConfigMap of the input: an `unlessPresent` var among them is enough.
  const present = new Set<string>()
  for (const want of wantedEnv(ctx, kind)) {
    const found = findItem(env, 'name', want.name)
    const old = want.oldName ? findItem(env, 'name', want.oldName) : undefined
    const entry = found ?? old
    if (entry) {
      present.add(want.name)
      const ptr = [...envPtr, entry.index]
      const display = [...envDisplay, { name: found ? want.name : want.oldName! }]
      if (!found && old) {
        const nameNode = old.node.get('name', true) as Scalar
        plan(ctx, {
          resource: res.ref,
          op: 'set',
          ptr: [...ptr, 'name'],
          display: [...display, 'name'],
          before: want.oldName,
          after: want.name,
          role: want.role,
          reason: `the delegate reads only ${want.name}; ${want.oldName} is ignored`,
          splices: [setScalar(ectx, nameNode, want.name)],
        })
      } else if (found && old && isSeq(env)) {
        plan(ctx, {
          resource: res.ref,
          op: 'remove',
          ptr: [...envPtr, old.index],
          display: [...envDisplay, { name: want.oldName! }],
          before: old.node.toJSON(),
          role: want.role,
          reason: `${want.oldName} is ignored by the delegate; ${want.name} is set`,
          splices: [removeItem(ectx, env, old.index)],
        })
      }
      const valueNode = entry.node.get('value', true)
      const valueFrom = entry.node.get('valueFrom', true)
      if (isScalar(valueNode) || !isMap(valueFrom)) {
        ensureEnvValue(ctx, res, entry.node, ptr, display, want)
      } else {
        // Reported at the `valueFrom:` key, the line that says where the value comes from.
        const at = (pairOf(entry.node, 'valueFrom')?.key as Node | undefined) ?? valueFrom
        const ref = valueFrom.get('configMapKeyRef', true)
        const cmName = stringAt(ref, 'name')
        const cmKey = stringAt(ref, 'key')
        if (want.kind === 'owned') {
          report(
            ctx,
            'error',
            'CONFLICT',
            `${want.name} is set through valueFrom; delegate-mtls must set it to "${want.value}" ` +
              `inline (remove the valueFrom)`,
            at,
          )
        } else if (
          !cmName ||
          !cmKey ||
          patchConfigMapKey(ctx, cmName, res.ref.namespace, cmKey, want.value, want.reason) !== 'patched'
        ) {
          report(
            ctx,
            'warning',
            'NOT_CHANGED',
            `${want.name} comes from ${
              cmName ? `ConfigMap ${cmName}` : 'valueFrom'
            }, which is not in the input: set it to "${want.value}" there`,
            at,
            { role: want.role },
          )
        }
      }
      continue
    }
    if (want.kind === 'endpoint') {
      const configMaps = envFromConfigMaps(container.node)
      const outcomes = configMaps.map((cm) => ({
        cm,
        outcome: patchConfigMapKey(ctx, cm, res.ref.namespace, want.name, want.value, want.reason),
      }))
      if (outcomes.some((o) => o.outcome === 'patched')) {
        present.add(want.name)
        continue
      }
      if (want.unlessPresent && present.has(want.unlessPresent)) continue
      const unseen = outcomes.filter((o) => o.outcome === 'absent').map((o) => o.cm)
      if (unseen.length > 0) {
        if (want.addIfMissing)
          report(
            ctx,
            'warning',
            'NOT_CHANGED',
            `${want.name} may come from ConfigMap ${unseen.join(', ')} (envFrom), which is not in ` +
              `the input: set it to "${want.value}" there, or add the ConfigMap to the input`,
            (container.node.get('envFrom', true) as YAMLMap | undefined) ?? container.node,
            { role: want.role },
          )
        continue
      }
      if (!want.addIfMissing) continue
      if (want.manager)
        report(ctx, 'warning', 'ADDED_ENDPOINT', `the delegate container had no ${want.name}; added it`, container.node)
    } else if (!want.addIfMissing) continue
    layout ??= layoutIn(ectx, container.node, ['env', 'envFrom', 'volumeMounts', 'ports'], podCompact)
    plan(ctx, {
      resource: res.ref,
      op: 'append',
      ptr: envPtr,
      display: envDisplay,
      after: { name: want.name, value: want.value },
      role: want.role,
      reason: want.reason,
      splices: [],
      place: {
        kind: 'append',
        ectx,
        owner: container.node,
        key: 'env',
        item: map(['name', scalar(want.name)], ['value', scalar(formatScalar(want.value, 'double'))]),
        layout,
      },
    })
  }
}
