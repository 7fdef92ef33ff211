import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { checkClientCertificate, type CertificateCheck, type CertificateInput } from '../../src/secret/index.js'
import { assertDelegateLoads } from './key-fixtures.js'
import { keyMaterialNeedles, makeFixtures } from './openssl-fixtures.js'

const fx = makeFixtures()
process.on('exit', fx.cleanup)
const needles = fx.allKeys.flatMap(keyMaterialNeedles)

const CERT = 'certs/client.crt'
const KEY = 'certs/client.key'
const CA = 'certs/ca.crt'

/**
 * Runs the check and asserts, whatever the outcome, that no key material leaks into the result outside `keyPem`
 * (the one field meant to hold the key), and that `keyPem` is a key the delegate loads.
 */
function check(
  certPem: string,
  keyPem: string,
  caPem?: string,
  extra: Partial<CertificateInput> = {},
): CertificateCheck {
  const input: CertificateInput = { certPem, keyPem, certFile: CERT, keyFile: KEY, ...extra }
  if (caPem !== undefined) {
    input.caPem = caPem
    input.caFile = CA
  }
  const result = checkClientCertificate(input)
  const json = JSON.stringify({ ...result, keyPem: undefined })
  if (result.keyPem !== undefined) assertDelegateLoads(result.keyPem)
  for (const needle of needles) {
    if (json.includes(needle)) assert.unreachable(`result leaks key material: ${needle.slice(0, 12)}…`)
  }
  for (const d of [...result.errors, ...result.warnings]) {
    assert.is(d.code, 'CERT')
    assert.ok(d.file === CERT || d.file === KEY || d.file === CA, `diagnostic names a file: ${d.file}`)
  }
  for (const d of result.errors) assert.is(d.severity, 'error')
  for (const d of result.warnings) assert.is(d.severity, 'warning')
  return result
}

function messages(ds: CertificateCheck['errors']): string {
  return ds.map((d) => `${d.file}: ${d.message}`).join('\n')
}

/** Exactly one error, in `file`, whose message matches every pattern. */
function oneError(r: CertificateCheck, file: string, ...patterns: RegExp[]): void {
  assert.is(r.errors.length, 1, `one error expected, got:\n${messages(r.errors)}`)
  const e = r.errors[0]!
  assert.is(e.file, file)
  for (const p of patterns) assert.match(e.message, p)
}

function clean(r: CertificateCheck): void {
  assert.equal(r.errors, [], messages(r.errors))
  assert.equal(r.warnings, [], messages(r.warnings))
}

// ---- Good certificates ------------------------------------------------------------------------
const good = suite('checkClientCertificate: accepts')

good('a valid RSA client certificate (PKCS#8 key) signed by the CA', () => {
  const r = check(fx.valid.cert, fx.valid.key, fx.ca.cert)
  clean(r)
  assert.is(r.subject, 'CN=delegate client')
  assert.instance(r.notAfter, Date)
  assert.ok(r.notAfter!.getTime() > Date.now() + 300 * 24 * 3600 * 1000)
})

good('an RSA PRIVATE KEY (PKCS#1) key file: converted to PKCS#8, with a note', () => {
  assert.match(fx.rsaTraditionalKey, /^-----BEGIN RSA PRIVATE KEY-----/)
  const r = check(fx.valid.cert, fx.rsaTraditionalKey, fx.ca.cert)
  clean(r)
  assert.equal(r.notes, [
    { file: KEY, message: 'converted the PKCS#1 RSA key to PKCS#8, the only form the delegate loads' },
  ])
  // The PKCS#1 file was made from fx.valid.key: the conversion gives back the PKCS#8 bytes OpenSSL wrote.
  assert.is(r.keyPem, fx.valid.key)
})

good('a certificate without extended key usage (any use allowed): a note', () => {
  const r = check(fx.noEku, fx.valid.key, fx.ca.cert)
  clean(r)
  assert.equal(r.notes, [
    {
      file: CERT,
      message:
        'the certificate in certs/client.crt (subject "CN=delegate client") has no extended key usage, which ' +
        'allows any use, TLS client authentication included',
    },
  ])
  assert.is(r.keyPem, fx.valid.key)
})

good('no CA given: the CA checks are skipped', () => {
  clean(check(fx.signedByOtherCa, fx.valid.key))
})

