/**
 * `delegate-mtls audit`: is every delegate of a fleet ready for an account switched to STRICT mTLS?
 *
 * The audit reuses the planner instead of re-stating the rules: a delegate is `complete` exactly when
 * planning it with its own current endpoint (and its own Secret name and mount path) yields no change.
 * All audited files are parsed as one stream, so a delegate split over several files (Deployment here,
 * upgrader or ConfigMap there) is judged whole.
 */
import { isScalar, isSeq } from 'yaml'
import type { Diagnostic } from '../errors.js'
import { normalizeEndpoint } from '../mtls/endpoint.js'
import { checkMountPath } from '../mtls/mount-path.js'
import { planStream } from '../mtls/plan.js'
import { configDelegateName } from '../mtls/plan-upgrader.js'
import type { Change, Edit, MtlsOptions } from '../mtls/types.js'
import { classify, type Resource } from '../resources/classify.js'
import { CHART_DEFAULT_NAME, helmImage } from '../resources/helm-values.js'
import { composeDelegateName, type ComposeService } from '../resources/compose.js'
import { classifyTag, parseImage } from '../resources/image.js'
import { upgraderConfigFacts } from '../resources/upgrader-config.js'
import {
  DEFAULT_MOUNT_PATH,
  DEFAULT_SECRET_NAME,
  DELEGATE3_MIN_VERSION,
  MANAGER_ENV,
  type DelegateKind,
} from '../resources/wanted-state.js'
import { lookup, stringAt } from '../yaml/lookup.js'
import { parseStream, type Doc } from '../yaml/parse.js'
import { expandLists } from '../pipeline/lists.js'
import { namespacedKey, sameNamespace } from '../resources/namespace.js'
import { readSource } from '../yaml/source.js'
import { EXPIRY_WARNING_DAYS } from '../resources/certificate-info.js'
import { composeFacts, delegateEndpoint, dirname, podAndContainer, podFacts, secretCertificate } from './facts.js'

export interface AuditInput {
  /** The path as the user named it. */
  path: string
  text: string
}

export interface AuditOptions {
  /** The endpoint every delegate must use; without it each delegate is judged against its own. */
  endpoint?: string
  /** The Secret every delegate must mount (may hold `{delegate}`); without it, the one it mounts. */
  secretName?: string
  /** The certificate mount path; without it, the one each delegate uses (default /etc/mtls). */
  mountPath?: string
  /** Require GRPC_AUTHORITY_MODIFICATION_DISABLED="true" (default true, as the migration sets it). */
  grpcAuthority?: boolean
  /** The moment certificate expiry is judged at; defaults to the current time. */
  now?: Date
}

export type MtlsState = 'complete' | 'partial' | 'none' | 'legacy'
/**
 * `chart`: Helm configures the upgrader from the same values; `unsupported`: the Docker upgrader has no mTLS settings.
 */
export type UpgraderState = 'agrees' | 'disagrees' | 'absent' | 'chart' | 'unsupported'

/** One delegate of the fleet. */
export interface AuditRow {
  file: string
  /** 0-based document of the file. */
  document: number
  /** When that document is a List (`kubectl get -o yaml|json`): the 0-based index of the delegate in its `items`. */
  item?: number
  kind: string
  /** Which delegate it runs: the classic (immutable) delegate or Delegate 3.x; each has its own env vars. */
  delegateKind: DelegateKind
  name: string | null
  namespace: string | null
  /** docker-compose: the service's key. */
  service: string | null
  image: string | null
  imageTag: string | null
  /** `yy.mm.xxxxx` tag: true; `latest`: false; a placeholder, digest or chart default: null. */
  immutable: boolean | null
  state: MtlsState
  /** For partial and none: what the migration would still change that mTLS needs; for legacy: why. */
  missing: string[]
  /** Changes the migration would still make that mTLS does not need (the key's file mode). */
  hardening: string[]
  /** The current MANAGER_HOST_AND_PORT (or Helm managerEndpoint), when it can be read. */
  endpoint: string | null
  endpointHost: string | null
  /** Kubernetes and Helm: the client certificate Secret; compose: the host path of the certificate. */
  secret: string | null
  upgrader: { state: UpgraderState; problems: string[] }
  /** The client certificate in its Secret, when the Secret's data is among the audited files. */
  certificate: { from: string; notAfter: string } | null
  /** Remarks that do not stop it today (a certificate that expires within 30 days). */
  warnings: string[]
  /** Would this delegate (and its upgrader) keep working once the account is STRICT? */
  ready: boolean
}

