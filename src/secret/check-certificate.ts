/**
 * Pre-flight checks of the client certificate and key the delegate will mount for mTLS.
 *
 * Only `node:crypto` is used. Every diagnostic has code `CERT` and names files by the name the
 * caller gave; no message ever carries key material, base64 of it, or parser output that could
 * (OpenSSL reason strings are filtered through {@link safeReason} all the same).
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto'
import type { Diagnostic } from '../errors.js'
import { isCertificateLabel, isPrivateKeyLabel, READABLE_KEY_LABELS, scanPem, type PemBlock } from './pem.js'

export interface CertificateInput {
  /** Content of the client certificate file (PEM; a chain is fine, the first certificate is the leaf). */
  certPem: string
  /** Content of the private key file (PEM, exactly one unencrypted private key). */
  keyPem: string
  /** Content of a CA certificate file (PEM, may be a bundle) the leaf should chain to. */
  caPem?: string
  /** File names as the user gave them; used in messages and `Diagnostic.file`. */
  certFile: string
  keyFile: string
  caFile?: string
  /** The moment validity is judged at; defaults to the current time. */
  now?: Date
}

/** A remark that needs no action (a key converted, text dropped): printed as `file: note: message`. */
export interface CertificateNote {
  file: string
  message: string
}

export interface CertificateCheck {
  errors: Diagnostic[]
  warnings: Diagnostic[]
  notes: CertificateNote[]
  /**
   * The key file's content as the delegate can load it, for the Secret: the file as given when it is one PKCS#8
   * RSA block and nothing else, otherwise that block alone, or the PKCS#1 key converted to PKCS#8. Undefined
   * when the key is refused.
   */
  keyPem?: string
  /** Subject of the leaf certificate as Node prints it (`CN=client`, one RDN per line). */
  subject?: string
  /** End of the leaf certificate's validity. */
  notAfter?: Date
}

import { EXPIRY_WARNING_DAYS } from '../resources/certificate-info.js'
export { EXPIRY_WARNING_DAYS }
/** Warn for RSA keys shorter than this. */
export const MIN_RSA_BITS = 2048

const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'
const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
}
const DAY_MS = 24 * 60 * 60 * 1000

