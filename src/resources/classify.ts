import { isAlias, isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml'
import { findItem, lookup, stringAt, type PathSeg } from '../yaml/lookup.js'
import type { Doc } from '../yaml/parse.js'
import { isDelegateImage, isUpgraderImage } from './image.js'
import { recogniseCompose, type ComposeFile } from './compose.js'
import { recogniseHelmValues, type HelmValues } from './helm-values.js'
import { recogniseGitOpsValues } from './gitops-values.js'
import type { LegacyDelegate, ResourceBase, ResourceRef } from './types.js'
import { DELEGATE3_MANAGER_ENV, MANAGER_ENV } from './wanted-state.js'
import type { DelegateKind } from './wanted-state.js'
import {
  delegate3UpgradeAdvice,
  delegateKindOf,
  legacyReason as legacyOf,
  type DelegateSigns,
} from './delegate-kind.js'
import { isUpgraderConfigText } from './upgrader-config.js'

export type { LegacyDelegate, ResourceRef } from './types.js'

/** A Deployment running an immutable (or unverifiable) delegate: the one thing we migrate. */
export interface DelegateWorkload extends ResourceBase {
  type: 'delegate'
  podPath: PathSeg[]
  container: number
  /** Classic delegate or Delegate 3.x: which table of env vars it is planned, audited and reverted against. */
  delegateKind: DelegateKind
  /** Its image tag and env disagree on the kind (the tag decided): a warning. */
  kindDisagreement?: string
}
/** The upgrader's ConfigMap, whose `config.yaml` is a YAML document held as a string. */
export interface UpgraderConfig extends ResourceBase {
  type: 'upgrader-config'
  config: Scalar
}
/** An upgrader ConfigMap whose `config.yaml` is a mapping (a doc bug the API server rejects). */
export interface InvalidUpgraderConfig extends ResourceBase {
  type: 'upgrader-config-invalid'
  at: Node
}
export interface UpgraderCronJob extends ResourceBase {
  type: 'upgrader-cronjob'
  podPath: PathSeg[]
  container: number
}
export interface OtherResource extends ResourceBase {
  type: 'other'
}
export type Resource =
  | DelegateWorkload
  | LegacyDelegate
  | UpgraderConfig
  | InvalidUpgraderConfig
  | UpgraderCronJob
  | OtherResource
  | HelmValues
  | ComposeFile

export const POD_PATH: Record<string, PathSeg[]> = {
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
}

const envNames = (container: unknown): string[] => {
  const env = isMap(container) ? container.get('env', true) : undefined
  return isSeq(env) ? env.items.map((e) => stringAt(e, 'name')).filter((n): n is string => n !== undefined) : []
}

/** The ports of a container's http probes. */
const probePorts = (container: unknown): number[] =>
  ['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probe) => {
    const port = lookup(container, [probe, 'httpGet', 'port'])
    return isScalar(port) && typeof port.value === 'number' ? [port.value] : []
  })

/** What a delegate container shows of its kind (classic or Delegate 3.x). */
export const containerSigns = (container: unknown): DelegateSigns => ({
  image: stringAt(container, 'image') ?? '',
  env: envNames(container),
  probePorts: probePorts(container),
})

/**
 * SPEC §2: the container named `delegate`; else the one with the delegate's endpoint var (MANAGER_HOST_AND_PORT,
 * or Delegate 3.x's HARNESS_MANAGER_HOST_AND_PORT); else a lone delegate image.
 */
export function findDelegateContainer(containers: YAMLSeq): number {
  const byName = findItem(containers, 'name', 'delegate')
  if (byName) return byName.index
  const byEnv = containers.items.findIndex((c) => {
    const names = envNames(c)
    return names.includes(MANAGER_ENV) || names.includes(DELEGATE3_MANAGER_ENV)
  })
  if (byEnv >= 0) return byEnv
  if (containers.items.length === 1 && isDelegateImage(stringAt(containers.items[0], 'image') ?? '')) return 0
  const legacy = findItem(containers, 'name', 'harness-delegate-instance')
  return legacy ? legacy.index : -1
}

function legacyReason(
  kind: string,
  container: YAMLMap,
  delegateKind: DelegateKind,
): { reason: string; at: Node } | undefined {
  const image = container.get('image', true) as Node | undefined
  const imageRef = stringAt(container, 'image') ?? ''
  if (kind === 'StatefulSet') return { reason: 'a StatefulSet delegate is a legacy delegate', at: container }
  if (stringAt(container, 'name') === 'harness-delegate-instance') {
    return {
      reason: 'container "harness-delegate-instance" is a legacy delegate',
      at: container.get('name', true) as Node,
    }
  }
  const why = legacyOf(image ? imageRef : undefined, envNames(container), delegateKind)
  if (why) return { reason: why.reason, at: why.by === 'image' ? image! : (container.get('env', true) as Node) }
  return undefined
}

