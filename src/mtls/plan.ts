import { isAlias, isMap, isSeq, type Node, type YAMLMap } from 'yaml'
import type { Diagnostic } from '../errors.js'
import {
  classify,
  type DelegateWorkload,
  type Resource,
  type UpgraderConfig,
  type UpgraderCronJob,
} from '../resources/classify.js'
import { managedEnvFor } from '../resources/wanted-state.js'
import { validate, type SchemaName } from '../validate/index.js'
import { lookup, type PathSeg } from '../yaml/lookup.js'
import { toPlain, type Doc } from '../yaml/parse.js'
import { renderPlaced, report } from './context.js'
import { lint } from './lint.js'
import { planDelegate } from './plan-delegate.js'
import { planSecrets } from './plan-secret.js'
import { configDelegateName, cronJobDelegateName, planUpgraderConfig, planUpgraderCronJob } from './plan-upgrader.js'
import { requireDelegatesNamed } from './scope.js'
import { refuseEditsInShared, refuseMergedFields } from './shared-nodes.js'
import { planHelmValues } from './plan-helm-values.js'
import { planCompose } from './plan-compose.js'
import type { PlanScope } from './scope.js'
import { sameNamespace } from '../resources/namespace.js'
import type { Edit, MtlsOptions, PlanContext } from './types.js'

export interface StreamPlan {
  resources: Resource[]
  edits: Edit[]
  diagnostics: Diagnostic[]
  /** The decoded value of each document that was decoded (by index), for the guard to reuse. */
  decoded?: Map<number, unknown>
}

/** Validates the part of a resource we rely on; problems are errors at the offending node. */
function validateAt(
  ctx: PlanContext,
  schema: SchemaName,
  base: unknown,
  basePath: PathSeg[],
  data: unknown,
  what: string,
): boolean {
  const problems = validate(schema, data)
  for (const p of problems) {
    let node: unknown
    for (let i = p.path.length; i >= 0 && !node; i--) node = lookup(base, p.path.slice(0, i))
    const path = [...basePath, ...p.path].join('.')
    report(ctx, 'error', 'SCHEMA', `${what}: ${path} ${p.message}`, (node as Node | undefined) ?? (base as Node))
  }
  return problems.length === 0
}

/** The pod's container at `index`, as written (a mapping, or an alias to one). */
const containerAt = (pod: unknown, index: number): unknown =>
  isMap(pod) ? (pod.get('containers', true) as { items?: unknown[] } | undefined)?.items?.[index] : undefined

/**
 * Edits are splices on the text, so a value we must change cannot be an alias (`env: *shared`,
 * `value: *host`): changing its anchor would change every other use of it too. Refused (error at the
 * alias) rather than half-done; returns whether it refused.
 */
function refuseAliases(
  ctx: PlanContext,
  pod: unknown,
  containerIndex: number,
  label: string,
  managed: ReadonlySet<string>,
): boolean {
  const found: Node[] = []
  const container = containerAt(pod, containerIndex)
  const check = (n: unknown) => isAlias(n) && found.push(n)
  if (isMap(pod)) check(pod.get('volumes', true))
  // The delegate container itself written as `- *c`.
  check(container)
  if (isMap(container)) {
    for (const key of ['env', 'volumeMounts']) check(container.get(key, true))
    const env = container.get('env', true)
    if (isSeq(env)) {
      for (const item of env.items) {
        check(item)
        if (isMap(item) && managed.has(String(item.get('name')))) check(item.get('value', true))
      }
    }
  }
  for (const a of found) {
    report(
      ctx,
      'error',
      'UNSUPPORTED',
      `${label}: *${(a as unknown as { source: string }).source} is an alias, and delegate-mtls ` +
        `must change what it points to; changing the anchor would change its other uses too: write ` +
        `the value out in full here`,
      a,
    )
  }
  return found.length > 0
}

/** The pod's volumes and the container's env and mounts, which planning may add to, must not come from `<<`. */
function refuseMerges(ctx: PlanContext, doc: Doc, pod: unknown, containerIndex: number, label: string): boolean {
  const container = containerAt(pod, containerIndex)
  const inPod = refuseMergedFields(ctx, doc, pod, ['volumes'], label)
  return refuseMergedFields(ctx, doc, container, ['env', 'volumeMounts'], label) || inPod
}

/**
 * A managed env var listed twice: Kubernetes uses the last one, delegate-mtls would set the first, and
 * the delegate would silently keep the old value. Refused at the second entry; returns whether it refused.
 */