good('a chain (leaf, then intermediate) leading to the CA', () => {
  const r = check(fx.signedByIntermediate + fx.intermediate.cert, fx.valid.key, fx.ca.cert)
  clean(r)
  assert.is(r.subject, 'CN=delegate client')
})

good('a CA bundle holding the issuing CA among others', () => {
  clean(check(fx.valid.cert, fx.valid.key, fx.otherCa.cert + fx.ca.cert))
})

good('CRLF line ends and text around the PEM blocks', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n')
  clean(check('subject=CN = delegate client\r\n' + crlf(fx.valid.cert), crlf(fx.valid.key) + '\r\n', crlf(fx.ca.cert)))
})

good.run()

// ---- File shapes -----------------------------------------------------------------------------
const shape = suite('checkClientCertificate: file contents')

shape('empty files', () => {
  const r = check('', '  \n')
  assert.is(r.errors.length, 2)
  assert.is(r.errors[0]!.file, CERT)
  assert.match(r.errors[0]!.message, /client\.crt is empty/)
  assert.is(r.errors[1]!.file, KEY)
  assert.match(r.errors[1]!.message, /client\.key is empty/)
})

shape('a DER certificate is not PEM, with the conversion command', () => {
  oneError(
    check(fx.derCert, fx.valid.key),
    CERT,
    /is not PEM/,
    /BEGIN CERTIFICATE/,
    /openssl x509 -inform der -in certs\/client\.crt -out client-converted\.crt/,
  )
})

shape('a certificate signing request instead of a certificate', () => {
  oneError(check(fx.csr, fx.valid.key), CERT, /no CERTIFICATE block/, /CERTIFICATE REQUEST/, /signed by your CA/)
})

shape('swapped certificate and key files', () => {
  const r = check(fx.valid.key, fx.valid.cert)
  oneError(r, CERT, /client\.crt holds a private key/, /client\.key holds a certificate/, /swapped/)
  assert.is(r.subject, undefined)
})

shape('the certificate file also holds the key', () => {
  oneError(
    check(fx.valid.cert + fx.valid.key, fx.valid.key),
    CERT,
    /client\.crt holds a private key \(PRIVATE KEY\) as well as the certificate/,
    /client\.key/,
  )
})

shape('the certificate file holds only a key, the key file is right', () => {
  oneError(
    check(fx.valid.key, fx.valid.key),
    CERT,
    /client\.crt holds a private key \(PRIVATE KEY\) and no certificate/,
  )
})

shape('the key file holds only a certificate', () => {
  oneError(
    check(fx.valid.cert, fx.valid.cert),
    KEY,
    /client\.key holds a certificate and no private key/,
    /client\.crt/,
  )
})

shape('the key file holds a certificate as well as the key', () => {
  oneError(
    check(fx.valid.cert, fx.valid.cert + fx.valid.key),
    KEY,
    /client\.key holds a certificate as well as the private key/,
  )
})

shape('the key file holds two keys', () => {
  oneError(check(fx.valid.cert, fx.valid.key + fx.mismatchedKey), KEY, /holds 2 private keys; it must hold exactly one/)
})

shape('the key file holds a public key only', () => {
  const publicPem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n'
  oneError(check(fx.valid.cert, publicPem), KEY, /holds no private key \(found PUBLIC KEY\)/)
})

shape('a key file that is not PEM', () => {
  oneError(check(fx.valid.cert, 'not a key\n'), KEY, /client\.key is not PEM/, /openssl pkey -inform der/)
})

shape('a truncated key file', () => {
  const truncated = fx.valid.key.slice(0, fx.valid.key.indexOf('-----END'))
  const r = check(fx.valid.cert, truncated)
  assert.ok(
    r.errors.some((e) => e.file === KEY && /no END line/.test(e.message)),
    messages(r.errors),
  )
})

shape('an unsupported private key format', () => {
  const openssh = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n'
  oneError(check(fx.valid.cert, openssh), KEY, /OPENSSH PRIVATE KEY/, /cannot read/, /openssl pkey/)
})

shape('a corrupt key body', () => {
  const corrupt = '-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n-----END PRIVATE KEY-----\n'
  oneError(check(fx.valid.cert, corrupt), KEY, /the private key cannot be read/)
})

