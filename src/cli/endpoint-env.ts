/** The environment variables that may hold the mTLS endpoint, the first set one winning. */
export type EndpointVariable = 'ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT' | 'DELEGATE_MTLS_ENDPOINT'

/**
 * The endpoint the environment gives, and the variable it came from (messages name it): Argo CD passes an
 * Application's plugin env prefixed ARGOCD_ENV_, and that one, set per Application, wins over
 * DELEGATE_MTLS_ENDPOINT, set per machine or sidecar. Empty is unset.
 */
export function endpointFromEnv(
  env: Record<string, string | undefined>,
): { endpoint: string; from: EndpointVariable } | undefined {
  for (const from of ['ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT', 'DELEGATE_MTLS_ENDPOINT'] as const)
    if (env[from]) return { endpoint: env[from], from }
  return undefined
}