export function checkClientCertificate(input: CertificateInput): CertificateCheck {
  const { certFile, keyFile } = input
  const caFile = input.caFile ?? 'the CA file'
  const now = input.now ?? new Date()
  const errors: Diagnostic[] = []
  const warnings: Diagnostic[] = []
  const notes: CertificateNote[] = []
  const note = (file: string, message: string): void => {
    notes.push({ file, message })
  }
  const error = (file: string, message: string): void => {
    errors.push({ code: 'CERT', severity: 'error', message, file })
  }
  const warn = (file: string, message: string): void => {
    warnings.push({ code: 'CERT', severity: 'warning', message, file })
  }

  // ---- Shape of the two files ------------------------------------------------------------
  const certScan = scanPem(input.certPem)
  const keyScan = scanPem(input.keyPem)
  for (const p of certScan.problems) error(certFile, `${certFile} is not well-formed PEM: ${p}`)
  for (const p of keyScan.problems) error(keyFile, `${keyFile} is not well-formed PEM: ${p}`)

  const certBlocks = certScan.blocks.filter((b) => isCertificateLabel(b.label))
  const keysInCertFile = certScan.blocks.filter((b) => isPrivateKeyLabel(b.label))
  const keyBlocks = keyScan.blocks.filter((b) => isPrivateKeyLabel(b.label))
  const certsInKeyFile = keyScan.blocks.filter((b) => isCertificateLabel(b.label))

  const swapped =
    certBlocks.length === 0 && keysInCertFile.length > 0 && keyBlocks.length === 0 && certsInKeyFile.length > 0
  if (swapped) {
    error(
      certFile,
      `${certFile} holds a private key and ${keyFile} holds a certificate: the certificate and key files ` +
        `look swapped (the certificate file must hold the CERTIFICATE, the key file the PRIVATE KEY)`,
    )
  } else {
    // Certificate file.
    if (certScan.blocks.length === 0) {
      error(certFile, notPemMessage(certFile, input.certPem, 'a "-----BEGIN CERTIFICATE-----" block', 'x509'))
    } else if (certBlocks.length === 0) {
      error(
        certFile,
        keysInCertFile.length > 0
          ? `${certFile} holds a private key (${labels(keysInCertFile)}) and no certificate; ` +
              `the certificate file must hold the client CERTIFICATE`
          : `${certFile} holds no CERTIFICATE block (found ${labels(certScan.blocks)})` +
              (certScan.blocks.some((b) => b.label.includes('CERTIFICATE REQUEST'))
                ? '; a certificate signing request must first be signed by your CA'
                : ''),
      )
    } else if (keysInCertFile.length > 0) {
      error(
        certFile,
        `${certFile} holds a private key (${labels(keysInCertFile)}) as well as the certificate; ` +
          `the certificate file is not secret and must hold only certificates — keep the key in ${keyFile} alone`,
      )
    }
    const otherInCertFile = certScan.blocks.filter((b) => !isCertificateLabel(b.label) && !isPrivateKeyLabel(b.label))
    if (certBlocks.length > 0 && otherInCertFile.length > 0) {
      warn(certFile, `${certFile} also holds ${labels(otherInCertFile)}, which is ignored`)
    }

    // Key file.
    if (keyScan.blocks.length === 0) {
      error(keyFile, notPemMessage(keyFile, input.keyPem, 'a "-----BEGIN PRIVATE KEY-----" block', 'pkey'))
    } else if (certsInKeyFile.length > 0) {
      error(
        keyFile,
        keyBlocks.length === 0
          ? `${keyFile} holds a certificate and no private key; the key file must hold the PRIVATE KEY ` +
              `that belongs to the certificate in ${certFile}`
          : `${keyFile} holds a certificate as well as the private key; the key file must hold only the ` +
              `PRIVATE KEY (the certificate goes in ${certFile})`,
      )
    } else if (keyBlocks.length === 0) {
      error(keyFile, `${keyFile} holds no private key (found ${labels(keyScan.blocks)})`)
    }
  }
  if (keyBlocks.length > 1) error(keyFile, manyKeysMessage(keyFile, certFile, keyBlocks, certBlocks[0]))

  // ---- The private key -------------------------------------------------------------------
  // The delegate's loader takes the key file trimmed, and it must then be one PKCS#8 "PRIVATE KEY" block holding
  // an RSA key: a PKCS#1 key is converted (losslessly), text around the block dropped, any other algorithm refused.
  let privateKey: KeyObject | undefined
  let keyPem: string | undefined
  if (keyBlocks.length === 1) {
    const block = keyBlocks[0] as PemBlock
    let key: KeyObject | undefined
    if (block.label === 'ENCRYPTED PRIVATE KEY' || block.procTypeEncrypted) {
      error(
        keyFile,
        `${keyFile} holds an encrypted private key; the delegate cannot read an encrypted key (it has no ` +
          `passphrase). Decrypt it first: openssl pkey -in ${shellQuote(keyFile)} -out ` +
          `${outName(keyFile, 'client.key', 'decrypted')}`,
      )
    } else if (!READABLE_KEY_LABELS.includes(block.label)) {
      error(
        keyFile,
        `${keyFile} holds a "${block.label}" block, a format the delegate cannot read; convert it to ` +
          `PKCS#8 with: openssl pkey -in ${shellQuote(keyFile)} -out ${outName(keyFile, 'client.key')}`,
      )
    } else {
      try {
        key = createPrivateKey({ key: block.text, format: 'pem' })
      } catch (e) {
        error(keyFile, `${keyFile}: the private key cannot be read${safeReason(e)}`)
      }
    }
    if (key !== undefined && key.asymmetricKeyType !== 'rsa') {
      error(keyFile, notRsaMessage(keyFile, key))
    } else if (key !== undefined) {
      privateKey = key
      // Java's String.trim() removes every character up to U+0020, and nothing else (not a byte order mark).
      const onlyBlock = /^[\u0000-\u0020]*$/.test(input.keyPem.replace(block.text, ''))
      if (block.label === 'RSA PRIVATE KEY') {
        keyPem = key.export({ type: 'pkcs8', format: 'pem' }) as string
        note(keyFile, 'converted the PKCS#1 RSA key to PKCS#8, the only form the delegate loads')
      } else {
        keyPem = onlyBlock ? input.keyPem : block.text + (block.text.includes('\r\n') ? '\r\n' : '\n')
      }
      if (!onlyBlock) {
        note(
          keyFile,
          'dropped the text around the private key (such as Bag Attributes lines): the delegate loads a key ' +
            'file that holds the PRIVATE KEY block alone',
        )
      }
    }
  }

  // ---- The certificate (chain) -----------------------------------------------------------
  const chain: X509Certificate[] = []
  let leafParsed = false
  certBlocks.forEach((block, i) => {
    try {
      chain.push(new X509Certificate(block.text))
      if (i === 0) leafParsed = true
    } catch (e) {
      error(
        certFile,
        i === 0
          ? `${certFile}: the first certificate cannot be parsed${safeReason(e)}`
          : `${certFile}: certificate #${i + 1} of the chain cannot be parsed${safeReason(e)}`,
      )
    }
  })
  const leaf = leafParsed ? chain[0] : undefined
  const result: CertificateCheck = { errors, warnings, notes }
  if (keyPem !== undefined) result.keyPem = keyPem
  if (!leaf) {
    if (privateKey) checkRsaSize(privateKey, keyFile, warn)
    return result
  }
  result.subject = leaf.subject
  const notBefore = new Date(leaf.validFrom)
  const notAfter = new Date(leaf.validTo)
  if (!Number.isNaN(notAfter.getTime())) result.notAfter = notAfter
  const who = describe(leaf)

  // Validity period.
  if (notBefore.getTime() > now.getTime()) {
    error(
      certFile,
      `the certificate in ${certFile} (${who}) is not valid yet: it becomes valid on ${isoDate(notBefore)}`,
    )
  }
  if (notAfter.getTime() < now.getTime()) {
    error(certFile, `the certificate in ${certFile} (${who}) expired on ${isoDate(notAfter)}`)
  } else if (notAfter.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS) {
    const days = Math.ceil((notAfter.getTime() - now.getTime()) / DAY_MS)
    warn(
      certFile,
      `the certificate in ${certFile} (${who}) expires on ${isoDate(notAfter)}, ` +
        `in ${days} day${days === 1 ? '' : 's'}; renew it before then`,
    )
  }

  // Which certificate of the chain the key belongs to: 0 the leaf (or no key to judge), -1 none, later a misordered
  // chain.
  const keyOwner = privateKey ? chain.findIndex((c) => c.checkPrivateKey(privateKey as KeyObject)) : 0
  // A chain given CA first is reported as misordered; its first certificate being a CA is the same mistake.
  if (leaf.ca && keyOwner <= 0) {
    error(
      certFile,
      `the certificate in ${certFile} (${who}) is a CA certificate (basicConstraints CA:TRUE), not a client ` +
        `certificate: give the certificate the CA issued for the delegate's key (the CA certificate goes in --ca)`,
    )
  }

  // Extended key usage. In Node, `X509Certificate.keyUsage` is the *extended* key usage list
  // (OIDs); it is undefined when the certificate has no EKU extension (which allows any use).
  const eku = leaf.keyUsage as string[] | undefined
  if (eku === undefined && !leaf.ca) {
    note(
      certFile,
      `the certificate in ${certFile} (${who}) has no extended key usage, which allows any use, TLS client ` +
        'authentication included',
    )
  } else if (eku !== undefined && !eku.includes(OID_CLIENT_AUTH)) {
    const has = eku.length > 0 ? eku.map((oid) => EKU_NAMES[oid] ?? oid).join(', ') : 'nothing'
    error(
      certFile,
      `the certificate in ${certFile} (${who}) is not allowed for TLS client authentication: its extended ` +
        `key usage lists ${has} but not clientAuth (${OID_CLIENT_AUTH})`,
    )
  }

  // Key strength and key/certificate match.
  checkRsaSize(privateKey ?? leaf.publicKey, privateKey ? keyFile : certFile, warn)
  if (keyOwner !== 0) {
    error(
      keyFile,
      keyOwner > 0
        ? `the private key in ${keyFile} does not belong to the first certificate in ${certFile} (${who}) but ` +
            `to certificate #${keyOwner + 1} of the chain; the client certificate must come first`
        : `the private key in ${keyFile} does not belong to the certificate in ${certFile} (${who}): ` +
            `their public keys differ`,
    )
  }

  // The CA.
  if (input.caPem !== undefined) checkCa(input.caPem, caFile, certFile, chain, error)
  return result
}