export interface AuditReport {
  version: 1
  ready: boolean
  summary: {
    files: number
    delegates: number
    complete: number
    partial: number
    none: number
    legacy: number
    upgradersDisagreeing: number
  }
  delegates: AuditRow[]
  /** Files that could not be read or parsed: the audit is incomplete (exit 2). */
  errors: Diagnostic[]
  /** `audit --probe`: one real mTLS request per distinct endpoint; any but `accepted` makes the fleet not ready. */
  probes?: AuditProbe[]
}

/** What `delegate-mtls probe` said of one endpoint of the fleet. */
export interface AuditProbe {
  /** The endpoint's origin, https://host:port. */
  endpoint: string
  /** How many of the audited delegates point at it. */
  delegates: number
  verdict: 'accepted' | 'rejected' | 'error'
  /** Whether it refused a connection without a client certificate; null when not known. */
  enforcesMtls: boolean | null
  /** Why it was not accepted, in words; null when it was. */
  reason: string | null
}

/** A stream the planner can run on: one text and its documents, each mapped to its input file. */
interface Unit {
  src: string
  docs: Doc[]
  resources: Resource[]
  fileOf: (doc: number) => { file: number; document: number; item?: number }
  docOfLine: (line: number) => number
}

const PLACEHOLDER_ENDPOINT = 'https://endpoint.invalid'

/**
 * Harness SaaS serves mTLS on `<vanity>.harness.io:8443` and `<sub>.agent.harness.io`; any other
 * harness.io URL (app.harness.io …) is the non-mTLS endpoint. Other hosts (self-managed) cannot be told apart.
 */
export function looksLikeMtlsEndpoint(url: string): boolean {
  return mtlsEndpointKind(url) !== 'no'
}

/** `yes`: a Harness SaaS mTLS endpoint; `no`: a Harness SaaS non-mTLS one; `unknown`: any other host. */
export function mtlsEndpointKind(url: string): 'yes' | 'no' | 'unknown' {
  const u = new URL(url)
  if (!/(^|\.)harness\.io$/.test(u.hostname)) return 'unknown'
  return u.port === '8443' || /\.agent\./.test(`.${u.hostname}`) ? 'yes' : 'no'
}

export function audit(inputs: AuditInput[], options: AuditOptions = {}): AuditReport {
  if (options.mountPath !== undefined) options = { ...options, mountPath: checkMountPath(options.mountPath) }
  const errors: Diagnostic[] = []
  let texts = inputs.map((input, file) => ({ file, text: readSource(input.text).text }))
  let units = texts.length === 0 ? [] : [buildUnit(texts)].filter((u): u is Unit => u !== undefined)
  if (texts.length > 0 && units.length === 0) {
    // Something does not parse: find what, leave it out, audit the rest.
    texts = texts.filter(({ file, text }) => {
      const parsed = parseStream(text, inputs[file]!.path)
      errors.push(...parsed.errors)
      return parsed.errors.length === 0
    })
    units = makeUnits(texts)
  }
  const fixed = options.endpoint === undefined ? undefined : normalizeEndpoint(options.endpoint)
  const rows: AuditRow[] = []
  for (const unit of units) rows.push(...auditUnit(unit, inputs, options, fixed))
  const order = new Map(inputs.map((input, i) => [input.path, i]))
  rows.sort(
    (a, b) => order.get(a.file)! - order.get(b.file)! || a.document - b.document || (a.item ?? 0) - (b.item ?? 0),
  )
  const count = (s: MtlsState) => rows.filter((r) => r.state === s).length
  const summary = {
    files: inputs.length,
    delegates: rows.length,
    complete: count('complete'),
    partial: count('partial'),
    none: count('none'),
    legacy: count('legacy'),
    upgradersDisagreeing: rows.filter((r) => r.upgrader.state === 'disagrees').length,
  }
  return { version: 1, ready: errors.length === 0 && rows.every((r) => r.ready), summary, delegates: rows, errors }
}

