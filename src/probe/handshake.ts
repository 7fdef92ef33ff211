/**
 * What the server's TLS 1.2 handshake shows in the clear: whether it asks for a client certificate
 * (CertificateRequest, RFC 5246 section 7.4.4) and the CAs it names. Under TLS 1.3 everything after ServerHello is
 * encrypted, so neither is known (null). Reads the server's bytes as they arrive, never changes them.
 */
export class HandshakeWatcher {
  /** True or false once the server's first flight ended (ServerHelloDone); null while unknown. */
  requested: boolean | null = null
  /** The CAs named in the CertificateRequest (one string per name, `O=..., CN=...`), when it was seen. */
  cas: string[] | null = null
  private records = Buffer.alloc(0)
  private messages = Buffer.alloc(0)
  private done = false

  feed(bytes: Buffer): void {
    if (this.done) return
    this.records = Buffer.concat([this.records, bytes])
    while (!this.done && this.records.length >= 5) {
      const length = this.records.readUInt16BE(3)
      if (this.records.length < 5 + length) return
      const type = this.records[0]
      const body = this.records.subarray(5, 5 + length)
      this.records = this.records.subarray(5 + length)
      // Anything but a plaintext handshake record (ChangeCipherSpec, encrypted data, an alert) ends what can be read.
      if (type !== 22) this.stop()
      else this.handshake(body)
    }
  }

  private stop(): void {
    this.done = true
    this.records = this.messages = Buffer.alloc(0)
  }

  private handshake(body: Buffer): void {
    this.messages = Buffer.concat([this.messages, body])
    while (!this.done && this.messages.length >= 4) {
      const length = this.messages.readUIntBE(1, 3)
      if (this.messages.length < 4 + length) return
      const type = this.messages[0]
      const message = this.messages.subarray(4, 4 + length)
      this.messages = this.messages.subarray(4 + length)
      if (type === 13) {
        this.requested = true
        this.cas = certificateAuthorities(message)
      } else if (type === 14) {
        this.requested ??= false
        this.stop()
      }
    }
  }
}

/** The certificate_authorities of a TLS 1.2 CertificateRequest, or null when the message does not parse. */
function certificateAuthorities(m: Buffer): string[] | null {
  try {
    let i = 1 + m[0]!
    i += 2 + m.readUInt16BE(i)
    const end = i + 2 + m.readUInt16BE(i)
    i += 2
    const out: string[] = []
    while (i < end) {
      const length = m.readUInt16BE(i)
      out.push(distinguishedName(m.subarray(i + 2, i + 2 + length)))
      i += 2 + length
    }
    return i === end ? out : null
  } catch {
    return null
  }
}

const ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
}

/** A DER Name as Node's X509Certificate prints a subject, its parts joined by ", ". */
function distinguishedName(der: Buffer): string {
  const parts: string[] = []
  const name = tlv(der, 0)
  for (let s = name.start; s < name.end;) {
    const set = tlv(der, s)
    for (let a = set.start; a < set.end;) {
      const pair = tlv(der, a)
      const oid = tlv(der, pair.start)
      const value = tlv(der, oid.end)
      const id = objectIdentifier(der.subarray(oid.start, oid.end))
      const bytes = der.subarray(value.start, value.end)
      const text = value.tag === 0x1e ? Buffer.from(bytes).swap16().toString('utf16le') : bytes.toString('utf8')
      parts.push(`${ATTRIBUTES[id] ?? id}=${text}`)
      a = pair.end
    }
    s = set.end
  }
  return parts.join(', ')
}

function tlv(der: Buffer, at: number): { tag: number; start: number; end: number } {
  const tag = der[at]!
  let length = der[at + 1]!
  let start = at + 2
  if (length & 0x80) {
    const n = length & 0x7f
    if (n === 0 || n > 3) throw new Error('DER length')
    length = der.readUIntBE(start, n)
    start += n
  }
  if (start + length > der.length) throw new Error('DER overrun')
  return { tag, start, end: start + length }
}

function objectIdentifier(bytes: Buffer): string {
  const first = bytes[0]!
  const arcs = [Math.min(2, Math.floor(first / 40)), first - 40 * Math.min(2, Math.floor(first / 40))]
  let value = 0
  for (const b of bytes.subarray(1)) {
    value = value * 128 + (b & 0x7f)
    if (!(b & 0x80)) {
      arcs.push(value)
      value = 0
    }
  }
  return arcs.join('.')
}
