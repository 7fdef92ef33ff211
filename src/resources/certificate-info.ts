/**
 * What a client certificate already in a manifest says about itself (its issuer, its end of validity), read
 * from the Secret's data: the planner compares an old certificate with its replacement, the audit reports
 * when it expires. Only the certificate is read; key material is never looked at here.
 */
import type { X509Certificate as X509 } from 'node:crypto'
import { createRequire } from 'node:module'

export interface CertificateInfo {
  /** Subject of the leaf, one RDN per line as Node prints it. */
  subject: string
  /** Issuer of the leaf, the same way. */
  issuer: string
  notAfter: Date
}

/** Warn when a client certificate ends within this many days (the checks of --cert, and audit). */
export const EXPIRY_WARNING_DAYS = 30

const FIRST_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/

// node:crypto (a dozen modules) is loaded on the first certificate read, not by every run that loads the
// planner: a --check of a manifest never reads one.
let X509Certificate: typeof X509 | undefined
const loadX509 = (): typeof X509 =>
  (X509Certificate ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).X509Certificate)

/** The leaf (first) certificate of a PEM text; undefined when there is none or it cannot be parsed. */
export function certificateInfo(pem: string): CertificateInfo | undefined {
  const block = FIRST_CERTIFICATE.exec(pem)?.[0]
  if (block === undefined) return undefined
  try {
    const cert = new (loadX509())(block)
    const notAfter = new Date(cert.validTo)
    if (Number.isNaN(notAfter.getTime())) return undefined
    return { subject: cert.subject, issuer: cert.issuer, notAfter }
  } catch {
    return undefined
  }
}

/** The same from a Secret's `data` value (base64 of the PEM file); a placeholder or anything else is undefined. */
export function certificateInfoFromBase64(value: string): CertificateInfo | undefined {
  const compact = value.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined
  return certificateInfo(Buffer.from(compact, 'base64').toString('utf8'))
}

/** A distinguished name on one line (`CN=x, O=y`), for messages. */
export const oneLineName = (dn: string): string => dn.split('\n').join(', ')