/** All files as one stream, so cross-file references resolve; undefined when it does not parse. */
function buildUnit(parts: { file: number; text: string }[]): Unit | undefined {
  let src = ''
  const starts: { file: number; start: number; origin?: (offset: number) => { doc: number; item?: number } }[] = []
  parts.forEach((p, i) => {
    // A List's items are audited as the resources they are (src/pipeline/lists.ts).
    const lists = expandLists(p.text)
    const text = lists ? lists.text : p.text
    starts.push({ file: p.file, start: src.length, ...(lists ? { origin: lists.origin } : {}) })
    src += text.endsWith('\n') || text === '' ? text : text + '\n'
    if (i < parts.length - 1) src += '---\n'
  })
  const { docs, errors } = parseStream(src, 'audit')
  if (errors.length > 0) return undefined
  const kept = docs.filter((d) => d.contents !== null)
  const partOfOffset = (offset: number) => [...starts].reverse().find((s) => s.start <= offset)!
  const perFile = new Map<number, { next: number; last?: number }>()
  const located = kept.map((d) => {
    const offset = (d.contents as { range?: [number, number, number] }).range?.[0] ?? d.range[0]
    const part = partOfOffset(offset)
    const file = part.file
    const seen = perFile.get(file) ?? { next: 0 }
    perFile.set(file, seen)
    const from = part.origin?.(offset - part.start)
    // The items of one List share its document index.
    if (from?.item !== undefined && from.item > 0 && seen.last === from.doc)
      return { file, document: seen.next - 1, item: from.item }
    seen.last = from?.doc
    const document = seen.next++
    return from?.item === undefined ? { file, document } : { file, document, item: from.item }
  })
  const lineStarts = [0]
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const docOfLine = (line: number) => {
    const offset = lineStarts[line - 1] ?? src.length
    return kept.findIndex((d) => d.range[0] <= offset && offset <= d.range[2])
  }
  return { src, docs: kept, resources: kept.map((d, i) => classify(d, i)), fileOf: (i) => located[i]!, docOfLine }
}

/** One stream for all files when they parse together (they can fail to: directives mid-stream), else one per file. */
function makeUnits(texts: { file: number; text: string }[]): Unit[] {
  if (texts.length === 0) return []
  const all = buildUnit(texts)
  if (all) return [all]
  return texts.map((t) => buildUnit([t])).filter((u): u is Unit => u !== undefined)
}

/** Plans a subset of a unit's documents; edits and diagnostics come back keyed by unit document index. */
function planSubset(
  unit: Unit,
  indexes: number[],
  options: MtlsOptions,
): { edits: (Edit & { doc: number })[]; diagnostics: (Diagnostic & { doc: number })[] } {
  const plan = planStream(
    unit.src,
    '\n',
    'audit',
    indexes.map((i) => unit.docs[i]!),
    options,
  )
  return {
    edits: plan.edits.map((e) => ({ ...e, doc: indexes[e.change.resource.document]! })),
    diagnostics: plan.diagnostics.map((d) => ({ ...d, doc: d.line === undefined ? -1 : unit.docOfLine(d.line) })),
  }
}

