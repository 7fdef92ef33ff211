/**
 * One HTTPS request to the mTLS endpoint, with or without the client certificate, and what it showed: the TLS
 * session, the server certificate, and the verdict in words. Only `node:net` and `node:tls`; nothing is retried.
 */
import { connect as netConnect, isIP, type Socket } from 'node:net'
import { Duplex } from 'node:stream'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'
import { HandshakeWatcher } from './handshake.js'
import type { ProbeAttempt, ProbeTarget } from './types.js'

/**
 * Connects (through `target.proxy` with HTTP CONNECT when given), presents `client` when given, sends
 * `GET /api/` and waits for the status line: under TLS 1.3 the server judges the client certificate after the
 * client's handshake is done, so only a response (or its absence) tells.
 */
export function probeOnce(
  target: ProbeTarget,
  client: { certPem: string; keyPem: string } | undefined,
): Promise<ProbeAttempt> {
  return new Promise((resolve) => {
    const attempt: ProbeAttempt = {
      outcome: 'unreachable',
      tls: null,
      server: null,
      requestedClientCertificate: null,
      acceptableCas: null,
      httpStatus: null,
      reason: null,
      code: null,
    }
    const watcher = new HandshakeWatcher()
    let raw: Socket | undefined
    let tls: TLSSocket | undefined
    let settled = false
    // Secrets are derived once the client has sent its certificate (TLS 1.2) or read the server's Finished
    // (TLS 1.3): a close after that is the server's answer to the certificate, one before it is not.
    let keyed = false
    const finish = (outcome: ProbeAttempt['outcome'], reason: string | null, code: string | null = null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      attempt.outcome = outcome
      attempt.reason = reason
      attempt.code = code
      attempt.requestedClientCertificate = watcher.requested
      attempt.acceptableCas = watcher.cas
      tls?.destroy()
      raw?.destroy()
      resolve(attempt)
    }
    const timer = setTimeout(
      () =>
        finish(
          'timeout',
          attempt.tls === null
            ? `no TLS session within ${target.timeoutMs / 1000} s`
            : `the server sent no response within ${target.timeoutMs / 1000} s`,
          'TIMEOUT',
        ),
      target.timeoutMs,
    )
    const { host, port } = target
    const startTls = (socket: Socket, first: Buffer) => {
      tls = tlsConnect({
        socket: tapped(socket, (bytes) => watcher.feed(bytes), first),
        host,
        // An IP address is no server name (RFC 6066): Node warns when one is given.
        ...(isIP(host) ? {} : { servername: host }),
        ...(client ? { cert: client.certPem, key: client.keyPem } : {}),
        ...(target.serverCaPem === undefined ? {} : { ca: target.serverCaPem }),
        // Judged below, so that the server certificate is reported even when it is not trusted.
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      })
      tls.once('keylog', () => (keyed = true))
      tls.once('secureConnect', () => {
        const s = tls!
        const cipher = s.getCipher()
        attempt.tls = { version: s.getProtocol() ?? cipher.version, cipher: cipher.standardName ?? cipher.name }
        const peer = s.getPeerX509Certificate()
        if (peer) attempt.server = { subject: oneLine(peer.subject), issuer: oneLine(peer.issuer) }
        if (!s.authorized) {
          const err = String(s.authorizationError)
          finish('untrusted-server', untrustedReason(err, target.serverCaPem !== undefined), err)
          return
        }
        s.write(
          `GET /api/ HTTP/1.1\r\nHost: ${hostHeader(host, port)}\r\nUser-Agent: ` +
            `delegate-mtls-probe\r\nConnection: close\r\n\r\n`,
        )
      })
      let head = ''
      tls.setEncoding('latin1')
      tls.on('data', (chunk: string) => {
        head += chunk
        const m = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(head)
        if (m) {
          attempt.httpStatus = Number(m[1])
          finish('accepted', null)
        } else if (head.length > 8192 || (head.length >= 5 && !/^HTTP\//.test(head.slice(0, 5)))) {
          finish('accepted', 'the server answered, but not with HTTP')
        }
      })
      tls.on('error', (e: NodeJS.ErrnoException) => failed(e, client !== undefined))
      tls.on('close', () => closed(client !== undefined))
    }
    const closed = (withCert: boolean) => {
      if (attempt.tls === null && !keyed)
        finish('unreachable', 'the connection closed during the TLS handshake', 'CLOSED')
      else
        finish(
          'rejected',
          withCert
            ? 'the server closed the connection without a response: it refused the client certificate'
            : 'the server closed the connection without a response: no client certificate was sent',
          'CLOSED',
        )
    }
    const failed = (e: NodeJS.ErrnoException, withCert: boolean) => {
      const code = e.code ?? 'ERROR'
      const alert = alertReason(code, withCert)
      if (alert) return finish('rejected', alert, code)
      if (code === 'ECONNRESET' && (attempt.tls !== null || keyed)) return closed(withCert)
      finish('unreachable', networkReason(e, target), code)
    }
    if (target.proxy === undefined) {
      raw = netConnect({ host, port })
      raw.once('error', (e: NodeJS.ErrnoException) => failed(e, client !== undefined))
      return startTls(raw, Buffer.alloc(0))
    }
    const proxy = target.proxy
    raw = netConnect({ host: proxy.host, port: proxy.port })
    const proxyError = (e: NodeJS.ErrnoException) =>
      finish('unreachable', `the proxy ${proxy.host}:${proxy.port}: ${networkReason(e, target)}`, e.code ?? 'ERROR')
    raw.on('error', proxyError)
    raw.once('connect', () => {
      const auth = proxy.auth ? `Proxy-Authorization: Basic ${Buffer.from(proxy.auth).toString('base64')}\r\n` : ''
      raw!.write(`CONNECT ${hostHeader(host, port)} HTTP/1.1\r\nHost: ${hostHeader(host, port)}\r\n${auth}\r\n`)
    })
    let reply = Buffer.alloc(0)
    const onData = (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk])
      const end = reply.indexOf('\r\n\r\n')
      if (end < 0) {
        if (reply.length > 16384) finish('unreachable', 'the proxy sent an endless response to CONNECT', 'PROXY')
        return
      }
      raw!.off('data', onData)
      const status = /^HTTP\/\d(?:\.\d)? (\d{3})[^\r\n]*/.exec(reply.toString('latin1'))
      if (!status || status[1] !== '200')
        return finish(
          'unreachable',
          `the proxy refused CONNECT: ${status ? status[0] : 'not an HTTP response'}`,
          'PROXY',
        )
      raw!.off('error', proxyError)
      raw!.on('error', (e: NodeJS.ErrnoException) => failed(e, client !== undefined))
      // Bytes past the proxy's response are the server's.
      startTls(raw!, reply.subarray(end + 4))
    }
    raw.on('data', onData)
    raw.once('end', () => finish('unreachable', 'the proxy closed the connection before answering CONNECT', 'PROXY'))
  })
}

