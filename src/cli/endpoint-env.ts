/**
 * The endpoint the environment gives: Argo CD passes an Application's plugin env prefixed
 * ARGOCD_ENV_, and that one, set per Application, wins over DELEGATE_MTLS_ENDPOINT, set per machine
 * or sidecar. Empty is unset.
 */
export function endpointFromEnv(env: Record<string, string | undefined>): string | undefined {
  return env.ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT || env.DELEGATE_MTLS_ENDPOINT || undefined
}