const mtlsOptions = (endpoint: string, secretName: string, mountPath: string, grpcAuthority: boolean): MtlsOptions => ({
  endpoint,
  secretName,
  // Explicit: an upgrader mounting another Secret than its delegate is a disagreement, not a choice to keep.
  secretNameExplicit: true,
  mountPath,
  tiService: false,
  grpcAuthority,
})

/** The endpoint to plan with, and what is wrong with the delegate's own (read from env var `name`). */
function endpointFor(
  value: string | undefined,
  fixed: string | undefined,
  unresolvedFrom?: string,
  name: string = MANAGER_ENV,
): { plan: string; known: boolean; problem?: string } {
  if (fixed !== undefined) {
    if (value === undefined)
      return {
        plan: fixed,
        known: true,
        problem: unresolvedFrom ? `${name} comes from ${unresolvedFrom}` : `${name} is not set`,
      }
    return { plan: fixed, known: true }
  }
  if (value === undefined)
    return {
      plan: PLACEHOLDER_ENDPOINT,
      known: false,
      problem: unresolvedFrom ? `${name} comes from ${unresolvedFrom}: cannot tell its endpoint` : `${name} is not set`,
    }
  let normal: string
  try {
    normal = normalizeEndpoint(value)
  } catch {
    return {
      plan: PLACEHOLDER_ENDPOINT,
      known: false,
      problem: `endpoint ${value} is not an mTLS endpoint (https://host[:port], no path)`,
    }
  }
  if (!looksLikeMtlsEndpoint(normal))
    return {
      plan: normal,
      known: true,
      problem:
        `endpoint ${value} is Harness's non-mTLS endpoint (mTLS: ` +
        `https://<vanity>.harness.io:8443 or https://<sub>.agent.harness.io)`,
    }
  return { plan: normal, known: true }
}

const hostOf = (value: string | undefined): string | null => {
  if (value === undefined) return null
  try {
    return new URL(value).host || null
  } catch {
    return null
  }
}

/** A short, readable name for a change the migration would still make. */
export function describeChange(c: Change): string {
  const after = c.after as { name?: unknown } | string | undefined
  const list = c.path
    .replace(/\[[^\]]*\]$/, '')
    .split('.')
    .pop()!
    .replace(/\[.*$/, '')
  if (c.op === 'append') {
    const item = c.after as { key?: unknown; path?: unknown } | undefined
    if (item && typeof item === 'object' && typeof item.key === 'string' && typeof item.path === 'string')
      return `volume item ${item.key} → ${item.path} (${c.path.replace(/^.*volumes\[name=([^\]]+)\].*$/, 'volume $1')})`
    if (typeof after === 'string') return list === 'environment' ? `env ${after.split('=')[0]}` : `mount ${after}`
    if (after && typeof after === 'object' && typeof after.name === 'string') {
      const label =
        (
          { env: 'env', volumeMounts: 'volumeMount', volumes: 'volume', custom_envs: 'custom_envs' } as Record<
            string,
            string
          >
        )[list] ?? list
      return `${label} ${after.name}`
    }
  }
  const short = c.path
    .replace(/^data\."config\.yaml"\./, 'config.yaml ')
    .replace(/^spec\.(values|(source|sources\[\d+\])\.helm\.(valuesObject|values))\./, '')
    .replace(/^spec\.(jobTemplate\.spec\.)?template\.spec\./, '')
    .replace(/^containers\[name=[^\]]+\]\./, '')
    .replace(/^services\.[^.]+\./, '')
    .replace(/\[name=([^\]]+)\]/g, ' $1')
    .replace(/^environment[ .]/, 'env ')
  const prefix =
    c.resource.kind === 'ConfigMap' && !short.startsWith('config.yaml ') ? `ConfigMap ${c.resource.name ?? ''}: ` : ''
  const value =
    c.op === 'remove'
      ? ' (remove)'
      : typeof c.after === 'object' || c.after === undefined
        ? ''
        : ` → ${String(c.after)}`
  return `${prefix}${short}${value}`
}

