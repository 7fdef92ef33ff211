import { isMap, isScalar, type Scalar } from 'yaml'
import type { DelegateWorkload } from '../resources/classify.js'
import { CLIENT_CERT_KEY, CLIENT_KEY_KEY, isPlaceholderSecretData, REDACTED, renderSecretManifest } from '../secret/render-secret.js'
import { addPairs, setScalar } from '../yaml/edit.js'
import { map, scalar } from '../yaml/fragment.js'
import { layoutFor } from '../yaml/layout.js'
import { lookup } from '../yaml/lookup.js'
import { insertAt } from '../yaml/splice.js'
import { editContext, plan } from './context.js'
import type { PlanContext } from './types.js'

const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

/**
 * SPEC §5 / `--cert --key`: the client certificate Secret `S` in each delegate's namespace. An existing
 * Secret of that name (the UI's `{CERT}`/`{KEY}` placeholder one) gets its data filled in; otherwise a
 * new Secret goes right before the first Deployment that mounts it. Key material never enters a
 * Change: reports show `<redacted>`, only the guard sees the real value.
 */
export function planSecrets(ctx: PlanContext, delegates: DelegateWorkload[]): void {
  const material = ctx.options.secret
  if (!material) return
  const data: Record<string, string> = { [CLIENT_CERT_KEY]: base64(material.certPem), [CLIENT_KEY_KEY]: base64(material.keyPem) }
  const done = new Set<string>()
  for (const res of delegates) {
    const name = ctx.secretByDelegate.get(res.ref.name ?? 'delegate')
    if (name === undefined) continue
    const namespace = res.ref.namespace
    const id = `${namespace ?? ''}/${name}`
    if (done.has(id)) continue
    done.add(id)
    const existing = ctx.resources.find(
      (r) => r.ref.kind === 'Secret' && r.ref.name === name && (r.ref.namespace ?? namespace) === namespace,
    )
    if (existing) {
      const ectx = editContext(ctx, existing)
      const dataNode = lookup(existing.doc.contents, ['data'])
      const missing: [string, string][] = []
      for (const key of [CLIENT_CERT_KEY, CLIENT_KEY_KEY]) {
        const node = isMap(dataNode) ? dataNode.get(key, true) : undefined
        const want = data[key]!
        if (isScalar(node)) {
          if (node.value !== want) {
            plan(ctx, existing.ref, 'set', ['data', key], ['data', key], { before: redact(node.value), after: REDACTED }, `fill in the client ${key === CLIENT_KEY_KEY ? 'key' : 'certificate'}`, [setScalar(ectx, node as Scalar, want)])
            ctx.edits[ctx.edits.length - 1]!.value = want
          }
        } else missing.push([key, want])
      }
      if (missing.length > 0) {
        const pairs = missing.map(([k, v]) => [k, scalar(v)] as [string, ReturnType<typeof scalar>])
        const splice = isMap(dataNode)
          ? addPairs(ectx, dataNode, pairs, layoutFor(ectx.unit, true))
          : addPairs(ectx, existing.doc.contents as Parameters<typeof addPairs>[1], [['data', map(...pairs)]], layoutFor(ectx.unit, true))
        missing.forEach(([key, value], i) => {
          plan(ctx, existing.ref, 'add', ['data', key], ['data', key], { after: REDACTED }, 'add the client certificate data', i === 0 ? [splice] : [])
          ctx.edits[ctx.edits.length - 1]!.value = value
        })
      }
      continue
    }
    const text = renderSecretManifest(namespace === undefined ? { name, ...material } : { name, namespace, ...material }, ctx.eol as '\n' | '\r\n')
    const at = res.doc.range[0]
    const marker = ctx.src.startsWith('---', at)
    const ref = { document: res.ref.document, kind: 'Secret', name, ...(namespace === undefined ? {} : { namespace }) }
    const value = { apiVersion: 'v1', data, kind: 'Secret', metadata: { name, ...(namespace === undefined ? {} : { namespace }) }, type: 'Opaque' }
    plan(ctx, ref, 'insert', [], [], { after: { ...value, data: { [CLIENT_CERT_KEY]: REDACTED, [CLIENT_KEY_KEY]: REDACTED } } }, `the client certificate Secret ${name}, before the Deployment that mounts it`, [insertAt(at, marker ? `---${ctx.eol}${text}` : `${text}---${ctx.eol}`)])
    const edit = ctx.edits[ctx.edits.length - 1]!
    edit.value = value
    edit.insertBefore = res.ref.document
  }
}

/** Placeholders (`{CERT}`) may be shown; real data never. */
const redact = (value: unknown) => (typeof value === 'string' && isPlaceholderSecretData(value) ? value : REDACTED)