function refuseDuplicateEnv(
  ctx: PlanContext,
  pod: unknown,
  containerIndex: number,
  label: string,
  managed: ReadonlySet<string>,
): boolean {
  const container = containerAt(pod, containerIndex)
  const env = isMap(container) ? container.get('env', true) : undefined
  if (!isSeq(env)) return false
  const seen = new Set<string>()
  let refused = false
  for (const item of env.items) {
    const name = isMap(item) ? item.get('name') : undefined
    if (typeof name !== 'string' || !managed.has(name)) continue
    if (seen.has(name)) {
      report(
        ctx,
        'error',
        'CONFLICT',
        `${label}: env ${name} is listed twice; Kubernetes uses the last one, so changing one would ` +
          `leave the other in force: remove the duplicate`,
        item as Node,
      )
      refused = true
    }
    seen.add(name)
  }
  return refused
}

/**
 * Delegate 3.x has no upgrader: an upgrader ConfigMap or CronJob that names one (it would install a classic
 * delegate image over it) is left as it is, with a warning, rather than given the classic upgrader's mTLS
 * settings. Returns whether it was.
 */
function skipDelegate3Upgrader(ctx: PlanContext, res: UpgraderConfig | UpgraderCronJob): boolean {
  const name =
    res.type === 'upgrader-config'
      ? configDelegateName(res.config.value as string, res.ref.name)
      : cronJobDelegateName(ctx, lookup(res.doc.contents, res.podPath) as YAMLMap, res.ref).name
  requireDelegatesNamed(ctx, name, res.ref.namespace)
  const served = ctx.resources.some(
    (r) =>
      r.type === 'delegate' &&
      r.delegateKind === 'delegate3' &&
      (r.ref.name ?? 'delegate') === name &&
      sameNamespace(r.ref.namespace, res.ref.namespace),
  )
  if (served)
    report(
      ctx,
      'warning',
      'UNSUPPORTED',
      `${res.ref.kind} ${res.ref.name ?? ''}: an upgrader of ${name}, which is Delegate 3.x (it has ` +
        `no upgrader): left unchanged; remove it`,
      res.doc.contents as Node,
    )
  return served
}

/** Plans the whole stream (SPEC §2–6): recognise, validate, plan, lint. */
export function planStream(
  src: string,
  eol: string,
  file: string,
  docs: Doc[],
  options: MtlsOptions,
  starts?: number[],
): StreamPlan {
  const resources = docs.map((doc, i) => classify(doc, i))
  return planResources({ src, eol, file, options, ...(starts ? { starts } : {}) }, resources, {
    lint: resources.some((r) => r.type !== 'other'),
  })
}

/** How a set of resources is planned beyond the stream itself (src/mtls/plan-groups.ts plans a group at a time). */
export interface PlanHow {
  /** Run the lint (only when the stream holds anything of ours). */
  lint: boolean
  /** The group and the whole stream, when planning one group of a large stream. */
  scope?: PlanScope
  /** Documents already decoded (by index). */
  decoded?: Map<number, unknown>
  /**
   * Receives the step (phase × 2^32 + document) that made each edit and diagnostic: sorting on it gives
   * the order in which planning the whole stream at once records them.
   */
  tags?: Map<object, number>
}

/** A rule: what a resource of its type must become, recorded as steps and diagnostics on the context. */
export type Rule<R extends Resource = Resource> = (ctx: PlanContext, res: R) => void

/** The upgrader's rules, unless it serves a Delegate 3.x, which has no upgrader (see skipDelegate3Upgrader). */
const upgraderConfigRule: Rule<UpgraderConfig> = (ctx, res) => {
  if (!skipDelegate3Upgrader(ctx, res)) planUpgraderConfig(ctx, res)
}
const upgraderCronJobRule: Rule<UpgraderCronJob> = (ctx, res) => {
  if (!skipDelegate3Upgrader(ctx, res)) planUpgraderCronJob(ctx, res)
}

/**
 * The per-resource rules, composed in the order they run over the stream (kyaml's kio.Pipeline filters are the
 * model): every delegate first, so that an upgrader finds the Secret name and file mode its delegate settled on.
 */
export const RULES = [
  { type: 'delegate', rule: planDelegate as Rule },
  { type: 'upgrader-config', rule: upgraderConfigRule as Rule },
  { type: 'upgrader-cronjob', rule: upgraderCronJobRule as Rule },
  { type: 'helm-values', rule: planHelmValues as Rule },
  { type: 'compose', rule: planCompose as Rule },
] as const satisfies readonly { type: Resource['type']; rule: Rule }[]

/**
 * Runs one rule alone on one resource of a stream, and returns what it planned: its steps (rendered into
 * splices) and diagnostics. For tests of a rule with plain data; planning a stream runs every rule in order.
 */
export function runRule<R extends Resource>(
  rule: Rule<R>,
  base: Pick<PlanContext, 'src' | 'eol' | 'file' | 'options' | 'resources'>,
  res: R,
): { steps: Edit[]; diagnostics: Diagnostic[] } {
  const ctx: PlanContext = {
    ...base,
    edits: [],
    diagnostics: [],
    secretByDelegate: new Map(),
    modeByDelegate: new Map(),
  }
  rule(ctx, res)
  renderPlaced(ctx)
  return { steps: ctx.edits, diagnostics: ctx.diagnostics }
}