function checkCa(
  caPem: string,
  caFile: string,
  certFile: string,
  chain: X509Certificate[],
  error: (file: string, message: string) => void,
): void {
  const scan = scanPem(caPem)
  for (const p of scan.problems) error(caFile, `${caFile} is not well-formed PEM: ${p}`)
  const blocks = scan.blocks.filter((b) => isCertificateLabel(b.label))
  if (scan.blocks.some((b) => isPrivateKeyLabel(b.label))) {
    error(caFile, `${caFile} holds a private key; the CA file must hold only CA certificates`)
  }
  if (blocks.length === 0) {
    error(
      caFile,
      scan.blocks.length === 0
        ? notPemMessage(caFile, caPem, 'a "-----BEGIN CERTIFICATE-----" block', 'x509')
        : `${caFile} holds no CERTIFICATE block (found ${labels(scan.blocks)})`,
    )
    return
  }
  const cas: X509Certificate[] = []
  for (const [i, block] of blocks.entries()) {
    try {
      cas.push(new X509Certificate(block.text))
    } catch (e) {
      error(caFile, `${caFile}: certificate #${i + 1} cannot be parsed${safeReason(e)}`)
    }
  }
  if (cas.length === 0) return

  // Walk up from the leaf through the intermediates given in the certificate file until one of
  // the CA certificates is the issuer.
  const leaf = chain[0] as X509Certificate
  let current = leaf
  let issuer: X509Certificate | undefined
  const seen = new Set<X509Certificate>([leaf])
  for (;;) {
    issuer = cas.find((ca) => current.checkIssued(ca))
    if (issuer) break
    const next = chain.find((c) => !seen.has(c) && current.checkIssued(c))
    if (!next) break
    if (!current.verify(next.publicKey)) {
      error(
        certFile,
        `${certFile}: certificate ${describe(current)} is not signed by the next certificate of the chain ` +
          `(${describe(next)}), although the names match`,
      )
      return
    }
    seen.add(next)
    current = next
  }

  const what =
    current === leaf ? `the certificate in ${certFile}` : `the chain in ${certFile} (top: ${describe(current)})`
  if (!issuer) {
    const caNames = cas.map((c) => describe(c)).join('; ')
    const sameName = cas.some((c) => c.subject === current.issuer)
    error(
      certFile,
      `${what} was not issued by the CA in ${caFile}: it names issuer "${oneLine(current.issuer)}", ` +
        `${caFile} holds ${caNames}` +
        (sameName ? ' (the same name, but a different CA: the authority key identifiers differ)' : ''),
    )
  } else if (!current.verify(issuer.publicKey)) {
    error(
      certFile,
      `${what} is not signed by the CA in ${caFile} (${describe(issuer)}): the issuer name matches but the ` +
        `signature does not verify with that CA's key`,
    )
  }
  for (const ca of issuer ? [issuer] : cas) {
    if (!ca.ca) {
      error(
        caFile,
        `the certificate in ${caFile} (${describe(ca)}) is not a CA certificate (basicConstraints CA:TRUE is missing)`,
      )
    }
  }
}

