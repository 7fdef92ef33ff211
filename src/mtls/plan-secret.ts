import { isMap, isScalar, type Node, type Pair, type Scalar } from 'yaml'
import type { DelegateWorkload } from '../resources/classify.js'
import { certificateInfo, certificateInfoFromBase64, oneLineName } from '../resources/certificate-info.js'
import {
  CLIENT_CERT_KEY,
  CLIENT_KEY_KEY,
  isPlaceholderSecretData,
  REDACTED,
  renderSecretManifest,
} from '../resources/secret-manifest.js'
import { addPairs, fillEmptyValue, setScalar } from '../yaml/edit.js'
import { map, scalar } from '../yaml/fragment.js'
import { layoutFor } from '../yaml/layout.js'
import { lookup, pairOf } from '../yaml/lookup.js'
import { formatScalar } from '../yaml/scalar.js'
import { insertAt } from '../yaml/splice.js'
import { editContext, plan, report } from './context.js'
import { findResource, requireDelegatesInNamespace } from './scope.js'
import { tlsSecretSource } from './tls-secret.js'
import type { PlanContext } from './types.js'
import { namespacedKey, sameNamespace } from '../resources/namespace.js'

const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

/**
 * SPEC §5 / `--cert --key`: the client certificate Secret `S` in each delegate's namespace. An existing
 * Secret of that name (the UI's `{CERT}`/`{KEY}` placeholder one) gets its data filled in; otherwise a
 * new Secret goes right before the first Deployment that mounts it. Key material never enters a
 * Change: reports show `<redacted>`, only the guard sees the real value.
 */
