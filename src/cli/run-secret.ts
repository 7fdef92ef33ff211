import { UsageError } from '../errors.js'
import type { SecretArgs } from './args.js'
import type { Io } from './io.js'
import { loadCertificate } from './load-certificate.js'
import { isNamespaceName, isSecretName } from '../secret/secret-name.js'

/**
 * `delegate-mtls secret`: the client certificate Secret alone, checked first. Same content as
 * `kubectl create secret generic S --from-file=client.crt=… --from-file=client.key=… --dry-run=client -o yaml`.
 */
export async function runSecret(args: SecretArgs, io: Io): Promise<0 | 1 | 2> {
  if (!isSecretName(args.name)) throw new UsageError(`--name "${args.name}" is not a valid Kubernetes Secret name`)
  if (args.namespace !== undefined && !isNamespaceName(args.namespace))
    throw new UsageError(
      `-n "${args.namespace}" is not a Kubernetes namespace: expected a DNS-1123 label, at most 63 lower-case ` +
        "letters, digits and '-', starting and ending with a letter or digit",
    )
  if (args.certManager) return printCertificate(args, args.certManager, io)
  const pems = await loadCertificate(
    { cert: args.cert!, key: args.key!, ...(args.ca === undefined ? {} : { ca: args.ca }) },
    io,
  )
  if (!pems) return 2
  const { renderSecretManifest } = await import('../secret/render-secret.js')
  io.stdout.write(
    renderSecretManifest({ name: args.name, ...(args.namespace ? { namespace: args.namespace } : {}), ...pems }),
  )
  return 0
}

/** `--cert-manager-issuer`: the Certificate cert-manager turns into the Secret, checked before it is printed. */
async function printCertificate(args: SecretArgs, cm: NonNullable<SecretArgs['certManager']>, io: Io): Promise<0> {
  const { parseGoDuration, renderCertificate } = await import('../secret/cert-manager.js')
  if (!isSecretName(cm.issuer))
    throw new UsageError(`--cert-manager-issuer "${cm.issuer}" is not a valid Kubernetes object name`)
  const duration = parseGoDuration(cm.duration)
  const renewBefore = parseGoDuration(cm.renewBefore)
  for (const [flag, value, ms] of [
    ['--duration', cm.duration, duration],
    ['--renew-before', cm.renewBefore, renewBefore],
  ] as const) {
    if (ms === undefined) throw new UsageError(`${flag} "${value}" is not a duration: expected e.g. 2160h or 90m`)
  }
  // cert-manager refuses both: a certificate shorter than an hour, and one renewed before it is even issued.
  if (duration! < 3_600_000) throw new UsageError(`--duration ${cm.duration} is under 1h, which cert-manager refuses`)
  if (renewBefore! >= duration!)
    throw new UsageError(`--renew-before ${cm.renewBefore} must be shorter than --duration ${cm.duration}`)
  io.stdout.write(
    renderCertificate({
      name: args.name,
      ...(args.namespace ? { namespace: args.namespace } : {}),
      issuer: cm.issuer,
      issuerKind: cm.issuerKind,
      duration: cm.duration,
      renewBefore: cm.renewBefore,
      commonName: 'harness-delegate',
    }),
  )
  return 0
}
