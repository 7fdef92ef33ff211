import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml'
import { CHART_DEFAULT_NAME, helmImage, type HelmValues } from '../resources/helm-values.js'
import { imageDoubt } from '../resources/delegate-kind.js'
import { addPairs, fillEmptyValue } from '../yaml/edit.js'
import { setPairValue } from '../yaml/edit-pairs.js'
import { map, scalar, type BlockLayout } from '../yaml/fragment.js'
import { layoutFor, seqIsCompact } from '../yaml/layout.js'
import { findItem, pairOf, stringAt } from '../yaml/lookup.js'
import { formatScalar } from '../yaml/scalar.js'
import { editContext, plan, report } from './context.js'
import { ensureEnvValue, wantedEnv } from './plan-env.js'
import type { PlanContext } from './types.js'
import { checkHost, inValues } from './values-host.js'

/** The chart mounts the Secret here, whatever `--mount-path` says (templates/deployment.yaml, 1.0.23+). */
export const CHART_MOUNT_PATH = '/etc/mtls'

/** The first release of harness-delegate-ng that reads `mTLS.secretName`. */
export const CHART_MTLS_VERSION = '1.0.23'

/** Keys of the chart's own values.yaml (not of a short UI download), used to tell which one a file is. */
const CHART_DEFAULTS_KEYS = ['serviceAccount', 'autoscaling', 'upgrader', 'livenessProbe']

/** `{delegate}` of `--secret-name` for a values file: its delegateName, else the chart's default name. */
export const helmDelegateName = (root: unknown) => stringAt(root, 'delegateName') ?? CHART_DEFAULT_NAME

/** Sequence style for a new top-level list: like the file's first block list, else indented (the chart's comments). */
function topLevelSeqLayout(src: string, root: YAMLMap, unit: number): BlockLayout {
  for (const pair of root.items) {
    const compact = seqIsCompact(src, pair.key as Node, pair.value as Node)
    if (compact !== undefined) return layoutFor(unit, compact)
  }
  return layoutFor(unit, false)
}

/**
 * Chart harness-delegate-ng ≥ 1.0.23 (§7 of the evidence): `managerEndpoint` → E, `mTLS.secretName` → S
 * (the chart then mounts the Secret and sets the certificate env vars and the upgrader's paths), and
 * `GRPC_AUTHORITY_MODIFICATION_DISABLED` through `custom_envs`, the chart's list of extra env entries
 * (`{name, value}` maps rendered into the delegate container's `env`).
 */
export function planHelmValues(ctx: PlanContext, res: HelmValues): void {
  if (checkHost(ctx, res) && res.root) inValues(ctx, res, planValues)
}

