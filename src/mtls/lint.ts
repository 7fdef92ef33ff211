import { isMap, isScalar, isSeq, visit, type Node, type YAMLMap } from 'yaml'
import { lookup, stringAt } from '../yaml/lookup.js'
import { report } from './context.js'
import { mayMatter, type Resource } from '../resources/classify.js'
import { deploymentNames } from './scope.js'
import { containersOf } from './plan-pod.js'
import { lineStartOf } from '../yaml/source.js'
import { VOLUME_NAME } from '../resources/wanted-state.js'
import type { PlanContext } from './types.js'
import { namespacedKey } from '../resources/namespace.js'

/** SPEC §6 lint: remarks that change nothing. Run after planning, so edited nodes are known. */
export function lint(ctx: PlanContext, onEach?: (res: Resource) => void): void {
  const edited = ctx.edits.flatMap((e) => e.splices)
  const isEdited = (node: Node) =>
    edited.some((s) => node.range && s.start <= node.range[0] && node.range[1] <= s.end && s.end > s.start)
  // A placeholder the plan replaces (`MANAGER_HOST_AND_PORT: PUT_YOUR_MANAGER_HOST_AND_PORT`, the upgrader's
  // managerHost inside config.yaml) is no longer in the manifest: only one left outside every edit, or one an
  // edit writes again, is reported.
  const survives = (node: Node, placeholder: string) => {
    if (!node.range) return true
    const source = ctx.src.slice(node.range[0], node.range[1])
    for (let at = source.indexOf(placeholder); at >= 0; at = source.indexOf(placeholder, at + 1)) {
      const from = node.range[0] + at
      const to = from + placeholder.length
      if (!edited.some((s) => s.start <= from && to <= s.end && s.end > s.start && !s.text.includes(placeholder)))
        return true
    }
    return false
  }
  const deployments = deploymentNames(ctx)
  const placeholders = new Set<string>()

  for (const res of ctx.resources) {
    onEach?.(res)
    const root = res.doc.contents
    if (
      res.ref.kind === 'CronJob' &&
      stringAt(root, 'apiVersion') === 'batch/v1beta1' &&
      res.type === 'upgrader-cronjob'
    ) {
      report(
        ctx,
        'warning',
        'LINT',
        'batch/v1beta1 CronJob was removed in Kubernetes 1.25; use apiVersion batch/v1',
        (root as YAMLMap).get('apiVersion', true) as Node,
      )
    }
    if (res.ref.kind === 'HorizontalPodAutoscaler' && deployments.size > 0) {
      const target = lookup(root, ['spec', 'scaleTargetRef'])
      const name = stringAt(target, 'name')
      // The HPA scales the Deployment of that name in its own namespace.
      const key = namespacedKey(res.ref.namespace, name)
      if (stringAt(target, 'kind') === 'Deployment' && name !== undefined && !deployments.has(key)) {
        report(
          ctx,
          'warning',
          'LINT',
          `HorizontalPodAutoscaler ${res.ref.name ?? ''} targets Deployment "${name}", which is not in this file`,
          lookup(target, ['name']),
        )
      }
    }
    if (res.type === 'delegate' || res.type === 'upgrader-cronjob') lintPod(ctx, lookup(root, res.podPath))
    const i = res.ref.document
    const start = ctx.starts ? ctx.starts[i]! : res.doc.range[0]
    const text = ctx.starts
      ? ctx.src.slice(start, ctx.starts[i + 1] ?? ctx.src.length)
      : ctx.src.slice(start, res.doc.range[2])
    if (ctx.starts && !mayMatter(text)) {
      // A document that was not parsed (src/yaml/spans.ts): its placeholders are found in its text.
      for (const m of text.matchAll(/PUT_YOUR_[A-Z_]+/g)) {
        const lineStart = lineStartOf(text, m.index)
        if (placeholders.has(m[0]) || /(?:^|\s)#/.test(text.slice(lineStart, m.index))) continue
        placeholders.add(m[0])
        report(
          ctx,
          'warning',
          'LINT',
          `placeholder ${m[0]} is still in the manifest; replace it before applying`,
          start + m.index,
          { subject: m[0] },
        )
      }
      continue
    }
    if (!/PUT_YOUR_|\b400\b/.test(text)) continue
    visit(root as Node, {
      Pair(_, pair) {
        const v = pair.value
        if (
          isScalar(pair.key) &&
          (pair.key.value === 'defaultMode' || pair.key.value === 'mode') &&
          isScalar(v) &&
          v.value === 400 &&
          !/^0/.test(v.source ?? '') &&
          !isEdited(v as Node)
        ) {
          report(
            ctx,
            'warning',
            'LINT',
            `${pair.key.value}: 400 is decimal, which is octal 0620 (group-writable); write 0400 ` +
              `(or 256) if read-only was meant`,
            v as Node,
          )
        }
      },
      Scalar(_, node) {
        if (typeof node.value !== 'string') return
        const m = /PUT_YOUR_[A-Z_]+/.exec(node.value)
        if (m && !placeholders.has(m[0]) && survives(node as Node, m[0])) {
          placeholders.add(m[0])
          report(
            ctx,
            'warning',
            'LINT',
            `placeholder ${m[0]} is still in the manifest; replace it before applying`,
            node as Node,
            { subject: m[0] },
          )
        }
      },
    })
  }
}

/** Volumes nobody mounts (a mount of a volume that does not exist is checkPod's). */
function lintPod(ctx: PlanContext, pod: unknown): void {
  if (!isMap(pod)) return
  const volumes = pod.get('volumes', true)
  const defined = new Map<string, Node>()
  if (isSeq(volumes))
    for (const v of volumes.items) if (stringAt(v, 'name')) defined.set(stringAt(v, 'name')!, v as Node)
  const mounted = new Set<string>()
  for (const c of containersOf(pod)) {
    const mounts = isMap(c) ? c.get('volumeMounts', true) : undefined
    if (!isSeq(mounts)) continue
    for (const m of mounts.items) {
      const name = stringAt(m, 'name')
      if (name !== undefined) mounted.add(name)
    }
  }
  for (const [name, node] of defined) {
    if (!mounted.has(name) && name !== VOLUME_NAME && name !== 'config-certificate') {
      report(ctx, 'warning', 'LINT', `volume "${name}" is not mounted by any container`, node)
    }
  }
}
