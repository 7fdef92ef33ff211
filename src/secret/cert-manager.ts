/**
 * A cert-manager `Certificate` (cert-manager.io/v1) for the delegate's client certificate: cert-manager issues it,
 * renews it, and stores it in the Secret the delegate mounts. The delegate needs a PKCS#8 key (it cannot load
 * cert-manager's default, PKCS#1) and a certificate allowed for TLS client authentication.
 */
import { yamlString } from '../resources/secret-manifest.js'

export interface CertificateSpec {
  /** The Certificate's name and its `secretName`. */
  name: string
  namespace?: string
  issuer: string
  issuerKind: 'Issuer' | 'ClusterIssuer'
  /** Go durations (`2160h`): the certificate's lifetime, and how long before its end it is renewed. */
  duration: string
  renewBefore: string
  commonName: string
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

/** A Go duration (`2160h`, `1h30m`) in milliseconds, as cert-manager reads it; undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/.test(text)) return undefined
  let total = 0
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g)) total += Number(m[1]) * UNIT_MS[m[2]!]!
  return total
}

/** The Certificate manifest, keys in the order a reader looks for them; `eol` ends every line. */
export function renderCertificate(spec: CertificateSpec, eol: '\n' | '\r\n' = '\n'): string {
  const lines = [
    `# cert-manager writes Secret ${spec.name} as type kubernetes.io/tls (tls.crt, tls.key, ca.crt); the delegate`,
    '# reads client.crt and client.key: delegate-mtls maps them in the volume when this Certificate is in its input.',
    'apiVersion: cert-manager.io/v1',
    'kind: Certificate',
    'metadata:',
    `  name: ${yamlString(spec.name)}`,
    ...(spec.namespace ? [`  namespace: ${yamlString(spec.namespace)}`] : []),
    'spec:',
    `  secretName: ${yamlString(spec.name)}`,
    `  commonName: ${yamlString(spec.commonName)}`,
    `  duration: ${spec.duration}`,
    `  renewBefore: ${spec.renewBefore}`,
    '  privateKey:',
    '    algorithm: RSA',
    '    size: 2048',
    "    # PKCS8, not cert-manager's default PKCS1: the delegate cannot load a PKCS#1 key.",
    '    encoding: PKCS8',
    '  usages:',
    '    - digital signature',
    '    - key encipherment',
    '    - client auth',
    '  issuerRef:',
    `    name: ${yamlString(spec.issuer)}`,
    `    kind: ${spec.issuerKind}`,
    '    group: cert-manager.io',
  ]
  return lines.join(eol) + eol
}
