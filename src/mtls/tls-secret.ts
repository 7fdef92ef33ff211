import { stringAt, lookup } from '../yaml/lookup.js'
import { findResource, GroupEscape } from './scope.js'
import type { PlanContext } from './types.js'
import { sameNamespace } from '../resources/namespace.js'

/** cert-manager writes these into the Secret of a Certificate (type kubernetes.io/tls); the delegate reads client.*. */
export const TLS_ITEMS: readonly (readonly [key: string, path: string])[] = [
  ['tls.crt', 'client.crt'],
  ['tls.key', 'client.key'],
]

const inNamespace = (r: { ref: { namespace?: string } }, namespace: string | undefined) =>
  sameNamespace(r.ref.namespace, namespace)

const isCertificate = (r: { ref: { kind: string } }) => r.ref.kind === 'Certificate'

/**
 * Why Secret `name` holds `tls.crt`/`tls.key` rather than `client.crt`/`client.key`, when the input shows it: a
 * `kubernetes.io/tls` Secret of that name, or a cert-manager Certificate whose `spec.secretName` is that name, in
 * the delegate's namespace. Undefined otherwise.
 */
export function tlsSecretSource(ctx: PlanContext, name: string, namespace: string | undefined): string | undefined {
  const secret = findResource(ctx, name, (r) => r.ref.kind === 'Secret' && inNamespace(r, namespace))
  if (secret && stringAt(secret.doc.contents, 'type') === 'kubernetes.io/tls')
    return `Secret ${name} is a kubernetes.io/tls Secret`
  // A Certificate is found by the Secret it names, not by its own name: in a group, every Certificate of the
  // namespace joins it (the few there are), so none is missed.
  if (ctx.scope) {
    ctx.scope.certificates ??= [...ctx.scope.byName.values()].flat().filter(isCertificate)
    const outside = ctx.scope.certificates.filter(
      (r) => inNamespace(r, namespace) && !ctx.scope!.members.has(r.ref.document),
    )
    if (outside.length > 0) throw new GroupEscape(outside.map((r) => r.ref.document))
  }
  const certificates = ctx.scope ? [...ctx.scope.members.values()] : ctx.resources
  const certificate = certificates.find(
    (r) =>
      isCertificate(r) &&
      /^cert-manager\.io\//.test(stringAt(r.doc.contents, 'apiVersion') ?? '') &&
      inNamespace(r, namespace) &&
      stringAt(lookup(r.doc.contents, ['spec']), 'secretName') === name,
  )
  return certificate
    ? `cert-manager Certificate ${certificate.ref.name ?? ''} writes Secret ${name} (kubernetes.io/tls)`
    : undefined
}