function rowBase(
  unit: Unit,
  inputs: AuditInput[],
  res: Resource,
  delegateKind: DelegateKind = 'classic',
): Pick<AuditRow, 'file' | 'document' | 'item' | 'kind' | 'delegateKind' | 'name' | 'namespace' | 'service'> {
  const where = unit.fileOf(res.ref.document)
  return {
    file: inputs[where.file]!.path,
    document: where.document,
    ...(where.item === undefined ? {} : { item: where.item }),
    kind: res.ref.kind,
    delegateKind,
    name: res.ref.name ?? null,
    namespace: res.ref.namespace ?? null,
    service: null,
  }
}

function imageFields(ref: string | undefined): Pick<AuditRow, 'image' | 'imageTag' | 'immutable'> {
  if (ref === undefined) return { image: null, imageTag: null, immutable: null }
  const info = parseImage(ref)
  const kind = classifyTag(ref)
  return {
    image: ref,
    imageTag: info.tag ?? (info.digest ? `@${info.digest}` : null),
    immutable: kind === 'immutable' || kind === 'early-immutable' ? true : kind === 'legacy' ? false : null,
  }
}

/**
 * Delegate 3.x recognised by its env or probes, whose image shows no version: mTLS needs 1.40.2 or later, which
 * cannot be confirmed, so it is not ready. (A version tag before it is refused outright: a `legacy` row.)
 */
function delegate3VersionProblem(kind: DelegateKind, image: string | undefined): string | undefined {
  if (kind !== 'delegate3' || (image !== undefined && classifyTag(image) === 'delegate3')) return undefined
  const shown = image === undefined ? '(none)' : `"${image}"`
  return `cannot tell the Delegate 3.x version from image ${shown}: mTLS needs ${DELEGATE3_MIN_VERSION} or later`
}

function stateOf(known: boolean, found: { missing: string[]; hardening: string[] }, hasArtefacts: boolean): MtlsState {
  if (known && found.missing.length === 0 && found.hardening.length === 0) return 'complete'
  return hasArtefacts ? 'partial' : 'none'
}

/**
 * Which delegate each upgrader resource of a unit serves: its config's workloadName; a CronJob, the config it mounts.
 */
function upgraderOwners(unit: Unit): Map<number, string> {
  const owners = new Map<number, string>()
  const configs = new Map<string, string>()
  unit.resources.forEach((r, i) => {
    if (r.type !== 'upgrader-config') return
    const owner = configDelegateName(r.config.value as string, r.ref.name)
    owners.set(i, owner)
    configs.set(namespacedKey(r.ref.namespace, r.ref.name), owner)
  })
  unit.resources.forEach((r, i) => {
    if (r.type !== 'upgrader-cronjob') return
    let owner = (r.ref.name ?? '').replace(/-upgrader-job$/, '')
    const volumes = lookup(r.doc.contents, [...r.podPath, 'volumes'])
    if (isSeq(volumes)) {
      for (const v of volumes.items) {
        const cmName = stringAt(lookup(v, ['configMap']), 'name')
        const found = configs.get(namespacedKey(r.ref.namespace, cmName))
        if (found !== undefined) owner = found
      }
    }
    owners.set(i, owner)
  })
  return owners
}

/**
 * The upgrader resources of a delegate. The same delegate may be audited twice (a base and an overlay, a
 * file and its migrated copy): when its own file has an upgrader, that one is its upgrader.
 */
function upgraderDocs(
  unit: Unit,
  owners: Map<number, string>,
  name: string,
  namespace: string | undefined,
  delegateDoc: number,
): number[] {
  const all: number[] = []
  for (const [i, owner] of owners) {
    const r = unit.resources[i]!
    if (owner === name && sameNamespace(r.ref.namespace, namespace)) all.push(i)
  }
  const file = unit.fileOf(delegateDoc).file
  const sameFile = all.filter((i) => unit.fileOf(i).file === file)
  return (sameFile.length > 0 ? sameFile : all).sort((x, y) => x - y)
}