const CURVE_NAMES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' }

/** What kind of (non-RSA) key this is, as a noun phrase: `an EC key (P-256)`. */
function keyKind(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve
      return curve === undefined ? 'an EC key' : `an EC key (${CURVE_NAMES[curve] ?? curve})`
    }
    case 'ed25519':
      return 'an Ed25519 key'
    case 'ed448':
      return 'an Ed448 key'
    case 'dsa':
      return 'a DSA key'
    case 'rsa-pss':
      return 'an RSA-PSS key (restricted to RSASSA-PSS, not a plain RSA key)'
    default:
      return `a key of type ${key.asymmetricKeyType ?? 'unknown'}`
  }
}

function notRsaMessage(keyFile: string, key: KeyObject): string {
  return (
    `${keyFile} holds ${keyKind(key)}; the delegate loads only RSA keys and fails at start-up with any other. ` +
    `Make an RSA key and have your CA issue a certificate for it: openssl genpkey -algorithm RSA -pkeyopt ` +
    `rsa_keygen_bits:2048 -out ${outName(keyFile, 'client.key', 'rsa')}`
  )
}

/** Why a key file with several keys is refused, and which one to keep when the certificate tells. */
function manyKeysMessage(
  keyFile: string,
  certFile: string,
  keyBlocks: readonly PemBlock[],
  certBlock: PemBlock | undefined,
): string {
  let owner = -1
  if (certBlock !== undefined) {
    try {
      const leaf = new X509Certificate(certBlock.text)
      owner = keyBlocks.findIndex((b) => {
        try {
          return leaf.checkPrivateKey(createPrivateKey({ key: b.text, format: 'pem' }))
        } catch {
          return false
        }
      })
    } catch {
      // An unreadable certificate is reported on its own; the advice below then names no key.
    }
  }
  const head =
    `${keyFile} holds ${keyBlocks.length} private keys; it must hold exactly one (the delegate fails at ` +
    `start-up on a key file with more). `
  if (owner === 0) {
    return (
      head +
      `Keep the first, the key of the certificate in ${certFile}: openssl pkey -in ${shellQuote(keyFile)} ` +
      `-out ${outName(keyFile, 'client.key')}`
    )
  }
  if (owner > 0)
    return head + `Keep key #${owner + 1}, the key of the certificate in ${certFile}, and remove the others`
  return head + `Keep only the key of the certificate in ${certFile}`
}

