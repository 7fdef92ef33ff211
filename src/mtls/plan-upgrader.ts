import { isMap, isScalar, isSeq, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml'
import type { UpgraderConfig, UpgraderCronJob } from '../resources/classify.js'
import { upgraderConfigFacts } from '../resources/upgrader-config.js'
import { fileOf, secretMode, UPGRADER_CERT_FIELDS, UPGRADER_HOST_KEY, VOLUME_NAME } from '../resources/wanted-state.js'
import { validate } from '../validate/index.js'
import { addPairs, setScalar, type EditContext } from '../yaml/edit.js'
import { scalar } from '../yaml/fragment.js'
import { indentUnit, layoutFor } from '../yaml/layout.js'
import { findItem, formatPath, lookup, pairOf, stringAt, type PathSeg } from '../yaml/lookup.js'
import { K8S_PARSE } from '../yaml/parse.js'
import { formatScalar } from '../yaml/scalar.js'
import { linePos } from '../yaml/source.js'
import { plan, report } from './context.js'
import { planInside } from './inside.js'
import { locateContainer, secretNameFor } from './plan-delegate.js'
import { checkPod, ensureMount, ensureVolume, runsAsNonRoot, type Located } from './plan-pod.js'
import { deploymentNames, findResource, requireDelegatesNamed } from './scope.js'
import type { Edit, FieldRole, PlanContext } from './types.js'
import { namespacedKey, sameNamespace } from '../resources/namespace.js'

const CONFIG_PTR: PathSeg[] = ['data', 'config.yaml']

/** The delegate an upgrader config serves: its `workloadName`, else the name before `-upgrader-config`. */
export function configDelegateName(text: string, resourceName: string | undefined): string {
  return upgraderConfigFacts(text).workloadName ?? (resourceName ?? 'delegate').replace(/-upgrader-config$/, '')
}

/** SPEC §4: `delegateConfig.managerHost` → E, and the two top-level certificate paths. */
export function planUpgraderConfig(ctx: PlanContext, res: UpgraderConfig): void {
  const node = res.config
  const text = node.value as string
  const doc = parseDocument(text, K8S_PARSE)
  const at = (offset: number) => {
    // Positions inside the block map to the file by line: the block's first content line, plus the inner line.
    const outer = linePos(ctx.src, node.range![0])
    const inner = linePos(text, offset)
    return { line: outer.line + inner.line, col: inner.col }
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!
    ctx.diagnostics.push({
      code: 'YAML_SYNTAX',
      severity: 'error',
      message: `invalid YAML in data."config.yaml": ${e.message.split('\n')[0]}`,
      file: ctx.file,
      ...at(e.pos[0]),
    })
    return
  }
  const root = doc.contents
  const decoded: unknown = doc.toJS()
  for (const problem of validate('upgraderConfig', decoded)) {
    const target = lookup(root, problem.path) ?? root
    ctx.diagnostics.push({
      code: 'SCHEMA',
      severity: 'error',
      message: `data."config.yaml" ${problem.path.join('.')} ${problem.message}`.replace('  ', ' '),
      file: ctx.file,
      ...at(target?.range?.[0] ?? 0),
    })
  }
  if (!isMap(root)) return
  const embedded = {
    node,
    text,
    ptr: CONFIG_PTR,
    decoded: { value: decoded },
    path: (e: Edit) => formatPath([...CONFIG_PTR, ...e.ptr]),
  }
  planInside(ctx, embedded, (inner) => {
    const ictx: EditContext = { src: text, eol: '\n', unit: indentUnit(text, root) }
    // A step inside config.yaml: its path and splices are the text's own (planInside files it under data).
    const edit = (
      op: 'set' | 'add',
      path: PathSeg[],
      values: { before?: unknown; after: unknown },
      role: FieldRole,
      reason: string,
      splice: ReturnType<typeof setScalar>,
    ) => plan(inner, { resource: res.ref, op, ptr: path, display: path, ...values, role, reason, splices: [splice] })
    const { endpoint, mountPath } = ctx.options

    const delegateConfig = root.get('delegateConfig', true)
    const flatHost = root.get(UPGRADER_HOST_KEY, true)
    if (isMap(delegateConfig)) {
      const host = delegateConfig.get(UPGRADER_HOST_KEY, true)
      if (isScalar(host)) {
        if ((host.value as unknown) !== endpoint)
          edit(
            'set',
            ['delegateConfig', UPGRADER_HOST_KEY],
            { before: host.value, after: endpoint },
            'endpoint',
            'the upgrader talks to the mTLS endpoint',
            setScalar(ictx, host as Scalar, endpoint),
          )
      } else {
        edit(
          'add',
          ['delegateConfig', UPGRADER_HOST_KEY],
          { after: endpoint },
          'endpoint',
          'the upgrader talks to the mTLS endpoint',
          addPairs(
            ictx,
            delegateConfig,
            [[UPGRADER_HOST_KEY, scalar(formatScalar(endpoint))]],
            layoutFor(ictx.unit, true),
          ),
        )
      }
    } else if (isScalar(flatHost)) {
      if ((flatHost.value as unknown) !== endpoint)
        edit(
          'set',
          [UPGRADER_HOST_KEY],
          { before: flatHost.value, after: endpoint },
          'endpoint',
          'the upgrader talks to the mTLS endpoint',
          setScalar(ictx, flatHost as Scalar, endpoint),
        )
    } else {
      report(
        ctx,
        'warning',
        'NOT_CHANGED',
        'the upgrader config has no delegateConfig.managerHost; add it with the mTLS endpoint',
        node,
        { role: 'endpoint' },
      )
    }
    const paths = UPGRADER_CERT_FIELDS.map((f) => ({
      key: f.key,
      role: f.role,
      value: `${mountPath}/${fileOf(f.role)}`,
    }))
    const missing: typeof paths = []
    for (const field of paths) {
      const { key, value, role } = field
      const existing = root.get(key, true)
      if (isScalar(existing)) {
        if ((existing.value as unknown) !== value)
          edit(
            'set',
            [key],
            { before: existing.value, after: value },
            role,
            'the upgrader reads the client certificate here',
            setScalar(ictx, existing as Scalar, value),
          )
      } else missing.push(field)
      if (isMap(delegateConfig) && delegateConfig.has(key)) {
        report(
          ctx,
          'warning',
          'LINT',
          `${key} under delegateConfig is ignored by the upgrader; it belongs at the top level of config.yaml`,
          node,
        )
      }
    }
    if (missing.length > 0) {
      const after = pairOf(root, 'containerName') ? 'containerName' : undefined
      const splice = addPairs(
        ictx,
        root,
        missing.map((f) => [f.key, scalar(formatScalar(f.value))]),
        layoutFor(ictx.unit, true),
        after,
      )
      missing.forEach(({ key, value, role }, i) =>
        edit(
          'add',
          [key],
          { after: value },
          role,
          'the upgrader reads the client certificate here',
          i === 0 ? splice : { start: splice.start, end: splice.end, text: '' },
        ),
      )
    }
  })
}

/** SPEC §4: the upgrader CronJob mounts the same Secret, with the same mode, as its delegate. */
export function planUpgraderCronJob(ctx: PlanContext, res: UpgraderCronJob): void {
  const pod = lookup(res.doc.contents, res.podPath) as YAMLMap
  const { container, podCompact } = locateContainer(ctx, res.podPath, pod, res.container)
  const { name: delegateName, fallback } = cronJobDelegateName(ctx, pod, res.ref)
  requireDelegatesNamed(ctx, delegateName, res.ref.namespace)
  const key = namespacedKey(res.ref.namespace, delegateName)
  const secretName = ctx.secretByDelegate.get(key) ?? secretNameFor(ctx, delegateName)
  if (fallback && ctx.options.secretName.includes('{delegate}') && !deploymentNames(ctx).has(key)) {
    report(
      ctx,
      'warning',
      'DELEGATE_NAME',
      `{delegate} in the Secret name became "${delegateName}", ${fallback}; no delegate of that ` +
        `name is in the input: check that the Secret ${secretName} is the one its delegate mounts`,
      (lookup(res.doc.contents, ['metadata', 'name']) ?? res.doc.contents) as Node,
    )
  }
  const mode = ctx.modeByDelegate.get(key) ?? secretMode(runsAsNonRoot(pod, container.node, res.doc))
  checkPod(ctx, pod, false)
  ensureMount(ctx, res, container, podCompact)
  const podLoc: Located<YAMLMap> = { node: pod, ptr: res.podPath, display: res.podPath }
  if (upgraderSecretDisagrees(ctx, pod, delegateName, key)) return
  ensureVolume(ctx, res, podLoc, secretName, mode)
}

/**
 * The upgrader restarts its delegate with the certificate it reads itself: a CronJob volume naming another Secret
 * than the delegate's (both kept, as the user may have created either) leaves one of them without the
 * certificate the other uses. Which one is right is the user's call: an error, unless --secret-name sets both.
 */
function upgraderSecretDisagrees(ctx: PlanContext, pod: YAMLMap, delegateName: string, key: string): boolean {
  const delegates = ctx.secretByDelegate.get(key)
  if (delegates === undefined || ctx.options.secretNameExplicit) return false
  const volume = findItem(pod.get('volumes', true), 'name', VOLUME_NAME)
  const nameNode = volume ? lookup(volume.node, ['secret', 'secretName']) : undefined
  if (!isScalar(nameNode) || typeof nameNode.value !== 'string' || nameNode.value === delegates) return false
  // The delegate token (a 2023 doc bug) is replaced by ensureVolume, as on the delegate.
  if (/-account-token$/.test(nameNode.value)) return false
  report(
    ctx,
    'error',
    'CONFLICT',
    `the upgrader mounts Secret ${nameNode.value}, its delegate ${delegateName} mounts ${delegates}: both must read ` +
      `the same client certificate; make them the same (or pass --secret-name to set both)`,
    nameNode,
  )
  return true
}

/**
 * The delegate an upgrader CronJob serves: its config.yaml's `workloadName`, else its ConfigMap's or its own
 * name without the `-upgrader-config` / `-upgrader-job` suffix. `fallback` says why, when that name is only
 * the resource's own name (no suffix to remove, or no name at all).
 */
export function cronJobDelegateName(
  ctx: PlanContext,
  pod: YAMLMap,
  ref: UpgraderCronJob['ref'],
): { name: string; fallback?: string } {
  const name = ref.name
  const volumes = pod.get('volumes', true)
  if (isSeq(volumes)) {
    for (const v of volumes.items) {
      const cmName = stringAt(lookup(v, ['configMap']), 'name')
      const cm = findResource(
        ctx,
        cmName,
        (r) => r.type === 'upgrader-config' && sameNamespace(r.ref.namespace, ref.namespace),
      )
      if (cm && cm.type === 'upgrader-config') {
        const text = cm.config.value as string
        const delegate = configDelegateName(text, cm.ref.name)
        if (upgraderConfigFacts(text).workloadName !== undefined || cm.ref.name?.endsWith('-upgrader-config'))
          return { name: delegate }
        return {
          name: delegate,
          fallback:
            `the name of ConfigMap ${cm.ref.name ?? '(unnamed)'} (its config.yaml has no ` +
            `workloadName and the name does not end in -upgrader-config)`,
        }
      }
    }
  }
  if (name?.endsWith('-upgrader-job')) return { name: name.replace(/-upgrader-job$/, '') }
  return {
    name: name ?? 'delegate',
    fallback:
      name === undefined
        ? 'the default, since the CronJob has no name and mounts no upgrader ConfigMap of the input'
        : `the CronJob's own name (it mounts no upgrader ConfigMap of the input and its name does ` +
          `not end in -upgrader-job)`,
  }
}
