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
  const pems = await loadCertificate(
    { cert: args.cert, key: args.key, ...(args.ca === undefined ? {} : { ca: args.ca }) },
    io,
  )
  if (!pems) return 2
  const { renderSecretManifest } = await import('../secret/render-secret.js')
  io.stdout.write(
    renderSecretManifest({ name: args.name, ...(args.namespace ? { namespace: args.namespace } : {}), ...pems }),
  )
  return 0
}
