import { UsageError } from '../errors.js'

const FORM =
  'an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443 or https://acme.agent.harness.io'

/** What a URL option accepts. */
export interface UrlRules {
  /** Accepted schemes, with their colon (`https:`). */
  schemes: string[]
  /** How the schemes read in a message (`https`, `http(s)`). */
  schemesText: string
  /** Why a path is refused; undefined when a path is allowed. */
  refusePath?: string
}

/**
 * Parses the URL given to `flag`, or throws a UsageError that names the flag, says what is wrong with
 * the URL and shows the `form` expected.
 */
export function parseUrlOption(input: string, flag: string, form: string, rules: UrlRules): URL {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    throw new UsageError(`${flag} "${input}" is not a URL; expected ${form}`)
  }
  const problem = !rules.schemes.includes(url.protocol)
    ? `uses ${url.protocol.replace(/:$/, '')}, not ${rules.schemesText}`
    : !url.hostname
      ? 'has no host'
      : url.username || url.password
        ? 'carries credentials'
        : rules.refusePath && url.pathname !== '/' && url.pathname !== ''
          ? `has a path (${url.pathname}); ${rules.refusePath}`
          : url.search || input.includes('?')
            ? 'has a query'
            : url.hash || input.includes('#')
              ? 'has a fragment'
              : undefined
  if (problem) throw new UsageError(`${flag} "${input}" ${problem}; expected ${form}`)
  return url
}

/**
 * SPEC §1: `E` is `https://host[:port]`; a trailing `/` is dropped. The delegate appends `/api/`,
 * `/log-service/` … itself, so a path (even an account prefix like `/gratis`) is refused.
 */
export function normalizeEndpoint(input: string): string {
  const rules = {
    schemes: ['https:'],
    schemesText: 'https',
    refusePath: 'the delegate adds /api/ and /log-service/ itself',
  }
  return `https://${parseUrlOption(input, '--endpoint', FORM, rules).host}`
}