function checkRsaSize(key: KeyObject, file: string, warn: (file: string, message: string) => void): void {
  const type = key.asymmetricKeyType
  const bits = key.asymmetricKeyDetails?.modulusLength
  if ((type === 'rsa' || type === 'rsa-pss') && bits !== undefined && bits < MIN_RSA_BITS) {
    warn(file, `the RSA key in ${file} has ${bits} bits; use at least ${MIN_RSA_BITS} bits`)
  }
}

/** Message for a file in which no PEM block was found at all. */
function notPemMessage(file: string, content: string, expected: string, tool: 'x509' | 'pkey'): string {
  if (content.trim() === '') return `${file} is empty; expected ${expected}`
  return (
    `${file} is not PEM: expected ${expected}. If it is DER (binary), convert it with: ` +
    `openssl ${tool} -inform der -in ${shellQuote(file)} -out ` +
    `${outName(file, tool === 'x509' ? 'client.crt' : 'client.key')}`
  )
}

function labels(blocks: readonly PemBlock[]): string {
  const counts = new Map<string, number>()
  for (const b of blocks) counts.set(b.label, (counts.get(b.label) ?? 0) + 1)
  return [...counts].map(([label, n]) => (n > 1 ? `${n} × ${label}` : label)).join(', ')
}

function oneLine(dn: string): string {
  return dn.split('\n').join(', ')
}

function describe(cert: X509Certificate): string {
  return `subject "${oneLine(cert.subject)}"`
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'an unreadable date' : d.toISOString().replace(/\.000Z$/, 'Z')
}

/**
 * The OpenSSL reason of a parser error, as ` (reason)`. OpenSSL reasons never quote input, but a
 * reason with anything that looks like encoded data is dropped all the same.
 */
function safeReason(e: unknown): string {
  const message = e instanceof Error ? e.message : ''
  const reason = message.replace(/^error:[0-9A-Fa-f]+:/, '').trim()
  if (reason === '' || /[A-Za-z0-9+/=]{24,}/.test(reason) || reason.length > 200) return ''
  return ` (${reason})`
}

/** Output file name for a suggested command: `preferred`, unless that would overwrite the input. */
function outName(input: string, preferred: string, tag = 'converted'): string {
  const base = input.split(/[\\/]/).pop()
  return base === preferred ? preferred.replace(/\.(\w+)$/, `-${tag}.$1`) : preferred
}

/** Quotes a file name for a copy-pasteable shell command when it needs it. */
function shellQuote(s: string): string {
  return /^[A-Za-z0-9_.,/:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}