function auditUnit(unit: Unit, inputs: AuditInput[], options: AuditOptions, fixed: string | undefined): AuditRow[] {
  const rows: AuditRow[] = []
  const grpc = options.grpcAuthority ?? true
  const configMaps = unit.resources.flatMap((r, i) => (r.ref.kind === 'ConfigMap' && r.type === 'other' ? [i] : []))
  // A kubernetes.io/tls Secret, or cert-manager's Certificate for it, decides how the volume must map its files.
  const tlsSources = unit.resources.flatMap((r, i) =>
    r.ref.kind === 'Secret' || r.ref.kind === 'Certificate' ? [i] : [],
  )
  const owners = upgraderOwners(unit)
  unit.resources.forEach((res, index) => {
    const kind = res.type === 'delegate' ? res.delegateKind : res.type === 'legacy' ? res.delegateKind : undefined
    const base = rowBase(unit, inputs, res, kind)
    if (res.type === 'legacy') {
      rows.push({
        ...base,
        ...imageFields(res.image),
        state: 'legacy',
        missing: [`${res.reason}: ${res.advice ?? 'cannot do mTLS, upgrade to an immutable delegate first'}`],
        hardening: [],
        endpoint: null,
        endpointHost: null,
        secret: null,
        upgrader: { state: 'absent', problems: [] },
        certificate: null,
        warnings: [],
        ready: false,
      })
      return
    }
    if (res.type === 'delegate') {
      const { pod, container } = podAndContainer(res)
      const name = res.ref.name ?? 'delegate'
      const ep = delegateEndpoint(unit.resources, container, res.ref.namespace, res.delegateKind)
      const facts = podFacts(pod, container, res.delegateKind)
      const mountPath =
        options.mountPath ?? facts.mountPath ?? (facts.certEnv ? dirname(facts.certEnv) : DEFAULT_MOUNT_PATH)
      const secret = options.secretName?.replaceAll('{delegate}', name) ?? facts.secretName ?? DEFAULT_SECRET_NAME
      const target = endpointFor(ep.value, fixed, ep.unresolved ? ep.from : undefined, ep.name)
      // Delegate 3.x has no upgrader: none is looked for (the planner leaves one that names it alone, warning).
      const upgraders =
        res.delegateKind === 'delegate3' ? [] : upgraderDocs(unit, owners, name, res.ref.namespace, index)
      const planned = planSubset(
        unit,
        [index, ...configMaps, ...upgraders, ...tlsSources],
        mtlsOptions(target.plan, secret, mountPath, grpc),
      )
      const mine = (doc: number) => doc === index || configMaps.includes(doc)
      const found = findings(planned, mine, target.known)
      if (target.problem) found.missing.unshift(target.problem)
      const version = delegate3VersionProblem(res.delegateKind, stringAt(container, 'image'))
      if (version) found.missing.push(version)
      const theirs = findings(
        planned,
        (doc) => upgraders.includes(doc),
        target.known,
        (doc) => `${unit.resources[doc]!.ref.kind} ${unit.resources[doc]!.ref.name ?? ''}: `,
      )
      if (!target.known && ep.value !== undefined)
        theirs.missing.push(...upgraderHostMismatch(unit, upgraders, ep.value))
      found.hardening.push(...theirs.hardening.map((h) => `upgrader: ${h}`))
      const artefacts =
        facts.any ||
        (ep.value !== undefined && target.known && fixed === undefined && mtlsEndpointKind(target.plan) === 'yes')
      const state = stateOf(target.known, found, artefacts)
      const upgrader = {
        state: upgraders.length === 0 ? 'absent' : theirs.missing.length === 0 ? 'agrees' : 'disagrees',
        problems: theirs.missing,
      } as AuditRow['upgrader']
      const cert = certificateRow(unit.resources, secret, res.ref.namespace, options.now, found.missing)
      rows.push({
        ...base,
        ...imageFields(stringAt(container, 'image')),
        state,
        missing: found.missing,
        hardening: found.hardening,
        endpoint: ep.value ?? null,
        endpointHost: hostOf(ep.value),
        secret: facts.secretName ?? null,
        upgrader,
        ...cert,
        ready: target.known && found.missing.length === 0 && upgrader.state !== 'disagrees',
      })
      return
    }
    if (res.type === 'helm-values') {
      const root = res.root
      const name = stringAt(root, 'delegateName') ?? CHART_DEFAULT_NAME
      const endpointNode = root?.get('managerEndpoint', true)
      // No values at all (a HelmRelease whose values all come from valuesFrom): the endpoint is not known here.
      const endpoint = !root
        ? undefined
        : isScalar(endpointNode) && endpointNode.value !== null
          ? String(endpointNode.value)
          : 'https://app.harness.io'
      const current = stringAt(lookup(root, ['mTLS']), 'secretName') || undefined
      const secret = options.secretName?.replaceAll('{delegate}', name) ?? current ?? DEFAULT_SECRET_NAME
      const target = endpointFor(endpoint, fixed, root ? undefined : 'values outside the input')
      const planned = planSubset(unit, [index], mtlsOptions(target.plan, secret, DEFAULT_MOUNT_PATH, grpc))
      const found = findings(planned, (doc) => doc === index, target.known)
      if (target.problem) found.missing.unshift(target.problem)
      const state = stateOf(target.known, found, current !== undefined)
      const enabled = lookup(root, ['upgrader', 'enabled'])
      const upgrader = {
        state: isScalar(enabled) && enabled.value === false ? 'absent' : 'chart',
        problems: [],
      } as AuditRow['upgrader']
      const cert = certificateRow(unit.resources, secret, undefined, options.now, found.missing)
      rows.push({
        ...base,
        name,
        ...imageFields(helmImage(root)?.ref),
        state,
        missing: found.missing,
        hardening: found.hardening,
        endpoint: endpoint ?? null,
        endpointHost: hostOf(endpoint),
        secret: current ?? null,
        upgrader,
        ...cert,
        ready: target.known && found.missing.length === 0,
      })
      return
    }
    if (res.type === 'compose') {
      for (const service of res.delegates)
        rows.push(composeRow(unit, inputs, res, index, service, options, fixed, grpc))
    }
  })
  return rows
}

