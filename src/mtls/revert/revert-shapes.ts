import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml'
import { composeEnv, type ComposeFile } from '../../resources/compose.js'
import type { HelmValues } from '../../resources/helm-values.js'
import { setPairValue } from '../../yaml/edit-pairs.js'
import { setScalar } from '../../yaml/edit.js'
import { findItem, pairOf, stringAt, type PathSeg } from '../../yaml/lookup.js'
import { formatScalar } from '../../yaml/scalar.js'
import { editContext, plan, report } from '../context.js'
import { composeVolumes } from '../plan-compose.js'
import {
  certEnvNamesFor,
  endpointEnv,
  endpointEnvFor,
  envRoleOf,
  CERT_FILE,
  KEY_FILE,
  managerEnvNames,
  OWNED_ENV,
  ownedEnvFor,
  type DelegateKind,
} from '../../resources/wanted-state.js'
import { removeListItems, removeMapKeys, type RevertContext } from './context.js'
import { checkHost, inValues } from '../values-host.js'

const REASON = 'undo the migration'

/** The role of an env var the revert takes out: every one it removes is in the table (OWNED_ENV). */
const envRole = (name: string | undefined, kind: DelegateKind = 'classic') => envRoleOf(name ?? '', kind) ?? 'flag'

/**
 * Helm values: managerEndpoint back; an mTLS block the migration added (right after managerEndpoint,
 * holding only secretName) goes, an existing one gets `secretName: ""` again (the chart's default);
 * custom_envs entries it added go, endpoint ones point back.
 */
export function revertHelmValues(rctx: RevertContext, res: HelmValues): void {
  if (!checkHost(rctx, res, true)) return
  inValues(rctx, res, revertValues)
}

function revertValues(rctx: RevertContext, res: HelmValues, root: YAMLMap): void {
  const ectx = editContext(rctx, res)
  const endpointPair = pairOf(root, 'managerEndpoint')
  if (endpointPair && isScalar(endpointPair.value) && endpointPair.value.value !== rctx.url) {
    plan(rctx, {
      resource: res.ref,
      op: 'set',
      ptr: ['managerEndpoint'],
      display: ['managerEndpoint'],
      before: endpointPair.value.value,
      after: rctx.url,
      role: 'endpoint',
      reason: `${REASON}: the original endpoint`,
      splices: [setPairValue(ectx, endpointPair as Pair, rctx.url, formatScalar(rctx.url))],
    })
  }
  const mtlsPair = pairOf(root, 'mTLS')
  const mtls = mtlsPair?.value
  if (mtlsPair && isMap(mtls)) {
    const namePair = pairOf(mtls, 'secretName')
    const value = namePair && isScalar(namePair.value) ? namePair.value.value : undefined
    const at = root.items.indexOf(mtlsPair as Pair<unknown, unknown>)
    const added = mtls.items.length === 1 && namePair !== undefined && at > 0 && root.items[at - 1] === endpointPair
    if (added) {
      removeMapKeys(rctx, res, root, [], 'mTLS', ['secretName'], `${REASON}: mTLS.secretName`, 'volume')
    } else if (namePair && typeof value === 'string' && value !== '') {
      plan(rctx, {
        resource: res.ref,
        op: 'set',
        ptr: ['mTLS', 'secretName'],
        display: ['mTLS', 'secretName'],
        before: value,
        after: '',
        role: 'volume',
        reason: `${REASON}: no client certificate Secret (the chart's default)`,
        splices: [setScalar(ectx, namePair.value as Scalar, '')],
      })
    }
  }
  const envs = root.get('custom_envs', true)
  if (!isSeq(envs)) return
  for (const [name, value] of endpointEnv(rctx.url)) {
    const found = findItem(envs, 'name', name)
    const node = found?.node.get('value', true)
    if (found && isScalar(node) && node.value !== value) {
      plan(rctx, {
        resource: res.ref,
        op: 'set',
        ptr: ['custom_envs', found.index, 'value'],
        display: ['custom_envs', { name }, 'value'],
        before: node.value,
        after: value,
        role: 'endpoint',
        reason: `${REASON}: the original endpoint`,
        splices: [setScalar(ectx, node as Scalar, value)],
      })
    }
  }
  const owned = envs.items.flatMap((item, i) => (OWNED_ENV.includes(stringAt(item, 'name') ?? '') ? [i] : []))
  removeListItems(rctx, res, root, [], [], 'custom_envs', owned, `${REASON}: only an mTLS delegate needs it`, (item) =>
    envRole(stringAt(item, 'name')),
  )
}

/** docker-compose: endpoint env back, our env entries and the two certificate bind mounts out. */
export function revertCompose(rctx: RevertContext, res: ComposeFile): void {
  const ectx = editContext(rctx, res)
  for (const d of res.delegates) {
    const svcPtr: PathSeg[] = ['services', d.service]
    const envPtr: PathSeg[] = [...svcPtr, 'environment']
    const envNode = d.node.get('environment', true) as unknown
    const { form, entries } = composeEnv(d.node)
    const kind = d.delegateKind ?? 'classic'
    for (const [name, value] of endpointEnvFor(kind, rctx.url)) {
      const entry = entries.find((e) => e.name === name)
      if (!entry || entry.value === value) continue
      if (entry.value === undefined || /\$\{?[A-Za-z_]/.test(entry.value)) {
        if (managerEnvNames(kind).includes(name))
          report(
            rctx,
            'warning',
            'NOT_CHANGED',
            `service ${d.service}: ${name} comes from the host environment or a variable: set it ` +
              `back to "${value}" there`,
            entry.node,
          )
        continue
      }
      if (form === 'list') {
        const text = `${name}=${value}`
        plan(rctx, {
          resource: res.ref,
          op: 'set',
          ptr: [...envPtr, entry.index!],
          display: [...envPtr, { name }],
          before: `${name}=${entry.value}`,
          after: text,
          role: 'endpoint',
          reason: `${REASON}: the original endpoint`,
          splices: [setScalar(ectx, entry.node as Scalar, text)],
        })
      } else {
        plan(rctx, {
          resource: res.ref,
          op: 'set',
          ptr: [...envPtr, name],
          display: [...envPtr, name],
          before: entry.value,
          after: value,
          role: 'endpoint',
          reason: `${REASON}: the original endpoint`,
          splices: [setPairValue(ectx, pairOf(envNode, name) as Pair, value, formatScalar(value))],
        })
      }
    }
    const certPath =
      entries.find((e) => certEnvNamesFor(kind, 'certificate').includes(e.name))?.value ?? `/etc/mtls/${CERT_FILE}`
    const keyPath = entries.find((e) => certEnvNamesFor(kind, 'key').includes(e.name))?.value ?? `/etc/mtls/${KEY_FILE}`
    const owned = entries.filter((e) => ownedEnvFor(kind).includes(e.name))
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
        (item) => envRole(String((item as Scalar).value).split('=')[0], kind),
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
        (name) => envRole(name, kind),
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
      'mount',
      (item) => (isScalar(item) ? String(item.value) : (stringAt(item, 'target') ?? '?')),
    )
  }
}