/** The planning steps, in the order they run over the stream. */
const PHASES = [
  'validate',
  'delegate',
  'upgrader-config',
  'upgrader-cronjob',
  'helm-values',
  'compose',
  'secret',
  'lint',
] as const
export const stepTag = (phase: (typeof PHASES)[number], document: number) => PHASES.indexOf(phase) * 2 ** 32 + document

/** Plans the given resources of a stream (all of them, or one group): validate, plan, lint. */
export function planResources(
  base: Pick<PlanContext, 'src' | 'eol' | 'file' | 'options' | 'starts'>,
  resources: Resource[],
  how: PlanHow,
): StreamPlan {
  const ctx: PlanContext = {
    ...base,
    resources,
    edits: [],
    diagnostics: [],
    secretByDelegate: new Map(),
    modeByDelegate: new Map(),
    ...(how.scope ? { scope: how.scope } : {}),
  }
  const plannable: Resource[] = []
  const decoded = new Map<number, unknown>()
  // Tags every edit and diagnostic with the step that recorded it.
  let step = 0
  let edits = 0
  let diagnostics = 0
  const mark = (phase: (typeof PHASES)[number], document: number) => {
    if (!how.tags) return
    for (; edits < ctx.edits.length; edits++) how.tags.set(ctx.edits[edits]!, step)
    for (; diagnostics < ctx.diagnostics.length; diagnostics++) how.tags.set(ctx.diagnostics[diagnostics]!, step)
    step = stepTag(phase, document)
  }
  for (const res of resources) {
    mark('validate', res.ref.document)
    const label = `${res.ref.kind} ${res.ref.name ?? ''}`.trim()
    // Only documents that matter are decoded (an alias bomb elsewhere passes through untouched, unexpanded).
    const known = how.decoded?.get(res.ref.document)
    const plain =
      res.type === 'other' ? { value: undefined } : known !== undefined ? { value: known } : toPlain(res.doc)
    if (!('error' in plain) && res.type !== 'other') decoded.set(res.ref.document, plain.value)
    if ('error' in plain) {
      report(
        ctx,
        'error',
        'YAML_SYNTAX',
        `${label}: cannot be decoded: ${plain.error}`,
        (res.doc.contents as Node | null) ?? 0,
      )
      continue
    }
    switch (res.type) {
      case 'legacy':
        report(
          ctx,
          'error',
          res.code ?? 'LEGACY_DELEGATE',
          `${label}: ${res.reason}; ${
            res.advice ??
            'Harness supports mTLS only on immutable ' +
              'delegates (image tag yy.mm.xxxxx): upgrade to an immutable delegate first'
          }`,
          res.at,
        )
        break
      case 'upgrader-config-invalid':
        report(
          ctx,
          'error',
          'CONFIG_YAML_NOT_STRING',
          `${label}: data."config.yaml" is a mapping, but ConfigMap data values must be strings ` +
            `(the API server rejects it); write it as a block string: config.yaml: |`,
          res.at,
        )
        break
      case 'delegate':
      case 'upgrader-cronjob': {
        const pod = lookup(res.doc.contents, res.podPath)
        const data = res.podPath.reduce<unknown>(
          (o, k) => (o as Record<string | number, unknown> | undefined)?.[k],
          plain.value,
        )
        const managed = managedEnvFor(res.type === 'delegate' ? res.delegateKind : 'classic')
        if (
          validateAt(ctx, 'podSpec', pod, res.podPath, data, label) &&
          !refuseAliases(ctx, pod, res.container, label, managed) &&
          !refuseMerges(ctx, res.doc, pod, res.container, label) &&
          !refuseDuplicateEnv(ctx, pod, res.container, label, managed)
        )
          plannable.push(res)
        break
      }
      case 'upgrader-config':
      case 'helm-values':
      case 'compose':
        plannable.push(res)
        break
    }
  }
  for (const { type, rule } of RULES) {
    for (const res of plannable) {
      if (res.type !== type) continue
      mark(type, res.ref.document)
      rule(ctx, res)
    }
  }
  planSecrets(
    ctx,
    plannable.filter((r): r is DelegateWorkload => r.type === 'delegate'),
    (res) => mark('secret', res.ref.document),
  )
  renderPlaced(ctx)
  refuseEditsInShared(ctx, plannable)
  if (how.lint) lint(ctx, (res) => mark('lint', res.ref.document))
  mark('lint', 0)
  return { resources, edits: ctx.edits, diagnostics: ctx.diagnostics, decoded }
}
