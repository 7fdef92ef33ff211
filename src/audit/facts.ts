import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml'
import type { Resource } from '../resources/classify.js'
import { composeEnv, type ComposeService } from '../resources/compose.js'
import { findItem, lookup, stringAt } from '../yaml/lookup.js'
import {
  CERT_FILE,
  certEnvNamesFor,
  managerEnvNames,
  VOLUME_NAME,
  type DelegateKind,
} from '../resources/wanted-state.js'
import { composeVolumes } from '../mtls/plan-compose.js'
import { certificateInfo, certificateInfoFromBase64 } from '../resources/certificate-info.js'
import { sameNamespace } from '../resources/namespace.js'

/** Where a delegate's MANAGER_HOST_AND_PORT comes from, and its value when it can be read. */
export interface EndpointSource {
  value?: string
  /** e.g. `env`, `ConfigMap minimal-delegate`, or why it cannot be read. */
  from: string
  /** The value lives somewhere outside the audited files. */
  unresolved: boolean
}

/** A kind's certificate and key path vars, old names included: any of them means a migration was begun. */
const certEnvOf = (kind: DelegateKind) => [...certEnvNamesFor(kind, 'certificate'), ...certEnvNamesFor(kind, 'key')]

/** A ConfigMap key among the audited resources, in the same namespace (src/resources/namespace.ts). */
function configMapValue(
  resources: Resource[],
  name: string,
  namespace: string | undefined,
  key: string,
): { found: boolean; value?: string } {
  const cm = resources.find(
    (r) => r.ref.kind === 'ConfigMap' && r.ref.name === name && sameNamespace(r.ref.namespace, namespace),
  )
  if (!cm) return { found: false }
  const v = lookup(cm.doc.contents, ['data', key])
  return isScalar(v) && v.value !== null ? { found: true, value: String(v.value) } : { found: true }
}

/** A container env var's value: inline, through valueFrom configMapKeyRef, or through envFrom configMapRef. */
export function containerEnv(
  resources: Resource[],
  container: YAMLMap,
  namespace: string | undefined,
  name: string,
): EndpointSource {
  const env = container.get('env', true)
  const entry = findItem(env, 'name', name)
  if (entry) {
    const value = entry.node.get('value', true)
    if (isScalar(value) && value.value !== null) return { value: String(value.value), from: 'env', unresolved: false }
    const ref = lookup(entry.node, ['valueFrom', 'configMapKeyRef'])
    const cmName = stringAt(ref, 'name')
    const cmKey = stringAt(ref, 'key')
    if (cmName && cmKey) {
      const got = configMapValue(resources, cmName, namespace, cmKey)
      if (got.value !== undefined) return { value: got.value, from: `ConfigMap ${cmName}`, unresolved: false }
      return { from: `ConfigMap ${cmName} (not among the audited files)`, unresolved: !got.found }
    }
    return { from: 'valueFrom (not readable here)', unresolved: true }
  }
  const envFrom = container.get('envFrom', true)
  const unseen: { name: string; optional: boolean }[] = []
  if (isSeq(envFrom)) {
    for (const item of envFrom.items) {
      const cmName = stringAt(lookup(item, ['configMapRef']), 'name')
      if (!cmName) continue
      const got = configMapValue(resources, cmName, namespace, name)
      if (got.value !== undefined) return { value: got.value, from: `ConfigMap ${cmName}`, unresolved: false }
      if (!got.found)
        unseen.push({ name: cmName, optional: lookup(item, ['configMapRef', 'optional'])?.toJSON() === true })
    }
  }
  // Name the required ConfigMaps (the chart's own); optional ones (proxy, certificates) only when there is nothing
  // else.
  const named = unseen.some((u) => !u.optional) ? unseen.filter((u) => !u.optional) : unseen
  if (named.length > 0)
    return { from: `ConfigMap ${named.map((u) => u.name).join(', ')} (not among the audited files)`, unresolved: true }
  return { from: 'missing', unresolved: false }
}

/**
 * Where a delegate of a kind reads its endpoint: the first of the kind's endpoint vars (Delegate 3.x: either
 * of its two names) that the container sets, inline or through a ConfigMap.
 */
export function delegateEndpoint(
  resources: Resource[],
  container: YAMLMap,
  namespace: string | undefined,
  kind: DelegateKind,
): EndpointSource & { name: string } {
  const names = managerEnvNames(kind)
  for (const name of names) {
    const source = containerEnv(resources, container, namespace, name)
    if (source.from !== 'missing') return { ...source, name }
  }
  return { ...containerEnv(resources, container, namespace, names[0]!), name: names[0]! }
}