/**
 * The socket as a stream the TLS layer reads through, so that the server's handshake bytes can be watched
 * (a net.Socket given to tls.connect is read natively, past any listener). `first`: bytes already read.
 */
function tapped(raw: Socket, watch: (bytes: Buffer) => void, first: Buffer): Duplex {
  const stream = new Duplex({
    read: () => void raw.resume(),
    write: (chunk: Buffer, _encoding, done) => void raw.write(chunk, done),
    final: (done) => {
      raw.end()
      done()
    },
    destroy: (err, done) => {
      raw.destroy()
      done(err)
    },
  })
  const take = (bytes: Buffer) => {
    watch(bytes)
    if (!stream.push(bytes)) raw.pause()
  }
  if (first.length > 0) take(first)
  raw.on('data', take)
  raw.once('end', () => stream.push(null))
  raw.once('close', () => stream.destroy())
  return stream
}

/** A TLS alert from the server, in words; undefined when the error is not one. */
function alertReason(code: string, withCert: boolean): string | undefined {
  if (/ALERT_CERTIFICATE_REQUIRED$/.test(code)) return 'no client certificate was sent, and the server requires one'
  if (/ALERT_UNKNOWN_CA$/.test(code)) return 'the server does not trust your CA (alert "unknown CA")'
  if (/ALERT_CERTIFICATE_EXPIRED$/.test(code)) return 'the server says the client certificate has expired'
  if (/ALERT_UNSUPPORTED_CERTIFICATE$/.test(code))
    return 'the server refuses the client certificate for this use (alert "unsupported certificate": clientAuth?)'
  if (/ALERT_BAD_CERTIFICATE$|ALERT_CERTIFICATE_UNKNOWN$/.test(code))
    return withCert
      ? 'the server refused the client certificate (alert "bad certificate": most often a CA it does not trust)'
      : 'no client certificate was sent, and the server requires one'
  if (/ALERT_HANDSHAKE_FAILURE$/.test(code))
    return withCert
      ? 'the server ended the handshake (alert "handshake failure")'
      : 'no client certificate was sent, and the server requires one (alert "handshake failure")'
  if (/ALERT_ACCESS_DENIED$/.test(code))
    return 'the server denied access to this client certificate (alert "access denied")'
  if (/ALERT_PROTOCOL_VERSION$/.test(code)) return 'no TLS version in common with the server'
  return undefined
}

function networkReason(e: NodeJS.ErrnoException, target: ProbeTarget): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'connection refused: nothing listens on that port'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${target.host} does not resolve`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the host'
    case 'ECONNRESET':
      return 'the connection was reset before the TLS handshake ended'
    default:
      return e.code ? `${e.code}: ${e.message}` : e.message
  }
}

function untrustedReason(err: string, withServerCa: boolean): string {
  if (/^ERR_TLS_CERT_ALTNAME_INVALID$|Hostname\/IP does not match/.test(err))
    return `the server certificate does not name this host (${err})`
  if (/CERT_HAS_EXPIRED/.test(err)) return 'the server certificate has expired'
  return withServerCa
    ? `the server certificate is not trusted: it does not chain to --server-ca (${err})`
    : `the server certificate is not trusted: pass --server-ca for a private CA (${err})`
}

const oneLine = (name: string) => name.split('\n').join(', ')
const hostHeader = (host: string, port: number) => `${isIP(host) === 6 ? `[${host}]` : host}:${port}`
