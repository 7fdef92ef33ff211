import { isMap, type Node, type YAMLMap, type YAMLSeq } from 'yaml'
import type { DelegateWorkload } from '../resources/classify.js'
import { imageDoubt } from '../resources/delegate-kind.js'
import { secretMode } from '../resources/wanted-state.js'
import { seqIsCompact } from '../yaml/layout.js'
import { lookup, pairOf, stringAt } from '../yaml/lookup.js'
import { report } from './context.js'
import { ensureEnv } from './plan-env.js'
import { checkPod, ensureMount, ensureVolume, modeComment, runsAsNonRoot, type Located } from './plan-pod.js'
import type { PlanContext } from './types.js'
import { namespacedKey } from '../resources/namespace.js'

/** `S` for one delegate: the `{delegate}` placeholder replaced by its name. */
export const secretNameFor = (ctx: PlanContext, delegateName: string) =>
  ctx.options.secretName.replaceAll('{delegate}', delegateName)

/** The container at `index` of a pod spec, located for planning. */
export function locateContainer(
  ctx: PlanContext,
  podPath: (string | number)[],
  pod: YAMLMap,
  index: number,
): { container: Located<YAMLMap>; podCompact: boolean } {
  const containers = pod.get('containers', true) as unknown as YAMLSeq
  const node = containers.items[index] as YAMLMap
  const name = stringAt(node, 'name')
  const keyNode = pairOf(pod, 'containers')!.key as Node
  return {
    container: {
      node,
      ptr: [...podPath, 'containers', index],
      display: [...podPath, 'containers', name !== undefined ? { name } : index],
    },
    podCompact: seqIsCompact(ctx.src, keyNode, containers) ?? true,
  }
}

/** SPEC §3: everything the delegate container and its pod need for mTLS. */
export function planDelegate(ctx: PlanContext, res: DelegateWorkload): void {
  const pod = lookup(res.doc.contents, res.podPath) as YAMLMap
  const { container, podCompact } = locateContainer(ctx, res.podPath, pod, res.container)
  const delegateName = res.ref.name ?? 'delegate'
  const image = container.node.get('image', true) as Node | undefined
  const imageRef = stringAt(container.node, 'image') ?? ''
  if (res.kindDisagreement) report(ctx, 'warning', 'IMAGE', res.kindDisagreement, image ?? container.node)
  if (image === undefined) {
    // No image on the delegate container: no Deployment the API server accepts, but a kustomize strategic-merge
    // patch (often without a selector too). Its changes are made; the base it patches needs them as much.
    report(
      ctx,
      'warning',
      'PATCH',
      `Deployment ${delegateName}: the delegate container has no image, so this is a patch ` +
        `(kustomize patches / patchesStrategicMerge), not a whole delegate; it is migrated, but ` +
        `migrate its base (and the base's upgrader) too`,
      (lookup(res.doc.contents, ['metadata', 'name']) ?? container.node) as Node,
    )
  } else {
    const doubt = imageDoubt(imageRef, res.delegateKind)
    if (doubt) report(ctx, 'warning', 'IMAGE', doubt, image)
  }

  checkPod(ctx, pod, image === undefined)
  ensureEnv(ctx, res, container, podCompact, res.delegateKind)
  ensureMount(ctx, res, container, podCompact)

  const nonRoot = runsAsNonRoot(pod, container.node, res.doc)
  const mode = secretMode(nonRoot)
  if (nonRoot) {
    const sc = pod.get('securityContext', true)
    if (!isMap(sc) || sc.get('fsGroup') === undefined) {
      report(
        ctx,
        'warning',
        'NON_ROOT',
        `the delegate runs as a non-root user and the pod sets no fsGroup: the key (mode ` +
          `${modeComment(mode)}, owned by root) will not be readable; set spec.template.spec.securityContext.fsGroup`,
        container.node,
      )
    }
  }
  const podLoc: Located<YAMLMap> = { node: pod, ptr: res.podPath, display: res.podPath }
  const effective = ensureVolume(ctx, res, podLoc, secretNameFor(ctx, delegateName), mode)
  const key = namespacedKey(res.ref.namespace, delegateName)
  ctx.secretByDelegate.set(key, effective)
  ctx.modeByDelegate.set(key, mode)
}
