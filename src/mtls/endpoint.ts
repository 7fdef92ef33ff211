import { UsageError } from '../errors.js'

const FORM = 'an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443 or https://acme.agent.harness.io'

/**
 * SPEC §1: `E` is `https://host[:port]`; a trailing `/` is dropped. The delegate appends `/api/`,
 * `/log-service/` … itself, so a path (even an account prefix like `/gratis`) is refused.
 */
export function normalizeEndpoint(input: string): string {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    throw new UsageError(`--endpoint "${input}" is not a URL; expected ${FORM}`)
  }
  const problem =
    url.protocol !== 'https:' ? `uses ${url.protocol.replace(/:$/, '')}, not https`
    : !url.hostname ? 'has no host'
    : url.username || url.password ? 'carries credentials'
    : url.pathname !== '/' && url.pathname !== '' ? `has a path (${url.pathname}); the delegate adds /api/ and /log-service/ itself`
    : url.search || input.includes('?') ? 'has a query'
    : url.hash || input.includes('#') ? 'has a fragment'
    : undefined
  if (problem) throw new UsageError(`--endpoint "${input}" ${problem}; expected ${FORM}`)
  return `https://${url.host}`
}
