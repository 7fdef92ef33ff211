import { isMap, type Node, type Scalar, type YAMLMap } from 'yaml'
import { lookup, stringAt, type PathSeg } from '../yaml/lookup.js'
import type { Doc } from '../yaml/parse.js'
import type { LegacyDelegate, ResourceRef } from './types.js'
import { classifyTag, parseImage } from './image.js'

/**
 * Values of the `harness-delegate-ng` Helm chart, from which the chart renders the delegate, its
 * ConfigMap and its upgrader: a values file (a plain mapping, no `kind`, recognised by the chart's own
 * keys), or the values a Flux HelmRelease or an Argo CD Application of the chart carries.
 */
export interface HelmValues {
  type: 'helm-values'
  ref: ResourceRef
  doc: Doc
  /** The values mapping; undefined when the document holds none (they all come from elsewhere). */
  root: YAMLMap | undefined
  /** Where the values are in the document: `[]` for a values file, `['spec', 'values']` in a HelmRelease … */
  path: PathSeg[]
  /** Argo CD's `helm.values`: the string at `path`, and the document it holds (`root` is its root). */
  text?: { node: Scalar; doc: Doc }
  /** The HelmRelease or Application that carries the values. */
  host?: ValuesHost
}

/** What a HelmRelease or Application says beside its values, which planning reports on. */
export interface ValuesHost {
  /** Values it takes from outside the document: Flux `valuesFrom`, Argo CD `valueFiles`. */
  outside?: { what: string; items: string[]; at: Node }
  /** Argo CD `helm.parameters`, which override the values. */
  parameters?: Node
  /** Argo CD `helm.values` while `valuesObject` is set: Argo CD renders valuesObject alone. */
  ignored?: Node
  /** Why the values could not be read (not a mapping, not a string, invalid YAML), and where. */
  problem?: { code: 'SCHEMA' | 'YAML_SYNTAX' | 'UNSUPPORTED'; message: string; at: Node }
}

/** `kind` in reports and changes. */
export const HELM_VALUES_KIND = 'HelmValues'

/** The chart's name. */
export const CHART_NAME = 'harness-delegate-ng'

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

/** Does a mapping hold the chart's own keys (at least two, one of them managerEndpoint or delegateDockerImage)? */
export function looksLikeChartValues(root: YAMLMap): boolean {
  const hits = CHART_KEYS.filter((k) => root.has(k))
  return hits.length >= 2 && hits.some((k) => k === 'managerEndpoint' || k === 'delegateDockerImage')
}

/**
 * Why values are those of a delegate that cannot do mTLS (watcher keys, a legacy image), or that this chart
 * cannot give mTLS (a Delegate 3.x image), and where.
 */
export function legacyValues(
  root: YAMLMap,
): Pick<LegacyDelegate, 'reason' | 'at' | 'image' | 'code' | 'advice' | 'delegateKind'> | undefined {
  const image = helmImage(root)
  const watcher = root.items.find((p) => /^watcher/i.test(String((p.key as { value?: unknown } | null)?.value ?? '')))
  if (watcher) {
    return {
      reason:
        `${String((watcher.key as { value: unknown }).value)} belongs to the values of a ` +
        `legacy (watcher) delegate chart`,
      at: watcher.key as Node,
      ...(image ? { image: image.ref } : {}),
    }
  }
  if (image && classifyTag(image.ref) === 'legacy')
    return { reason: `image "${image.ref}" is a legacy delegate image`, at: image.at, image: image.ref }
  // harness-delegate-ng renders the classic delegate's env, probes and mTLS mount; Harness publishes no chart for
  // Delegate 3.x (its docs: a Kubernetes manifest). Planning the classic values would report mTLS that never happens.
  if (image && classifyTag(image.ref) === 'delegate3')
    return {
      reason:
        `image "${image.ref}" is Delegate 3.x, which the harness-delegate-ng chart does not ` +
        `configure (its mTLS values set the classic delegate's env vars)`,
      at: image.at,
      image: image.ref,
      code: 'DELEGATE3_CHART',
      delegateKind: 'delegate3',
      advice:
        'Harness publishes no Helm chart for Delegate 3.x: install it from its Kubernetes manifest ' +
        'and migrate that manifest',
    }
  return undefined
}

/** Recognises a harness-delegate-ng values file; a legacy image in it is refused like a legacy manifest. */
export function recogniseHelmValues(doc: Doc, index: number): HelmValues | LegacyDelegate | undefined {
  const root = doc.contents
  if (!isMap(root) || root.has('kind') || root.has('apiVersion') || root.has('services')) return undefined
  if (!looksLikeChartValues(root)) return undefined
  const ref: ResourceRef = { document: index, kind: HELM_VALUES_KIND }
  const name = stringAt(root, 'delegateName')
  if (name !== undefined) ref.name = name
  const legacy = legacyValues(root)
  if (legacy) return { type: 'legacy', ref, doc, ...legacy }
  return { type: 'helm-values', ref, doc, root, path: [] }
}