/** The values-file rules, on a values mapping (the file's root, or the values a HelmRelease carries …). */
function planValues(ctx: PlanContext, res: HelmValues, root: YAMLMap): void {
  const ectx = editContext(ctx, res)
  const { endpoint } = ctx.options

  const image = helmImage(root)
  const doubt = image && imageDoubt(image.ref, 'classic')
  if (doubt) report(ctx, 'warning', 'IMAGE', doubt, image.at)
  if (ctx.options.mountPath !== CHART_MOUNT_PATH) {
    report(
      ctx,
      'warning',
      'UNSUPPORTED',
      `the chart mounts the client certificate at ${CHART_MOUNT_PATH}; --mount-path ` +
        `${ctx.options.mountPath} does not apply to Helm values`,
      root,
    )
  }

  // managerEndpoint: the chart derives MANAGER_HOST_AND_PORT, LOG_STREAMING_SERVICE_URL and the upgrader's managerHost
  // from it.
  const endpointPair = pairOf(root, 'managerEndpoint')
  if (endpointPair) {
    const node = endpointPair.value
    if (!isScalar(node) || node.value !== endpoint) {
      const before = isScalar(node) ? node.value : null
      plan(ctx, {
        resource: res.ref,
        op: 'set',
        ptr: ['managerEndpoint'],
        display: ['managerEndpoint'],
        before,
        after: endpoint,
        role: 'endpoint',
        reason: "the mTLS endpoint (the chart derives the delegate's and the upgrader's URLs from it)",
        splices: [setPairValue(ectx, endpointPair as Pair, endpoint, formatScalar(endpoint))],
      })
    }
  } else {
    report(
      ctx,
      'warning',
      'ADDED_ENDPOINT',
      "the values had no managerEndpoint (the chart's default is https://app.harness.io); added it",
      root,
    )
    plan(ctx, {
      resource: res.ref,
      op: 'add',
      ptr: ['managerEndpoint'],
      display: ['managerEndpoint'],
      after: endpoint,
      role: 'endpoint',
      reason: 'the mTLS endpoint',
      splices: [
        addPairs(ectx, root, [['managerEndpoint', scalar(formatScalar(endpoint))]], layoutFor(ectx.unit, true)),
      ],
    })
  }

  // mTLS.secretName
  const secretName = ctx.options.secretName.replaceAll('{delegate}', helmDelegateName(root))
  const mtlsPair = pairOf(root, 'mTLS')
  const mtls = mtlsPair?.value
  const anchor = pairOf(root, 'managerEndpoint') ? 'managerEndpoint' : undefined
  const reason = 'the chart mounts this Secret in the delegate and the upgrader and sets their certificate paths'
  let changedSecret = false
  if (isMap(mtls)) {
    const namePair = pairOf(mtls, 'secretName')
    const current = namePair && isScalar(namePair.value) ? namePair.value.value : undefined
    if (!namePair) {
      plan(ctx, {
        resource: res.ref,
        op: 'add',
        ptr: ['mTLS', 'secretName'],
        display: ['mTLS', 'secretName'],
        after: secretName,
        role: 'volume',
        reason: reason,
        splices: [addPairs(ectx, mtls, [['secretName', scalar(formatScalar(secretName))]], layoutFor(ectx.unit, true))],
      })
      changedSecret = true
    } else if (
      current === null ||
      current === undefined ||
      current === '' ||
      (current !== secretName && ctx.options.secretNameExplicit)
    ) {
      if (!isScalar(namePair.value) && namePair.value !== null) {
        report(
          ctx,
          'error',
          'CONFLICT',
          `mTLS.secretName must be a Secret name, not a ${isSeq(namePair.value) ? 'list' : 'mapping'}`,
          namePair.value as Node,
        )
      } else {
        plan(ctx, {
          resource: res.ref,
          op: 'set',
          ptr: ['mTLS', 'secretName'],
          display: ['mTLS', 'secretName'],
          before: current ?? null,
          after: secretName,
          role: 'volume',
          reason: current ? '--secret-name was given' : reason,
          splices: [setPairValue(ectx, namePair as Pair, secretName, formatScalar(secretName))],
        })
        changedSecret = true
      }
    }
  } else if (mtlsPair && (mtls === null || (isScalar(mtls) && mtls.value === null))) {
    plan(ctx, {
      resource: res.ref,
      op: 'set',
      ptr: ['mTLS'],
      display: ['mTLS'],
      before: null,
      after: { secretName },
      role: 'volume',
      reason: reason,
      splices: fillEmptyValue(
        ectx,
        mtlsPair as Pair,
        map(['secretName', scalar(formatScalar(secretName))]),
        layoutFor(ectx.unit, true),
      ),
    })
    changedSecret = true
  } else if (!mtlsPair) {
    plan(ctx, {
      resource: res.ref,
      op: 'add',
      ptr: ['mTLS'],
      display: ['mTLS'],
      after: { secretName },
      role: 'volume',
      reason: reason,
      splices: [
        addPairs(
          ectx,
          root,
          [['mTLS', map(['secretName', scalar(formatScalar(secretName))])]],
          layoutFor(ectx.unit, true),
          anchor,
        ),
      ],
    })
    changedSecret = true
  } else {
    report(ctx, 'error', 'CONFLICT', 'mTLS must be a mapping with secretName', mtlsPair.value as Node)
    return
  }
  if (changedSecret) chartVersionWarning(ctx, root, image?.ref)

  planCustomEnvs(ctx, res, root, anchor)
}