export function planSecrets(
  ctx: PlanContext,
  delegates: DelegateWorkload[],
  onEach?: (res: DelegateWorkload) => void,
): void {
  const material = ctx.options.secret
  if (!material) return
  const data: Record<string, string> = {
    [CLIENT_CERT_KEY]: base64(material.certPem),
    [CLIENT_KEY_KEY]: base64(material.keyPem),
  }
  const done = new Set<string>()
  // Every delegate that mounts each Secret: a rotation names them all in its restart command.
  const mountedBy = new Map<string, string[]>()
  for (const res of delegates) {
    const name = ctx.secretByDelegate.get(namespacedKey(res.ref.namespace, res.ref.name ?? 'delegate'))
    if (name === undefined) continue
    const id = namespacedKey(res.ref.namespace, name)
    mountedBy.set(id, [...(mountedBy.get(id) ?? []), res.ref.name ?? 'delegate'])
  }
  for (const res of delegates) {
    onEach?.(res)
    const name = ctx.secretByDelegate.get(namespacedKey(res.ref.namespace, res.ref.name ?? 'delegate'))
    if (name === undefined) continue
    const namespace = res.ref.namespace
    const id = namespacedKey(namespace, name)
    if (done.has(id)) continue
    done.add(id)
    const existing = findResource(
      ctx,
      name,
      (r) => r.ref.kind === 'Secret' && sameNamespace(r.ref.namespace, namespace),
    )
    // cert-manager owns that Secret: data written here would be overwritten at its next renewal, or never read.
    const tls = tlsSecretSource(ctx, name, namespace)
    if (tls) {
      report(
        ctx,
        'error',
        'CONFLICT',
        `${tls}, which cert-manager issues and renews: --cert/--key cannot fill it; leave them out, ` +
          `the volume reads tls.crt and tls.key`,
        (existing?.doc.contents as Node | null | undefined) ?? (res.doc.contents as Node),
      )
      continue
    }
    if (existing) {
      const ectx = editContext(ctx, existing)
      const dataPair = pairOf(existing.doc.contents, 'data')
      const dataNode = dataPair?.value
      // `data:` with no value (or `~`, `null`) is filled in place.
      const emptyData = dataPair !== undefined && (dataNode === null || (isScalar(dataNode) && dataNode.value === null))
      const where = `Secret "${name}"${namespace === undefined ? '' : ` in namespace ${namespace}`}`
      if (dataPair !== undefined && !isMap(dataNode) && !emptyData) {
        report(
          ctx,
          'error',
          'CONFLICT',
          `${where} has a "data" that is not a mapping; it cannot hold ${CLIENT_CERT_KEY} and ${CLIENT_KEY_KEY}`,
          (dataNode as Node | null) ?? undefined,
        )
        continue
      }
      // stringData overrides data when the Secret is applied: the certificate we put in data would be ignored.
      const stringData = lookup(existing.doc.contents, ['stringData'])
      const shadowed = [CLIENT_CERT_KEY, CLIENT_KEY_KEY].filter((k) => isMap(stringData) && stringData.has(k))
      if (shadowed.length > 0) {
        report(
          ctx,
          'error',
          'CONFLICT',
          `${where} sets ${shadowed.join(' and ')} under stringData, which overrides data when ` +
            `applied; remove ${shadowed.length > 1 ? 'them' : 'it'} from stringData so that ` +
            `--cert/--key can fill in data`,
          stringData as Node,
        )
        continue
      }
      const missing: [string, string][] = []
      let replaced: string | undefined
      for (const key of [CLIENT_CERT_KEY, CLIENT_KEY_KEY]) {
        const node = isMap(dataNode) ? dataNode.get(key, true) : undefined
        const want = data[key]!
        if (node !== undefined && node !== null && !isScalar(node)) {
          report(
            ctx,
            'error',
            'CONFLICT',
            `${where}: data.${key} is not a string; it must hold the base64 of the ` +
              `${key === CLIENT_KEY_KEY ? 'key' : 'certificate'} file`,
            node as Node,
          )
          continue
        }
        if (isScalar(node)) {
          if (node.value !== want) {
            const rotation = typeof node.value === 'string' && !isPlaceholderSecretData(node.value)
            if (rotation && (replaced === undefined || key === CLIENT_CERT_KEY)) replaced = String(node.value)
            // `client.crt:` with no value is an empty range (right after the colon, or at a comment): insert there,
            // spaced.
            const [start, end] = node.range!
            const pad = (c: string | undefined) => (c === undefined || /\s/.test(c) ? '' : ' ')
            const splice =
              start === end
                ? insertAt(start, `${pad(ctx.src[start - 1])}${formatScalar(want)}${ctx.src[start] === '#' ? ' ' : ''}`)
                : setScalar(ectx, node as Scalar, want)
            plan(ctx, {
              resource: existing.ref,
              op: 'set',
              ptr: ['data', key],
              display: ['data', key],
              before: redact(node.value),
              after: REDACTED,
              role: 'secret',
              reason: `${rotation ? 'rotate' : 'fill in'} the client ${key === CLIENT_KEY_KEY ? 'key' : 'certificate'}`,
              splices: [splice],
              value: want,
            })
          }
        } else missing.push([key, want])
      }
      if (replaced !== undefined) {
        warnRotation(ctx, where, namespace, mountedBy.get(id) ?? [], replaced, material.certPem, dataNode as Node)
      }
      if (missing.length > 0) {
        const pairs = missing.map(([k, v]) => [k, scalar(v)] as [string, ReturnType<typeof scalar>])
        const splices = isMap(dataNode)
          ? [addPairs(ectx, dataNode, pairs, layoutFor(ectx.unit, true))]
          : emptyData
            ? fillEmptyValue(ectx, dataPair as Pair, map(...pairs), layoutFor(ectx.unit, true))
            : [
                addPairs(
                  ectx,
                  existing.doc.contents as Parameters<typeof addPairs>[1],
                  [['data', map(...pairs)]],
                  layoutFor(ectx.unit, true),
                ),
              ]
        missing.forEach(([key, value], i) => {
          plan(ctx, {
            resource: existing.ref,
            op: 'add',
            ptr: ['data', key],
            display: ['data', key],
            after: REDACTED,
            role: 'secret',
            reason: 'add the client certificate data',
            splices: i === 0 ? splices : [],
            value,
          })
        })
      }
      continue
    }
    requireDelegatesInNamespace(ctx, namespace)
    const text = renderSecretManifest(
      namespace === undefined ? { name, ...material } : { name, namespace, ...material },
      ctx.eol as '\n' | '\r\n',
    )
    const at = res.doc.range[0]
    const marker = ctx.src.startsWith('---', at)
    const ref = { document: res.ref.document, kind: 'Secret', name, ...(namespace === undefined ? {} : { namespace }) }
    const value = {
      apiVersion: 'v1',
      data,
      kind: 'Secret',
      metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
      type: 'Opaque',
    }
    plan(ctx, {
      resource: ref,
      op: 'insert',
      ptr: [],
      display: [],
      after: { ...value, data: { [CLIENT_CERT_KEY]: REDACTED, [CLIENT_KEY_KEY]: REDACTED } },
      role: 'secret',
      reason: `the client certificate Secret ${name}, before the Deployment that mounts it`,
      splices: [insertAt(at, marker ? `---${ctx.eol}${text}` : `${text}---${ctx.eol}`)],
      value,
      insertBefore: res.ref.document,
    })
  }
}

/**
 * A Secret that held another certificate is rotated: the delegates keep the old one until they restart (they read
 * the key at start-up only), and a certificate from another issuer is refused until Harness trusts that CA. One
 * warning per Secret, naming no key material: only the issuers' names and the Deployments.
 */
function warnRotation(
  ctx: PlanContext,
  where: string,
  namespace: string | undefined,
  delegates: string[],
  oldCrt: string,
  newPem: string,
  at: Node,
): void {
  const before = certificateInfoFromBase64(oldCrt)
  const after = certificateInfo(newPem)
  const issuer =
    before && after && before.issuer !== after.issuer
      ? ` Its issuer changes from "${oneLineName(before.issuer)}" to ` +
        `"${oneLineName(after.issuer)}": Harness must trust the new CA before the delegates switch, ` +
        `or they are refused.`
      : ''
  const ns = namespace === undefined ? '' : ` -n ${namespace}`
  const restart = [...new Set(delegates)].map((d) => `deployment/${d}`).join(' ')
  report(
    ctx,
    'warning',
    'ROTATION',
    `${where} held another client certificate, now replaced.${issuer} Delegates read the key only ` +
      `at start-up: once it is applied, run kubectl rollout restart ${restart}${ns}`,
    at,
    { role: 'secret' },
  )
}

/** Placeholders (`{CERT}`) may be shown; real data never. */
const redact = (value: unknown) => (typeof value === 'string' && isPlaceholderSecretData(value) ? value : REDACTED)
