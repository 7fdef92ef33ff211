/**
 * X.509 certificates made without OpenSSL: node-forge encodes them (its ASN.1 and extension encoders),
 * node:crypto makes the keys and the signatures. Signing natively keeps a 4096-bit CA fast and lets an
 * existing CA have an EC key, which forge's own signer (RSA in JavaScript) cannot use.
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import forge from 'node-forge'

const asn1 = forge.asn1
// forge's fromDer takes these options (lib/asn1.js); @types/node-forge knows only the boolean `strict`.
const fromDer = asn1.fromDer as unknown as (
  bytes: string,
  options: { strict?: boolean; decodeBitStrings?: boolean },
) => forge.asn1.Asn1

// Not in @types/node-forge, but part of forge's pki API (lib/x509.js) since 0.x.
interface ForgeExtension {
  id: string
  critical: boolean
  name?: string
  keyCertSign?: boolean
  subjectKeyIdentifier?: string
}
const pki = forge.pki as typeof forge.pki & {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1
  certificateExtensionFromAsn1(ext: forge.asn1.Asn1): ForgeExtension
}

const OID = {
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
}

/** Clocks differ: a certificate that starts a few minutes back is valid at once on a server running behind. */
export const BACKDATE_MS = 5 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000

export interface NewKey {
  key: KeyObject
  /** PKCS#8 PEM, unencrypted. */
  keyPem: string
  /** The public key as forge encodes it into the certificate. */
  publicKey: forge.pki.PublicKey
}

export function newRsaKey(bits: number): NewKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits })
  return {
    key: privateKey,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKey: pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string),
  }
}

/** A random positive serial of 126 bits, its first byte never zero (so DER keeps all 16 bytes). */
export function randomSerial(): string {
  const b = randomBytes(16)
  b[0] = (b[0]! & 0x7f) | 0x40
  return b.toString('hex')
}

/** Subject attributes, UTF8String as RFC 5280 asks of new certificates (forge would write PrintableString). */
export function subjectOf(cn: string, org: string | undefined): forge.pki.CertificateField[] {
  const utf8 = { valueTagClass: asn1.Type.UTF8 as unknown as forge.asn1.Class }
  return [
    ...(org === undefined ? [] : [{ shortName: 'O', value: org, ...utf8 }]),
    { shortName: 'CN', value: cn, ...utf8 },
  ]
}

export interface CertificateSpec {
  subjectKey: forge.pki.PublicKey
  subject: forge.pki.CertificateField[]
  notBefore: Date
  notAfter: Date
  extensions: object[]
}

/** The certificate's `TBSCertificate` with forge, signed by `signer`; `issuer` is the issuer's Name as its own DER. */
export function signCertificate(spec: CertificateSpec, issuer: forge.asn1.Asn1 | 'self', signer: KeyObject): string {
  const cert = pki.createCertificate()
  cert.publicKey = spec.subjectKey
  cert.serialNumber = randomSerial()
  // Whole seconds: forge would write the milliseconds of a GeneralizedTime (2050 on), which RFC 5280 forbids.
  cert.validity.notBefore = wholeSeconds(spec.notBefore)
  cert.validity.notAfter = wholeSeconds(spec.notAfter)
  cert.setSubject(spec.subject)
  cert.setIssuer(spec.subject)
  cert.setExtensions(spec.extensions)
  // Replaced below; getTBSCertificate needs one to encode.
  cert.siginfo.algorithmOid = OID.sha256WithRSAEncryption
  const tbs = pki.getTBSCertificate(cert)
  const fields = tbs.value as forge.asn1.Asn1[]
  // version, serialNumber, signature, issuer, …: the issuer is copied as the CA's certificate encodes it,
  // since a re-encoded name (another string type, RDNs split) may not match it byte for byte.
  fields[2] = algorithmIdentifier(signer)
  if (issuer !== 'self') fields[3] = issuer
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary')
  const signature = sign('sha256', tbsDer, signer)
  const certificate = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    algorithmIdentifier(signer),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, '\0' + signature.toString('binary')),
  ])
  return toPem(Buffer.from(asn1.toDer(certificate).getBytes(), 'binary'))
}

/** SHA-256 with the signer's key type: RSA (PKCS#1 v1.5, NULL parameters) or ECDSA (no parameters). */
function algorithmIdentifier(signer: KeyObject): forge.asn1.Asn1 {
  const oid = (o: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes())
  return asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.SEQUENCE,
    true,
    signer.asymmetricKeyType === 'rsa'
      ? [oid(OID.sha256WithRSAEncryption), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]
      : [oid(OID.ecdsaWithSHA256)],
  )
}

const wholeSeconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000)

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g)!
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}

/** What `cert issue` needs of a CA certificate that forge's certificate parser (RSA keys only) may not read. */
export interface CaFields {
  /** The subject Name, as encoded. */
  subject: forge.asn1.Asn1
  /** The subject key identifier, when the certificate has one. */
  subjectKeyIdentifier?: Buffer
  /** basicConstraints CA:TRUE. */
  ca: boolean
  /** Whether a keyUsage extension is present, and whether it allows keyCertSign. */
  keyUsage?: { keyCertSign: boolean }
}

/** Reads the fields of a DER certificate; throws on anything that is not one. */
export function readCaFields(der: Buffer): CaFields {
  const cert = fromDer(der.toString('binary'), { strict: true })
  const tbs = (cert.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]
  // TBSCertificate: [0] version (v2, v3), serialNumber, signature, issuer, validity, subject, spki, [1], [2], [3]
  // extensions
  const versioned = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC && tbs[0]!.type === 0
  const subject = tbs[versioned ? 5 : 4]
  if (!subject || subject.type !== asn1.Type.SEQUENCE) throw new Error('no subject name')
  const out: CaFields = { subject, ca: false }
  const extensions = tbs.find((f) => f.tagClass === asn1.Class.CONTEXT_SPECIFIC && f.type === 3)
  const list = ((extensions?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value ?? []) as forge.asn1.Asn1[]
  for (const ext of list) {
    const e = pki.certificateExtensionFromAsn1(ext)
    if (e.name === 'basicConstraints') out.ca = (e as { cA?: boolean }).cA === true
    if (e.name === 'keyUsage') out.keyUsage = { keyCertSign: e.keyCertSign === true }
    if (e.name === 'subjectKeyIdentifier' && e.subjectKeyIdentifier)
      out.subjectKeyIdentifier = Buffer.from(e.subjectKeyIdentifier, 'hex')
  }
  return out
}

/**
 * RFC 5280's method 1: the SHA-1 of the subjectPublicKey bits (what OpenSSL writes, and forge for a new certificate).
 */
export function subjectKeyIdentifier(key: KeyObject): Buffer {
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' })
  const parsed = fromDer(spki.toString('binary'), { decodeBitStrings: false })
  // The BIT STRING's first byte counts its unused bits (0 for a key).
  const bits = ((parsed.value as forge.asn1.Asn1[])[1]!.value as string).slice(1)
  return createHash('sha1').update(Buffer.from(bits, 'binary')).digest()
}