/** SPEC-level caveat of §7: charts before 1.0.23 ignore `mTLS.secretName` without an error. */
function chartVersionWarning(ctx: PlanContext, root: YAMLMap, image: string | undefined): void {
  if (root.has('mTLS')) return // the file comes from a chart that has the key
  const ignored =
    `charts before ${CHART_MTLS_VERSION} ignore mTLS.secretName without an error, so ` +
    `the delegate would run without its certificate`
  if (CHART_DEFAULTS_KEYS.every((k) => root.has(k))) {
    const hint = image ? `, delegate image ${image}` : ''
    report(
      ctx,
      'warning',
      'CHART_VERSION',
      `this is the values.yaml of a harness-delegate-ng chart before ${CHART_MTLS_VERSION} (it has ` +
        `no mTLS key${hint}); ${ignored}: upgrade the chart to ${CHART_MTLS_VERSION} or later`,
      root,
    )
  } else {
    report(
      ctx,
      'warning',
      'CHART_VERSION',
      `mTLS.secretName needs chart harness-delegate-ng ${CHART_MTLS_VERSION} or later (${ignored}): ` +
        `check the installed chart with helm list -n <namespace> and upgrade it if it is older`,
      root,
    )
  }
}

/**
 * `custom_envs` entries win over the chart's ConfigMap: endpoint URLs found there are rewritten, the
 * certificate paths corrected, and what the chart does not set (GRPC_AUTHORITY_MODIFICATION_DISABLED,
 * TI_SERVICE_URL on request) appended.
 */
function planCustomEnvs(ctx: PlanContext, res: HelmValues, root: YAMLMap, anchor: string | undefined): void {
  const ectx = editContext(ctx, res)
  const envs = root.get('custom_envs', true)
  let layout: BlockLayout | undefined
  const wanted = wantedEnv({ ...ctx, options: { ...ctx.options, mountPath: CHART_MOUNT_PATH } })
  for (const want of wanted) {
    const found = findItem(envs, 'name', want.name)
    if (found) {
      const ptr = ['custom_envs', found.index]
      const display = ['custom_envs', { name: want.name }]
      if (isMap(found.node.get('valueFrom', true))) {
        if (want.kind === 'owned')
          report(
            ctx,
            'error',
            'CONFLICT',
            `custom_envs ${want.name} is set through valueFrom; delegate-mtls must set it to ` +
              `"${want.value}" inline (remove the valueFrom)`,
            found.node,
          )
        else
          report(
            ctx,
            'warning',
            'NOT_CHANGED',
            `custom_envs ${want.name} comes from valueFrom, which is not in the input: set it to "${want.value}" there`,
            found.node,
            { role: want.role },
          )
        continue
      }
      ensureEnvValue(
        ctx,
        res,
        found.node,
        ptr,
        display,
        want,
        `${want.reason} (custom_envs overrides the chart's ConfigMap)`,
      )
      continue
    }
    if (want.setByChart || !want.addIfMissing) continue
    layout ??= topLevelSeqLayout(ctx.src, root, ectx.unit)
    plan(ctx, {
      resource: res.ref,
      op: 'append',
      ptr: ['custom_envs'],
      display: ['custom_envs'],
      after: { name: want.name, value: want.value },
      role: want.role,
      reason: `${want.reason} (the chart does not set it; custom_envs adds it to the delegate's env)`,
      splices: [],
      place: {
        kind: 'append',
        ectx,
        owner: root,
        key: 'custom_envs',
        item: map(['name', scalar(want.name)], ['value', scalar(formatScalar(want.value, 'double'))]),
        layout,
        ...(anchor === undefined ? {} : { createAfter: root.has('mTLS') ? 'mTLS' : anchor }),
      },
    })
  }
}
