/**
 * The CA and client certificates of `cert init` and `cert issue`, with the extensions Harness's mTLS
 * page asks OpenSSL for: a CA that can sign and nothing else, a client certificate for TLS client
 * authentication only.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import type forge from 'node-forge'
import { CertError, type InitOptions, type IssueOptions, type KeyPair } from './types.js'
import {
  BACKDATE_MS,
  DAY_MS,
  newRsaKey,
  readCaFields,
  signCertificate,
  subjectKeyIdentifier,
  subjectOf,
  type NewKey,
} from './x509.js'

export const CA_COMMON_NAME = 'Harness delegate mTLS CA'
export const DEFAULT_CA_BITS = 4096
export const DEFAULT_CLIENT_BITS = 2048

/** A CA and the client certificate it signed. */
export function makeCaAndClient(opts: InitOptions): { ca: KeyPair; client: KeyPair } {
  const now = opts.now ?? new Date()
  const caKey = newRsaKey(opts.caBits ?? DEFAULT_CA_BITS)
  const keyId = subjectKeyIdentifier(caKey.key)
  const notBefore = new Date(now.getTime() - BACKDATE_MS)
  const caCertPem = signCertificate(
    {
      subjectKey: caKey.publicKey,
      subject: subjectOf(CA_COMMON_NAME, opts.org),
      notBefore,
      notAfter: new Date(now.getTime() + opts.caDays * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        { name: 'subjectKeyIdentifier' },
      ],
    },
    'self',
    caKey.key,
  )
  const ca: SigningCa = {
    key: caKey.key,
    subject: readCaFields(new X509Certificate(caCertPem).raw).subject,
    keyId,
    notBefore,
  }
  return { ca: { certPem: caCertPem, keyPem: caKey.keyPem }, client: makeClient(ca, opts, now) }
}

/** An existing CA, checked: it can sign client certificates and `keyPem` is its key. */
export interface SigningCa {
  key: KeyObject
  subject: forge.asn1.Asn1
  keyId: Buffer
  notBefore: Date
  notAfter?: Date
}

/**
 * Reads and checks the CA of `cert issue`. `certFile`, `keyFile`: the names the user gave, for messages,
 * which never hold key material.
 */
export function readSigningCa(
  certPem: string,
  keyPem: string,
  certFile: string,
  keyFile: string,
  now = new Date(),
): SigningCa {
  const blocks = certPem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0
  if (blocks === 0)
    throw new CertError(certFile, `holds no PEM certificate (-----BEGIN CERTIFICATE-----): expected the CA certificate`)
  if (blocks > 1)
    throw new CertError(certFile, `holds ${blocks} certificates: expected the CA certificate alone (not a chain)`)
  let cert: X509Certificate
  try {
    cert = new X509Certificate(certPem)
  } catch {
    throw new CertError(certFile, 'is not a readable PEM certificate')
  }
  let fields
  try {
    fields = readCaFields(cert.raw)
  } catch {
    throw new CertError(certFile, 'is not a readable PEM certificate')
  }
  // Read here rather than from X509Certificate.ca, which is also false for a CA without keyCertSign.
  if (!fields.ca)
    throw new CertError(
      certFile,
      'is not a CA certificate (its basicConstraints do not say CA:TRUE): give the CA whose certificate Harness trusts',
    )
  if (fields.keyUsage && !fields.keyUsage.keyCertSign)
    throw new CertError(
      certFile,
      'is a CA certificate whose keyUsage does not allow keyCertSign: it cannot sign certificates',
    )
  let key: KeyObject
  try {
    key = createPrivateKey(keyPem)
  } catch (e) {
    const code = (e as { code?: string }).code
    throw new CertError(
      keyFile,
      code === 'ERR_MISSING_PASSPHRASE' || /ENCRYPTED/.test(keyPem)
        ? 'is encrypted: decrypt it for this run (openssl pkey -in ca.key -out plain.key) and delete the copy after'
        : 'is not a readable PEM private key',
    )
  }
  if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec')
    throw new CertError(keyFile, `is an ${key.asymmetricKeyType} key: cert issue signs with RSA or EC CA keys`)
  if (!cert.checkPrivateKey(key)) throw new CertError(keyFile, `is not the private key of ${certFile}`)
  const notBefore = new Date(cert.validFrom)
  const notAfter = new Date(cert.validTo)
  if (now < notBefore) throw new CertError(certFile, `is not valid yet: it starts on ${day(notBefore)}`)
  if (now > notAfter) throw new CertError(certFile, `expired on ${day(notAfter)}: make a new CA with cert init`)
  return {
    key,
    subject: fields.subject,
    keyId: fields.subjectKeyIdentifier ?? subjectKeyIdentifier(key),
    notBefore,
    notAfter,
  }
}

/**
 * A client certificate signed by `ca`. It never outlives the CA: a longer one would be refused by every
 * verifier from the CA's last day on, so the request is refused here, with the longest `days` that fits.
 */
export function makeClient(ca: SigningCa, opts: IssueOptions, now = opts.now ?? new Date(), caFile?: string): KeyPair {
  const notAfter = new Date(now.getTime() + opts.days * DAY_MS)
  if (ca.notAfter && notAfter > ca.notAfter) {
    const left = Math.floor((ca.notAfter.getTime() - now.getTime()) / DAY_MS)
    throw new CertError(
      caFile ?? 'the CA certificate',
      `ends on ${day(ca.notAfter)}, in ${left} day${left === 1 ? '' : 's'}: a client certificate of ${opts.days} ` +
        `days would outlive it; ` +
        (left >= 1 ? `pass --days ${left} or fewer, or ` : '') +
        'make a new CA with cert init (and send its ca.crt to Harness Support)',
    )
  }
  const clientKey: NewKey = newRsaKey(opts.clientBits ?? DEFAULT_CLIENT_BITS)
  const notBefore = new Date(Math.max(now.getTime() - BACKDATE_MS, ca.notBefore.getTime()))
  const certPem = signCertificate(
    {
      subjectKey: clientKey.publicKey,
      subject: subjectOf(opts.cn, opts.org),
      notBefore,
      notAfter,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', clientAuth: true },
        { name: 'subjectKeyIdentifier' },
        { name: 'authorityKeyIdentifier', keyIdentifier: ca.keyId.toString('binary') },
      ],
    },
    ca.subject,
    ca.key,
  )
  return { certPem, keyPem: clientKey.keyPem }
}

const day = (d: Date) => d.toISOString().slice(0, 10)
