import { isMap, type Node, type YAMLMap } from 'yaml'
import { lookup, stringAt } from '../yaml/lookup.js'
import type { Doc } from '../yaml/parse.js'
import type { LegacyDelegate, ResourceRef } from './types.js'
import { classifyTag, parseImage } from './image.js'

/**
 * A values file of the `harness-delegate-ng` Helm chart: a plain mapping (no `kind`) recognised by the
 * chart's own keys. The chart renders the delegate, its ConfigMap and its upgrader from it.
 */
export interface HelmValues {
  type: 'helm-values'
  ref: ResourceRef
  doc: Doc
}

/** `kind` in reports and changes. */
export const HELM_VALUES_KIND = 'HelmValues'

/** The chart's delegate name when the values do not set `delegateName`. */
export const CHART_DEFAULT_NAME = 'harness-delegate-ng'

/** Keys every harness-delegate-ng values file (the chart's own, or a UI download) has some of. */
const CHART_KEYS = [
  'delegateName',
  'accountId',
  'delegateToken',
  'managerEndpoint',
  'delegateDockerImage',
  'k8sPermissionsType',
  'existingDelegateToken',
  'upgrader',
]

/**
 * The delegate image the chart would run: `image.tag` / `image.repository` (chart ≥ 1.0.2x) override
 * `delegateDockerImage`. Undefined when the values leave the chart's default.
 */
export function helmImage(root: unknown): { ref: string; at: Node } | undefined {
  const image = stringAt(root, 'delegateDockerImage')
  const at = isMap(root) ? (root.get('delegateDockerImage', true) as Node | undefined) : undefined
  const tag = lookup(root, ['image', 'tag'])
  const repo = stringAt(lookup(root, ['image']), 'repository')
  const tagValue = tag && 'value' in tag ? (tag as { value: unknown }).value : undefined
  if (tagValue !== undefined && tagValue !== null && tagValue !== '') {
    const base = repo ?? (image ? parseImage(image).repository : 'harness/delegate')
    return { ref: `${base}:${String(tagValue)}`, at: tag! }
  }
  return image !== undefined && at ? { ref: image, at } : undefined
}

/** Recognises a harness-delegate-ng values file; a legacy image in it is refused like a legacy manifest. */
export function recogniseHelmValues(doc: Doc, index: number): HelmValues | LegacyDelegate | undefined {
  const root = doc.contents
  if (!isMap(root) || root.has('kind') || root.has('apiVersion') || root.has('services')) return undefined
  const hits = CHART_KEYS.filter((k) => (root as YAMLMap).has(k))
  if (hits.length < 2 || !hits.some((k) => k === 'managerEndpoint' || k === 'delegateDockerImage')) return undefined
  const ref: ResourceRef = { document: index, kind: HELM_VALUES_KIND }
  const name = stringAt(root, 'delegateName')
  if (name !== undefined) ref.name = name
  const watcher = root.items.find((p) => /^watcher/i.test(String((p.key as { value?: unknown } | null)?.value ?? '')))
  if (watcher) {
    return {
      type: 'legacy',
      ref,
      doc,
      reason: `${String((watcher.key as { value: unknown }).value)} belongs to the values of a legacy (watcher) delegate chart`,
      at: watcher.key as Node,
    }
  }
  const image = helmImage(root)
  if (image && classifyTag(image.ref) === 'legacy') {
    return { type: 'legacy', ref, doc, reason: `image "${image.ref}" is a legacy delegate image`, at: image.at }
  }
  return { type: 'helm-values', ref, doc }
}