function composeRow(
  unit: Unit,
  inputs: AuditInput[],
  res: Resource & { type: 'compose'; upgraders: ComposeService[] },
  index: number,
  s: ComposeService,
  options: AuditOptions,
  fixed: string | undefined,
  grpc: boolean,
): AuditRow {
  const facts = composeFacts(s)
  const mountPath = options.mountPath ?? facts.mountDir ?? (facts.certEnv ? dirname(facts.certEnv) : DEFAULT_MOUNT_PATH)
  const target = endpointFor(
    facts.passthrough ? undefined : facts.endpoint,
    fixed,
    facts.passthrough ? 'the host environment, .env or an env_file' : undefined,
    facts.endpointName,
  )
  const planned = planSubset(unit, [index], mtlsOptions(target.plan, DEFAULT_SECRET_NAME, mountPath, grpc))
  const prefix = `services.${s.service}.`
  const mine = {
    edits: planned.edits.filter((e) => e.change.path.startsWith(prefix)),
    diagnostics: planned.diagnostics.filter((d) => d.subject === `service ${s.service}`),
  }
  const found = findings(mine, (doc) => doc === index, target.known)
  if (target.problem) found.missing.unshift(target.problem)
  const version = delegate3VersionProblem(s.delegateKind ?? 'classic', stringAt(s.node, 'image'))
  if (version) found.missing.push(version)
  const state = stateOf(target.known, found, facts.any)
  const upgrader =
    res.upgraders.length > 0
      ? {
          state: 'unsupported' as const,
          problems: res.upgraders.map((u) => `service ${u.service}: the Docker upgrader has no mTLS settings`),
        }
      : { state: 'absent' as const, problems: [] }
  return {
    ...rowBase(unit, inputs, res, s.delegateKind),
    name: composeDelegateName(s),
    service: s.service,
    ...imageFields(stringAt(s.node, 'image')),
    state,
    missing: found.missing,
    hardening: found.hardening,
    endpoint: facts.endpoint ?? null,
    endpointHost: hostOf(facts.endpoint),
    secret: facts.certSource ?? null,
    upgrader,
    certificate: null,
    warnings: [],
    ready: target.known && found.missing.length === 0,
  }
}

