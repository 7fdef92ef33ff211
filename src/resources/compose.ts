import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml'
import { stringAt } from '../yaml/lookup.js'
import type { Doc } from '../yaml/parse.js'
import type { LegacyDelegate, ResourceRef } from './types.js'
import { isDelegateImage, isUpgraderImage } from './image.js'
import { DELEGATE_SIGNS, DELEGATE3_MANAGER_ENV, MANAGER_ENV, type DelegateKind } from './wanted-state.js'
import { delegate3UpgradeAdvice, delegateKindOf, legacyReason } from './delegate-kind.js'

/** One service of a compose file that runs a delegate or the Docker upgrader. */
export interface ComposeService {
  /** The service's key under `services`. */
  service: string
  node: YAMLMap
  /** A delegate service: classic or Delegate 3.x (its image tag, else its env; compose has no http probes). */
  delegateKind?: DelegateKind
  /** Its image tag and env disagree on the kind (the tag decided): a warning. */
  kindDisagreement?: string
}

/** A docker-compose file with at least one Harness delegate (or upgrader) service. */
export interface ComposeFile {
  type: 'compose'
  ref: ResourceRef
  doc: Doc
  delegates: ComposeService[]
  upgraders: ComposeService[]
}

/** `kind` in reports and changes. */
export const COMPOSE_KIND = 'DockerCompose'

/** One entry of a service's `environment`, in list form (`- KEY=value`) or map form (`KEY: value`). */
export interface ComposeEnvEntry {
  name: string
  /** The value; undefined when the variable is passed through from the host (`- KEY`, `KEY:`). */
  value: string | undefined
  /** List form: the item's index; map form: undefined. */
  index?: number
  /** The scalar that holds the value (list form: the whole `KEY=value` item). */
  node: Node
  /** Map form: the key scalar. */
  keyNode?: Node
}

/** The entries of a service's `environment`, in order. */
export function composeEnv(service: YAMLMap): { form: 'list' | 'map' | 'none'; entries: ComposeEnvEntry[] } {
  const env = service.get('environment', true)
  if (isSeq(env)) {
    const entries: ComposeEnvEntry[] = []
    env.items.forEach((item, index) => {
      if (!isScalar(item) || item.value === null || item.value === undefined) return
      const text = String(item.value)
      const eq = text.indexOf('=')
      entries.push({
        name: eq < 0 ? text : text.slice(0, eq),
        value: eq < 0 ? undefined : text.slice(eq + 1),
        index,
        node: item as Node,
      })
    })
    return { form: 'list', entries }
  }
  if (isMap(env)) {
    const entries: ComposeEnvEntry[] = []
    for (const pair of env.items) {
      if (!isScalar(pair.key)) continue
      const v = pair.value
      const value = isScalar(v) && v.value !== null && v.value !== undefined ? String(v.value) : undefined
      entries.push({ name: String(pair.key.value), value, node: (v ?? pair.key) as Node, keyNode: pair.key as Node })
    }
    return { form: 'map', entries }
  }
  return { form: 'none', entries: [] }
}

const envNames = (service: YAMLMap) => composeEnv(service).entries.map((e) => e.name)

/** The Docker upgrader: harness/upgrader in any registry, or the UPGRADER_WORKLOAD_NAME env. */
const isUpgraderService = (service: YAMLMap) =>
  isUpgraderImage(stringAt(service, 'image') ?? '') || envNames(service).includes('UPGRADER_WORKLOAD_NAME')

/** A delegate service: a Harness delegate image, or the delegate's env (MANAGER_HOST_AND_PORT with a name or token). */
function isDelegateService(service: YAMLMap): boolean {
  if (isUpgraderService(service)) return false
  if (isDelegateImage(stringAt(service, 'image') ?? '')) return true
  const names = envNames(service)
  return (
    (names.includes(MANAGER_ENV) &&
      names.some((n) => n === 'DELEGATE_NAME' || n === 'DELEGATE_TOKEN' || n === 'ACCOUNT_ID')) ||
    (names.includes(DELEGATE3_MANAGER_ENV) &&
      names.some((n) => n !== DELEGATE3_MANAGER_ENV && DELEGATE_SIGNS.delegate3.env.includes(n)))
  )
}

/** Recognises a compose file with Harness services; a legacy delegate service refuses the whole file (SPEC §2). */
export function recogniseCompose(doc: Doc, index: number): ComposeFile | LegacyDelegate | undefined {
  const root = doc.contents
  if (!isMap(root) || root.has('kind')) return undefined
  const services = root.get('services', true)
  if (!isMap(services)) return undefined
  const delegates: ComposeService[] = []
  const upgraders: ComposeService[] = []
  for (const pair of services.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue
    const entry = { service: String(pair.key.value), node: pair.value }
    if (isDelegateService(pair.value)) delegates.push(entry)
    else if (isUpgraderService(pair.value)) upgraders.push(entry)
  }
  if (delegates.length === 0 && upgraders.length === 0) return undefined
  const ref: ResourceRef = { document: index, kind: COMPOSE_KIND }
  const first = delegates[0]
  if (first) ref.name = composeDelegateName(first)
  for (const d of delegates) {
    const image = stringAt(d.node, 'image') ?? ''
    const verdict = delegateKindOf({ image, env: envNames(d.node), probePorts: [] })
    d.delegateKind = verdict.kind
    if (verdict.disagreement) d.kindDisagreement = `service ${d.service}: ${verdict.disagreement}`
    if (verdict.tooOld !== undefined) {
      return {
        type: 'legacy',
        ref,
        doc,
        reason: `service ${d.service}: image "${image}" is Delegate 3.x ${verdict.tooOld}`,
        at: d.node.get('image', true) as Node,
        image,
        code: 'DELEGATE3_VERSION',
        delegateKind: 'delegate3',
        advice: delegate3UpgradeAdvice,
      }
    }
    const why = legacyReason(image, envNames(d.node), verdict.kind)
    if (why) {
      return {
        type: 'legacy',
        ref,
        doc,
        reason: `service ${d.service}: ${why.reason}`,
        at: d.node.get(why.by === 'image' ? 'image' : 'environment', true) as Node,
        ...(why.by === 'image' ? { image } : {}),
      }
    }
  }
  return { type: 'compose', ref, doc, delegates, upgraders }
}

/** The delegate's name: its DELEGATE_NAME, else the service name. */
export function composeDelegateName(s: ComposeService): string {
  return composeEnv(s.node).entries.find((e) => e.name === 'DELEGATE_NAME')?.value || s.service
}