/** Delegate 3.x before its first mTLS version: refused at its image, like a legacy delegate. */
function delegate3TooOld(base: ResourceBase, container: YAMLMap, version: string): LegacyDelegate {
  const imageRef = stringAt(container, 'image') ?? ''
  return {
    type: 'legacy',
    ...base,
    reason: `image "${imageRef}" is Delegate 3.x ${version}`,
    at: container.get('image', true) as Node,
    image: imageRef,
    code: 'DELEGATE3_VERSION',
    delegateKind: 'delegate3',
    advice: delegate3UpgradeAdvice,
  }
}

const TOP_LEVEL_KIND = /^kind:/gm
const SIMPLE_KIND = /^kind:[ \t]*(["']?)([A-Za-z][A-Za-z0-9]*)\1[ \t]*(?:#[^\n]*)?\r?$/m
const KINDS_THAT_MATTER = new Set([
  'Deployment',
  'StatefulSet',
  'CronJob',
  'ConfigMap',
  'Secret',
  // cert-manager's: its spec.secretName says the delegate's Secret holds tls.crt/tls.key.
  'Certificate',
  'HorizontalPodAutoscaler',
  'HelmRelease',
  'Application',
])

/**
 * Can this document's text be anything we change, refuse or lint? One top-level `kind:` written as a
 * plain or quoted word of another kind (Role, Namespace, Service …) cannot; anything else — no `kind`
 * (Helm values, compose, JSON, an indented root), a `kind` in another style, two of them — might, and
 * is parsed.
 */
export function mayMatter(text: string): boolean {
  if ((text.match(TOP_LEVEL_KIND)?.length ?? 0) !== 1) return true
  const m = SIMPLE_KIND.exec(text)
  return !m || KINDS_THAT_MATTER.has(m[2]!)
}

/** Recognises one document on its own (SPEC §2), so a delegate split over several files works. */
export function classify(doc: Doc, index: number): Resource {
  const root = doc.contents
  const kind = stringAt(root, 'kind') ?? ''
  const meta = isMap(root) ? root.get('metadata', true) : undefined
  const ref: ResourceRef = { document: index, kind }
  const name = stringAt(meta, 'name')
  const namespace = stringAt(meta, 'namespace')
  if (name !== undefined) ref.name = name
  if (namespace !== undefined) ref.namespace = namespace
  const base = { ref, doc }
  if (kind === '') {
    const shape = recogniseHelmValues(doc, index) ?? recogniseCompose(doc, index)
    if (shape) return shape
  }
  if (kind === 'HelmRelease' || kind === 'Application') {
    const values = recogniseGitOpsValues(doc, ref)
    if (values) return values
  }

  const podPath = POD_PATH[kind]
  if (podPath && kind !== 'CronJob') {
    const containers = lookup(root, [...podPath, 'containers'])
    if (!isSeq(containers)) return { type: 'other', ...base }
    // Kubernetes resolves `- *c`: a delegate container written as an alias is a delegate (whose planning refuses it).
    const resolved = containers.items.some(isAlias) ? (containers.clone() as YAMLSeq) : containers
    if (resolved !== containers) resolved.items = containers.items.map((c) => (isAlias(c) ? c.resolve(doc) : c))
    const container = findDelegateContainer(resolved)
    if (container < 0) return { type: 'other', ...base }
    const node = resolved.items[container] as YAMLMap
    const verdict = delegateKindOf(containerSigns(node))
    const legacy = legacyReason(kind, node, verdict.kind)
    const image = stringAt(node, 'image')
    if (legacy) return { type: 'legacy', ...base, ...legacy, ...(image === undefined ? {} : { image }) }
    if (kind !== 'Deployment') return { type: 'other', ...base }
    if (verdict.tooOld !== undefined) return delegate3TooOld(base, node, verdict.tooOld)
    const res: DelegateWorkload = { type: 'delegate', ...base, podPath, container, delegateKind: verdict.kind }
    if (verdict.disagreement) res.kindDisagreement = verdict.disagreement
    return res
  }
  if (kind === 'CronJob' && podPath) {
    const containers = lookup(root, [...podPath, 'containers'])
    if (!isSeq(containers)) return { type: 'other', ...base }
    let container = findItem(containers, 'name', 'upgrader')?.index ?? -1
    if (container < 0) container = containers.items.findIndex((c) => isUpgraderImage(stringAt(c, 'image') ?? ''))
    if (container < 0) {
      const volumes = lookup(root, [...podPath, 'volumes'])
      const mountsUpgraderConfig =
        isSeq(volumes) &&
        volumes.items.some((v) => (stringAt(lookup(v, ['configMap']), 'name') ?? '').endsWith('-upgrader-config'))
      if (mountsUpgraderConfig && containers.items.length === 1) container = 0
    }
    return container < 0 ? { type: 'other', ...base } : { type: 'upgrader-cronjob', ...base, podPath, container }
  }
  if (kind === 'ConfigMap') {
    const config = lookup(root, ['data', 'config.yaml'])
    if (isScalar(config) && typeof config.value === 'string' && isUpgraderConfigText(config.value)) {
      return { type: 'upgrader-config', ...base, config }
    }
    if (isMap(config) && (config.has('mode') || config.has('delegateConfig')))
      return { type: 'upgrader-config-invalid', ...base, at: config }
  }
  return { type: 'other', ...base }
}
