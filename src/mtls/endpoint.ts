import { UsageError } from '../errors.js'

const FORM =
  'an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443 ' +
  'or https://acme.agent.harness.io'

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
 * the URL and shows the `form` expected. The raw text is checked, not only what `new URL` makes of it:
 * a WHATWG parser quietly turns `https://127.1` and `https://0x7f000001` into 127.0.0.1, drops tabs and
 * newlines, reads `\` as `/`, decodes `%2E` in a host and takes `https:host` for `https://host`; the
 * manifest would then point somewhere the user never wrote.
 */
export function parseUrlOption(input: string, flag: string, form: string, rules: UrlRules): URL {
  const text = input.trim()
  const refuse = (problem: string): never => {
    throw new UsageError(`${flag} ${JSON.stringify(input)} ${problem}; expected ${form}`)
  }
  const raw = /^([A-Za-z][A-Za-z0-9+.-]*:)\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/s.exec(text)
  if (!raw) return refuse('is not a URL')
  const [, scheme, authority, path, query, fragment] = raw as unknown as [
    string,
    string,
    string,
    string,
    string?,
    string?,
  ]
  if (!rules.schemes.includes(scheme.toLowerCase()))
    refuse(`uses ${scheme.slice(0, -1).toLowerCase()}, not ${rules.schemesText}`)
  if (authority.includes('@')) refuse('carries credentials')
  const hostPort = /^(\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/s.exec(authority)
  if (!hostPort) return refuse(`has the host ${JSON.stringify(authority)}, not a host name or an IPv6 address`)
  const [, host, port] = hostPort as unknown as [string, string, string?]
  if (host === '') refuse('has no host')
  const hostProblem = checkHost(host)
  if (hostProblem) refuse(hostProblem)
  if (port !== undefined) {
    if (!/^[0-9]+$/.test(port)) refuse(port === '' ? 'has an empty port' : `has the port "${port}", not a number`)
    if (!(Number(port) >= 1 && Number(port) <= 65535)) refuse(`has the port ${port}; a port is 1 to 65535`)
  }
  if (rules.refusePath && path !== '' && path !== '/') refuse(`has a path (${path}); ${rules.refusePath}`)
  const pathProblem = checkPath(path)
  if (pathProblem) refuse(pathProblem)
  if (query !== undefined) refuse('has a query')
  if (fragment !== undefined) refuse('has a fragment')
  try {
    return new URL(text)
  } catch {
    return refuse('is not a URL')
  }
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
const OCTET = /^(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/

/** What is wrong with a URL's host as written, if anything: a DNS name, a dotted-quad IPv4 or a bracketed IPv6. */
function checkHost(host: string): string | undefined {
  if (host.startsWith('['))
    return /^\[[0-9A-Fa-f:.]+\]$/.test(host) ? undefined : `has the host ${host}, not an IPv6 address`
  const labels = host.split('.')
  // WHATWG reads a host whose last label is a number (decimal, 0x hex, 0-led octal) as IPv4, in any of its
  // shorthands: only the four plain decimal numbers say what they mean.
  if (/^(?:[0-9]+|0[xX][0-9A-Fa-f]*)$/.test(labels[labels.length - 1]!)) {
    return labels.length === 4 && labels.every((l) => OCTET.test(l))
      ? undefined
      : `has the numeric host ${host}, which URL parsers read as an IPv4 shorthand; write the ` +
          `address as four decimal numbers (a.b.c.d) or use a host name`
  }
  if (!labels.every((l) => LABEL.test(l)))
    return (
      `has the host ${JSON.stringify(host)}, not a host name (letters, digits and '-' in ` +
      `dot-separated labels; an IDN in its xn-- form)`
    )
  return undefined
}

/** What is wrong with a URL's path as written, if anything: encoded, dot or empty segments, characters URLs escape. */
function checkPath(path: string): string | undefined {
  if (path.includes('%')) return `has an encoded path (${path}); write the path without %-escapes`
  const segments = path.replace(/\/+$/, '').split('/').slice(1)
  if (segments.some((s) => s === '.' || s === '..')) return `has "." or ".." in its path (${path})`
  if (segments.some((s) => s === '')) return `has an empty segment in its path (${path})`
  if (!segments.every((s) => /^[A-Za-z0-9._~!$&'()*+,;=:@-]+$/.test(s)))
    return `has characters a URL path cannot hold as written (${JSON.stringify(path)})`
  return undefined
}

/**
 * SPEC §1: `E` is `https://host[:port]`; a trailing `/` is dropped. The delegate appends `/api/`,
 * `/log-service/` … itself, so a path (even an account prefix like `/gratis`) is refused.
 */
export function normalizeEndpoint(input: string, flag = '--endpoint'): string {
  const rules = {
    schemes: ['https:'],
    schemesText: 'https',
    refusePath: 'the delegate adds /api/ and /log-service/ itself',
  }
  return `https://${parseUrlOption(input, flag, FORM, rules).host}`
}
