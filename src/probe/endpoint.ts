import { isIP } from 'node:net'

/** `--endpoint`: an https URL, or a bare host[:port]. Returns host and port, or why it is refused. */
export function parseProbeEndpoint(text: string): { host: string; port: number } | string {
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    return `--endpoint "${text}" is not a URL: expected https://host[:port]`
  }
  if (url.protocol !== 'https:') return `--endpoint "${text}": expected an https:// URL (mTLS is TLS)`
  if (url.hostname === '') return `--endpoint "${text}": no host`
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  return { host, port: url.port === '' ? 443 : Number(url.port) }
}

/**
 * The proxy for `host` from HTTPS_PROXY (or https_proxy), unless NO_PROXY (or no_proxy) names it, as curl and
 * the delegate's HTTP clients read them: `*` for every host, `.example.com` or `example.com` for the domain and
 * its subdomains, an optional `:port`.
 */
export function proxyFor(
  host: string,
  port: number,
  env: Record<string, string | undefined>,
): { host: string; port: number; auth?: string; shown: string } | string | undefined {
  const value = env.HTTPS_PROXY || env.https_proxy
  if (!value) return undefined
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(/[\s,]+/).filter((s) => s !== '')
  const name = host.toLowerCase()
  for (const entry of noProxy) {
    if (entry === '*') return undefined
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase())!
    const domain = m[1]!.replace(/^\*?\./, '').replace(/^\[(.*)\]$/, '$1')
    if (m[2] !== undefined && Number(m[2]) !== port) continue
    if (name === domain || (!isIP(name) && name.endsWith(`.${domain}`))) return undefined
  }
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`)
  } catch {
    return `HTTPS_PROXY "${value}" is not a URL: expected http://host:port`
  }
  if (url.protocol !== 'http:') return `HTTPS_PROXY "${value}": only an http:// proxy (HTTP CONNECT) is supported`
  const auth =
    url.username === '' ? undefined : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
  const proxyHost = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const proxyPort = url.port === '' ? 80 : Number(url.port)
  return { host: proxyHost, port: proxyPort, ...(auth ? { auth } : {}), shown: `http://${url.host}` }
}