/**
 * What planning found for the documents `mine` accepts: changes still to make and values it could not
 * change (`missing`), apart from the file mode of the key, which mTLS works without (`hardening`).
 */
function findings(
  planned: { edits: (Edit & { doc: number })[]; diagnostics: (Diagnostic & { doc: number })[] },
  mine: (doc: number) => boolean,
  endpointKnown: boolean,
  label: (doc: number) => string = () => '',
): { missing: string[]; hardening: string[] } {
  const missing: string[] = []
  const hardening: string[] = []
  for (const e of planned.edits) {
    if (!mine(e.doc)) continue
    const c = e.change
    if (!endpointKnown && c.role === 'endpoint') continue
    ;(c.role === 'file-mode' ? hardening : missing).push(label(e.doc) + describeChange(c))
  }
  for (const d of planned.diagnostics) {
    if (!mine(d.doc)) continue
    // A pod the API server refuses (INVALID_POD, a warning for the migration) never runs the delegate.
    if (d.severity === 'error' || d.code === 'INVALID_POD') missing.push(label(d.doc) + d.message)
    else if (d.code === 'NOT_CHANGED' && (endpointKnown || d.role !== 'endpoint'))
      missing.push(label(d.doc) + d.message)
  }
  return { missing: [...new Set(missing)], hardening: [...new Set(hardening)] }
}

const DAY_MS = 24 * 60 * 60 * 1000
const isoDate = (d: Date) => d.toISOString().replace(/\.000Z$/, 'Z')

/**
 * The expiry of the certificate in the delegate's Secret, when its data is in the input. An expired one would not
 * connect: it goes into `missing` (the delegate is not ready); one that ends within 30 days is a warning.
 */
function certificateRow(
  resources: Resource[],
  secret: string,
  namespace: string | undefined,
  now: Date = new Date(),
  missing: string[],
): Pick<AuditRow, 'certificate' | 'warnings'> {
  const cert = secretCertificate(resources, secret, namespace)
  if (!cert) return { certificate: null, warnings: [] }
  const left = cert.notAfter.getTime() - now.getTime()
  const warnings: string[] = []
  if (left < 0) missing.push(`the client certificate (${cert.from}) expired on ${isoDate(cert.notAfter)}`)
  else if (left < EXPIRY_WARNING_DAYS * DAY_MS) {
    const days = Math.ceil(left / DAY_MS)
    warnings.push(
      `the client certificate (${cert.from}) expires on ${isoDate(cert.notAfter)}, in ${days} ` +
        `day${days === 1 ? '' : 's'}: renew it before then`,
    )
  }
  return { certificate: { from: cert.from, notAfter: isoDate(cert.notAfter) }, warnings }
}

/** Without a usable delegate endpoint, the upgrader must at least point where the delegate points. */
function upgraderHostMismatch(unit: Unit, upgraders: number[], endpoint: string): string[] {
  const out: string[] = []
  for (const i of upgraders) {
    const r = unit.resources[i]!
    if (r.type !== 'upgrader-config') continue
    const host = upgraderConfigFacts(r.config.value as string).managerHost
    if (host !== undefined && host !== endpoint)
      out.push(`ConfigMap ${r.ref.name ?? ''}: managerHost is ${host}, the delegate uses ${endpoint}`)
  }
  return out
}
