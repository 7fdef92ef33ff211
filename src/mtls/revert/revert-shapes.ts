import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml'
import { composeEnv, type ComposeFile } from '../../resources/compose.js'
import type { HelmValues } from '../../resources/helm-values.js'
import { lineRemovals, setPairValue } from '../../yaml/edit-pairs.js'
import { setScalar } from '../../yaml/edit.js'
import { findItem, pairOf, stringAt, type PathSeg } from '../../yaml/lookup.js'
import { formatScalar } from '../../yaml/scalar.js'
import { editContext, plan, report } from '../context.js'
import { composeVolumes } from '../plan-compose.js'
import { checkHost, inValues } from '../values-host.js'
import { endpointEnv, OWNED_ENV, removeListItems, removeMapKeys, type RevertContext } from './context.js'

const REASON = 'undo the migration'

/**
 * Helm values: managerEndpoint back; an mTLS block the migration added (right after managerEndpoint,
 * holding only secretName) goes, an existing one gets `secretName: ""` again (the chart's default);
 * custom_envs entries it added go, endpoint ones point back.
 */
export function revertHelmValues(rctx: RevertContext, res: HelmValues): void {
  if (!checkHost(rctx, res, true)) return
  inValues(
    rctx,
    res,
    revertValues,
    () => ({ removals: [] }),
    (inner) => lineRemovals(editContext(inner, { ...res, doc: res.text!.doc }), inner.removals),
  )
}

function revertValues(rctx: RevertContext, res: HelmValues, root: YAMLMap): void {
  const ectx = editContext(rctx, res)
  const endpointPair = pairOf(root, 'managerEndpoint')
  if (endpointPair && isScalar(endpointPair.value) && endpointPair.value.value !== rctx.url) {
    plan(
      rctx,
      res.ref,
      'set',
      ['managerEndpoint'],
      ['managerEndpoint'],
      { before: endpointPair.value.value, after: rctx.url },
      `${REASON}: the original endpoint`,
      [setPairValue(ectx, endpointPair as Pair, rctx.url, formatScalar(rctx.url))],
    )
  }
  const mtlsPair = pairOf(root, 'mTLS')
  const mtls = mtlsPair?.value
  if (mtlsPair && isMap(mtls)) {
    const namePair = pairOf(mtls, 'secretName')
    const value = namePair && isScalar(namePair.value) ? namePair.value.value : undefined
    const at = root.items.indexOf(mtlsPair as Pair<unknown, unknown>)
    const added = mtls.items.length === 1 && namePair !== undefined && at > 0 && root.items[at - 1] === endpointPair
    if (added) {
      removeMapKeys(rctx, res, root, [], 'mTLS', ['secretName'], `${REASON}: mTLS.secretName`)
    } else if (namePair && typeof value === 'string' && value !== '') {
      plan(
        rctx,
        res.ref,
        'set',
        ['mTLS', 'secretName'],
        ['mTLS', 'secretName'],
        { before: value, after: '' },
        `${REASON}: no client certificate Secret (the chart's default)`,
        [setScalar(ectx, namePair.value as Scalar, '')],
      )
    }
  }
  const envs = root.get('custom_envs', true)
  if (!isSeq(envs)) return
  for (const [name, value] of endpointEnv(rctx.url)) {
    const found = findItem(envs, 'name', name)
    const node = found?.node.get('value', true)
    if (found && isScalar(node) && node.value !== value) {
      plan(
        rctx,
        res.ref,
        'set',
        ['custom_envs', found.index, 'value'],
        ['custom_envs', { name }, 'value'],
        { before: node.value, after: value },
        `${REASON}: the original endpoint`,
        [setScalar(ectx, node as Scalar, value)],
      )
    }
  }
  const owned = envs.items.flatMap((item, i) => (OWNED_ENV.includes(stringAt(item, 'name') ?? '') ? [i] : []))
  removeListItems(rctx, res, root, [], [], 'custom_envs', owned, `${REASON}: only an mTLS delegate needs it`)
}

/** docker-compose: endpoint env back, our env entries and the two certificate bind mounts out. */
export function revertCompose(rctx: RevertContext, res: ComposeFile): void {
  const ectx = editContext(rctx, res)
  for (const d of res.delegates) {
    const svcPtr: PathSeg[] = ['services', d.service]
    const envPtr: PathSeg[] = [...svcPtr, 'environment']
    const envNode = d.node.get('environment', true) as unknown
    const { form, entries } = composeEnv(d.node)
    for (const [name, value] of endpointEnv(rctx.url)) {
      const entry = entries.find((e) => e.name === name)
      if (!entry || entry.value === value) continue
      if (entry.value === undefined || /\$\{?[A-Za-z_]/.test(entry.value)) {
        if (name === 'MANAGER_HOST_AND_PORT')
          report(
            rctx,
            'warning',
            'NOT_CHANGED',
            `service ${d.service}: ${name} comes from the host environment or a variable: set it back to "${value}" there`,
            entry.node,
          )
        continue
      }
      if (form === 'list') {
        const text = `${name}=${value}`
        plan(
          rctx,
          res.ref,
          'set',
          [...envPtr, entry.index!],
          [...envPtr, { name }],
          { before: `${name}=${entry.value}`, after: text },
          `${REASON}: the original endpoint`,
          [setScalar(ectx, entry.node as Scalar, text)],
        )
      } else {
        plan(
          rctx,
          res.ref,
          'set',
          [...envPtr, name],
          [...envPtr, name],
          { before: entry.value, after: value },
          `${REASON}: the original endpoint`,
          [setPairValue(ectx, pairOf(envNode, name) as Pair, value, formatScalar(value))],
        )
      }
    }
    const certPath =
      entries.find((e) => e.name === 'DELEGATE_CLIENT_CERTIFICATE_PATH' || e.name === 'CLIENT_CERTIFICATE_PATH')
        ?.value ?? '/etc/mtls/client.crt'
    const keyPath =
      entries.find((e) => e.name === 'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH' || e.name === 'CLIENT_CERTIFICATE_KEY_PATH')
        ?.value ?? '/etc/mtls/client.key'
    const owned = entries.filter((e) => OWNED_ENV.includes(e.name))
    if (form === 'list') {
      removeListItems(
        rctx,
        res,
        d.node,
        svcPtr,
        svcPtr,
        'environment',
        owned.map((e) => e.index!),
        `${REASON}: only an mTLS delegate needs it`,
        (item) => ({ name: String((item as Scalar).value).split('=')[0]! }),
      )
    } else if (form === 'map' && isMap(envNode)) {
      removeMapKeys(
        rctx,
        res,
        d.node,
        svcPtr,
        'environment',
        owned.map((e) => e.name),
        `${REASON}: only an mTLS delegate needs it`,
      )
    }
    const mounts = composeVolumes(d.node).filter((v) => v.target === certPath || v.target === keyPath)
    removeListItems(
      rctx,
      res,
      d.node,
      svcPtr,
      svcPtr,
      'volumes',
      mounts.map((v) => v.index),
      `${REASON}: the client certificate bind mount`,
      (item) => (isScalar(item) ? String(item.value) : (stringAt(item, 'target') ?? '?')),
    )
  }
}