shape('EC PARAMETERS before an EC key: the EC key is refused, nothing else is said', () => {
  const withParams = '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n' + fx.ec.key
  const r = check(fx.ec.cert, withParams, fx.ca.cert)
  oneError(r, KEY, /holds an EC key \(P-256\); the delegate loads only RSA keys/)
  assert.equal(r.warnings, [])
  assert.is(r.keyPem, undefined)
})

shape.run()

// ---- The key ---------------------------------------------------------------------------------
const key = suite('checkClientCertificate: the key')

key('an encrypted PKCS#8 key (ENCRYPTED PRIVATE KEY)', () => {
  assert.match(fx.encryptedPkcs8Key, /^-----BEGIN ENCRYPTED PRIVATE KEY-----/)
  oneError(
    check(fx.valid.cert, fx.encryptedPkcs8Key, fx.ca.cert),
    KEY,
    /encrypted private key/,
    /delegate cannot read an encrypted key/,
    /openssl pkey -in certs\/client\.key -out client-decrypted\.key/,
  )
})

key('an encrypted traditional key (Proc-Type: 4,ENCRYPTED)', () => {
  assert.match(fx.encryptedTraditionalKey, /Proc-Type: 4,ENCRYPTED/)
  oneError(check(fx.valid.cert, fx.encryptedTraditionalKey, fx.ca.cert), KEY, /encrypted private key/, /openssl pkey/)
})

key('the decrypt command does not overwrite its input', () => {
  const r = checkClientCertificate({
    certPem: fx.valid.cert,
    keyPem: fx.encryptedPkcs8Key,
    certFile: 'client.crt',
    keyFile: 'client.key',
  })
  assert.match(r.errors[0]!.message, /openssl pkey -in client\.key -out client-decrypted\.key/)
  const spaced = checkClientCertificate({
    certPem: fx.valid.cert,
    keyPem: fx.encryptedPkcs8Key,
    certFile: 'c.crt',
    keyFile: 'my key.pem',
  })
  assert.match(spaced.errors[0]!.message, /openssl pkey -in 'my key\.pem' -out client\.key/)
})

key('a key that does not belong to the certificate', () => {
  oneError(
    check(fx.valid.cert, fx.mismatchedKey, fx.ca.cert),
    KEY,
    /private key in certs\/client\.key does not belong to the certificate in certs\/client\.crt/,
    /public keys differ/,
  )
})

key('an EC key with an RSA certificate: refused as EC (a new RSA key needs a new certificate anyway)', () => {
  oneError(check(fx.valid.cert, fx.ec.key), KEY, /holds an EC key \(P-256\); the delegate loads only RSA keys/)
})