/** The mTLS pieces a Kubernetes delegate already has. */
export function podFacts(
  pod: YAMLMap,
  container: YAMLMap,
  kind: DelegateKind = 'classic',
): { secretName?: string; mountPath?: string; certEnv?: string; any: boolean } {
  const volume = findItem(pod.get('volumes', true), 'name', VOLUME_NAME)
  const mount = findItem(container.get('volumeMounts', true), 'name', VOLUME_NAME)
  const env = container.get('env', true)
  const cert = certEnvNamesFor(kind, 'certificate')
    .map((n) => findItem(env, 'name', n))
    .find((f) => f !== undefined)
  const certEnv = cert ? stringAt(cert.node, 'value') : undefined
  const out: { secretName?: string; mountPath?: string; certEnv?: string; any: boolean } = {
    any: Boolean(volume || mount || certEnvOf(kind).some((n) => findItem(env, 'name', n))),
  }
  const secretName = volume ? stringAt(lookup(volume.node, ['secret']), 'secretName') : undefined
  if (secretName) out.secretName = secretName
  // A file mounted on its own (subPath) sits in the directory the delegate's paths point into.
  // As the kubelet compares paths: `/etc/mtls/` is `/etc/mtls`.
  const mounted = mount ? stringAt(mount.node, 'mountPath')?.replace(/(.)\/+$/, '$1') : undefined
  // …unless it is mounted at the directory the env vars point into (a file there hides them: the planner says so).
  const atDirectory = certEnv !== undefined && mounted === dirname(certEnv)
  const mountPath = mounted && mount!.node.has('subPath') && !atDirectory ? dirname(mounted) : mounted
  if (mountPath) out.mountPath = mountPath
  if (certEnv) out.certEnv = certEnv
  return out
}

/** The mTLS pieces a compose delegate service already has. */
export function composeFacts(s: ComposeService): {
  endpointName: string
  endpoint?: string
  passthrough: boolean
  certEnv?: string
  certSource?: string
  mountDir?: string
  any: boolean
} {
  const kind = s.delegateKind ?? 'classic'
  const entries = composeEnv(s.node).entries
  const managers = managerEnvNames(kind)
  const host = managers.map((n) => entries.find((e) => e.name === n)).find((e) => e !== undefined)
  const cert = entries.find((e) => certEnvNamesFor(kind, 'certificate').includes(e.name))
  const volumes = composeVolumes(s.node)
  const certVolume =
    volumes.find((v) => v.target.endsWith(`/${CERT_FILE}`)) ??
    volumes.find((v) => cert?.value !== undefined && v.target === dirname(cert.value))
  const out: {
    endpointName: string
    endpoint?: string
    passthrough: boolean
    certEnv?: string
    certSource?: string
    mountDir?: string
    any: boolean
  } = {
    endpointName: host?.name ?? managers[0]!,
    passthrough:
      Boolean(host && (host.value === undefined || /\$\{?[A-Za-z_]/.test(host.value))) ||
      (!host && s.node.has('env_file')),
    any: Boolean(
      cert ||
      entries.some((e) => certEnvOf(kind).includes(e.name)) ||
      volumes.some((v) => /\/client\.(crt|key)$/.test(v.target)),
    ),
  }
  if (host?.value !== undefined) out.endpoint = host.value
  if (cert?.value) out.certEnv = cert.value
  if (certVolume?.source !== undefined) out.certSource = certVolume.source
  if (certVolume)
    out.mountDir = certVolume.target.endsWith(`/${CERT_FILE}`) ? dirname(certVolume.target) : certVolume.target
  return out
}

export const dirname = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) || '/' : p)

/** The pod and delegate container of a Deployment resource. */
export function podAndContainer(res: Resource & { podPath: (string | number)[]; container: number }): {
  pod: YAMLMap
  container: YAMLMap
} {
  const pod = lookup(res.doc.contents, res.podPath) as unknown as YAMLMap
  const containers = pod.get('containers', true)
  const container = (isSeq(containers) ? containers.items[res.container] : undefined) as YAMLMap
  return { pod, container: isMap(container) ? container : (pod as YAMLMap) }
}

/** The client certificate a delegate's Secret holds, when that Secret and its data are among the audited files. */
export interface SecretCertificate {
  /** Where it was read: `Secret client-certificate, data.client.crt`. */
  from: string
  notAfter: Date
}

/**
 * Reads the certificate out of Secret `name` in `namespace` (src/resources/namespace.ts): `stringData` first (it wins
 * when applied), then base64 `data`; `client.crt`, else the `tls.crt` of a cert-manager (kubernetes.io/tls) Secret.
 */
export function secretCertificate(
  resources: Resource[],
  name: string,
  namespace: string | undefined,
): SecretCertificate | undefined {
  const secret = resources.find(
    (r) => r.ref.kind === 'Secret' && r.ref.name === name && sameNamespace(r.ref.namespace, namespace),
  )
  if (!secret) return undefined
  for (const key of [CERT_FILE, 'tls.crt']) {
    for (const [field, read] of [
      ['stringData', certificateInfo],
      ['data', certificateInfoFromBase64],
    ] as const) {
      const v = lookup(secret.doc.contents, [field, key])
      if (!isScalar(v) || typeof v.value !== 'string') continue
      const info = read(v.value)
      if (info) return { from: `Secret ${name}, ${field}.${key}`, notAfter: info.notAfter }
    }
  }
  return undefined
}