key('the key belongs to a later certificate of the chain', () => {
  const r = check(fx.intermediate.cert + fx.signedByIntermediate, fx.valid.key, fx.ca.cert)
  oneError(r, KEY, /certificate #2 of the chain/, /client certificate must come first/)
})

key('a 1024-bit RSA key: a warning', () => {
  const r = check(fx.rsa1024.cert, fx.rsa1024.key, fx.ca.cert)
  assert.equal(r.errors, [], messages(r.errors))
  assert.is(r.warnings.length, 1)
  assert.is(r.warnings[0]!.file, KEY)
  assert.match(r.warnings[0]!.message, /RSA key in certs\/client\.key has 1024 bits; use at least 2048/)
})

key.run()

// ---- The certificate -------------------------------------------------------------------------
const cert = suite('checkClientCertificate: the certificate')

cert('an expired certificate', () => {
  const r = check(fx.expired, fx.valid.key, fx.ca.cert)
  oneError(r, CERT, /expired on/, new RegExp(fx.dates.expiredEnd.toISOString().slice(0, 10)))
  assert.is(r.notAfter!.getTime(), fx.dates.expiredEnd.getTime())
})

cert('a certificate that is not valid yet', () => {
  oneError(
    check(fx.notYetValid, fx.valid.key, fx.ca.cert),
    CERT,
    /not valid yet/,
    new RegExp(fx.dates.notYetValidStart.toISOString().slice(0, 10)),
  )
})

cert('a certificate expiring in 10 days: a warning with the date', () => {
  const r = check(fx.expiringSoon, fx.valid.key, fx.ca.cert)
  assert.equal(r.errors, [], messages(r.errors))
  assert.is(r.warnings.length, 1)
  assert.is(r.warnings[0]!.file, CERT)
  assert.match(r.warnings[0]!.message, /expires on \d{4}-\d\d-\d\dT/)
  assert.match(r.warnings[0]!.message, /in 10 days/)
  assert.match(r.warnings[0]!.message, new RegExp(r.notAfter!.toISOString().slice(0, 10)))
})

cert('`now` moves the point in time the validity is judged at', () => {
  const base = check(fx.valid.cert, fx.valid.key)
  const notAfter = base.notAfter!
  const later = check(fx.valid.cert, fx.valid.key, undefined, { now: new Date(notAfter.getTime() + 1000) })
  oneError(later, CERT, /expired on/)
  const close = check(fx.valid.cert, fx.valid.key, undefined, { now: new Date(notAfter.getTime() - 36 * 3600 * 1000) })
  assert.match(close.warnings[0]!.message, /in 2 days/)
  const earlier = check(fx.valid.cert, fx.valid.key, undefined, { now: new Date(Date.now() - 2 * 24 * 3600 * 1000) })
  oneError(earlier, CERT, /not valid yet/)
})

cert('a serverAuth-only certificate', () => {
  oneError(
    check(fx.serverAuthOnly, fx.valid.key, fx.ca.cert),
    CERT,
    /not allowed for TLS client authentication/,
    /serverAuth/,
    /clientAuth \(1\.3\.6\.1\.5\.5\.7\.3\.2\)/,
  )
})

cert.run()

// ---- The CA ------------------------------------------------------------------------------------
const ca = suite('checkClientCertificate: the CA')

ca('a certificate from another CA (same name, other key)', () => {
  oneError(
    check(fx.signedByOtherCa, fx.valid.key, fx.ca.cert),
    CERT,
    /not issued by the CA in certs\/ca\.crt/,
    /different CA/,
  )
})

ca('a leaf from an intermediate without the intermediate in the file', () => {
  oneError(
    check(fx.signedByIntermediate, fx.valid.key, fx.ca.cert),
    CERT,
    /not issued by the CA/,
    /CN=Test Intermediate/,
  )
})

ca('issuer name matches but the signature does not verify', () => {
  oneError(
    check(fx.badSignature, fx.valid.key, fx.ca.cert),
    CERT,
    /not signed by the CA in certs\/ca\.crt/,
    /signature does not verify/,
  )
})

ca('the CA file holds a certificate that is not a CA', () => {
  oneError(check(fx.signedByNotCa, fx.valid.key, fx.notCa.cert), CA, /not a CA certificate/, /CA:TRUE/)
})

ca('each CA check is its own error', () => {
  // Issued by another CA *and* the CA file is not a CA: both reported.
  const r = check(fx.signedByOtherCa, fx.valid.key, fx.notCa.cert)
  assert.is(r.errors.length, 2, messages(r.errors))
  assert.match(r.errors[0]!.message, /not issued by the CA/)
  assert.is(r.errors[1]!.file, CA)
  assert.match(r.errors[1]!.message, /not a CA certificate/)
})

ca('a CA file that is not PEM, or holds a key', () => {
  oneError(check(fx.valid.cert, fx.valid.key, 'nope'), CA, /certs\/ca\.crt is not PEM/)
  const r = check(fx.valid.cert, fx.valid.key, fx.ca.cert + fx.ca.key)
  oneError(r, CA, /holds a private key/)
})

ca.run()

// ---- The no-leak assertion itself ----------------------------------------------------------------
const leak = suite('checkClientCertificate: never leaks key material')

leak('the needles would catch a leak', () => {
  const body = fx.valid.key.split('\n')[1]!
  assert.ok(needles.includes(body))
  assert.ok(needles.includes(Buffer.from(fx.valid.key).toString('base64')))
})

leak('every key in every slot', () => {
  for (const k of fx.allKeys) {
    check(k, k, k)
    check(fx.valid.cert, k, fx.ca.cert)
    check(k + fx.valid.cert, fx.valid.cert + k)
    check(Buffer.from(k).toString('base64'), Buffer.from(k).toString('base64'))
  }
})

leak.after(() => fx.cleanup())
leak.run()
