/**
 * The key the delegate really loads: one PKCS#8 "PRIVATE KEY" block holding an RSA key, nothing else in the file.
 * A PKCS#1 key is converted (losslessly), text around the block dropped, every other key refused; a CA certificate
 * is no client certificate; a certificate without extended key usage is accepted with a note.
 */
import { execFileSync } from 'node:child_process'
import { createPrivateKey, createPublicKey, sign, verify, X509Certificate } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { checkClientCertificate, type CertificateCheck } from '../../src/secret/index.js'
import { assertDelegateLoads, makeKeyFixtures } from './key-fixtures.js'
import { keyMaterialNeedles, makeFixtures } from './openssl-fixtures.js'

const fx = makeFixtures()
process.on('exit', fx.cleanup)
const kf = makeKeyFixtures(fx)
const needles = [...fx.allKeys, ...kf.allKeys].flatMap(keyMaterialNeedles)

const CERT = 'certs/client.crt'
const KEY = 'certs/client.key'

/** The check, with no key material anywhere in the result but `keyPem`, and `keyPem` a key the delegate loads. */
function check(certPem: string, keyPem: string, caPem?: string): CertificateCheck {
  const r = checkClientCertificate({
    certPem,
    keyPem,
    certFile: CERT,
    keyFile: KEY,
    ...(caPem === undefined ? {} : { caPem, caFile: 'certs/ca.crt' }),
  })
  const json = JSON.stringify({ ...r, keyPem: undefined })
  for (const n of needles) if (json.includes(n)) assert.unreachable(`result leaks key material: ${n.slice(0, 12)}…`)
  if (r.keyPem !== undefined) assertDelegateLoads(r.keyPem)
  return r
}

const CONVERTED = { file: KEY, message: 'converted the PKCS#1 RSA key to PKCS#8, the only form the delegate loads' }
const DROPPED = {
  file: KEY,
  message:
    'dropped the text around the private key (such as Bag Attributes lines): the delegate loads a key file that ' +
    'holds the PRIVATE KEY block alone',
}
const refusal = (what: string, out = 'client-rsa.key') =>
  `${KEY} holds ${what}; the delegate loads only RSA keys and fails at start-up with any other. Make an RSA key ` +
  `and have your CA issue a certificate for it: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 ` +
  `-out ${out}`

// ---- Converted or cleaned ---------------------------------------------------------------------------------
const accepted = suite('the key the delegate loads: converted or cleaned')

accepted('a PKCS#1 key from `openssl genrsa -traditional`: converted to PKCS#8, with a note', () => {
  assert.match(kf.pkcs1.key, /^-----BEGIN RSA PRIVATE KEY-----\n/)
  const r = check(kf.pkcs1.cert, kf.pkcs1.key, fx.ca.cert)
  assert.equal(r.errors, [])
  assert.equal(r.warnings, [])
  assert.equal(r.notes, [CONVERTED])
  // What `openssl pkey` makes of the same key, byte for byte.
  assert.is(r.keyPem, kf.pkcs1AsPkcs8)
})

accepted('the conversion is lossless: the same key, the same public key, its signatures verify', () => {
  const r = check(kf.pkcs1.cert, kf.pkcs1.key)
  const before = createPrivateKey(kf.pkcs1.key)
  const after = createPrivateKey(r.keyPem!)
  // Every private component (n, e, d, p, q, dp, dq, qi) is unchanged.
  assert.equal(after.export({ format: 'jwk' }), before.export({ format: 'jwk' }))
  const spki = (k: Parameters<typeof createPublicKey>[0]) =>
    createPublicKey(k).export({ type: 'spki', format: 'der' }).toString('hex')
  assert.is(spki(after), spki(before))
  const certKey = new X509Certificate(kf.pkcs1.cert).publicKey
  assert.is(spki(after), certKey.export({ type: 'spki', format: 'der' }).toString('hex'))
  const data = Buffer.from('delegate handshake transcript')
  assert.ok(verify('sha256', data, certKey, sign('sha256', data, after)), 'signed with the converted key')
  assert.ok(new X509Certificate(kf.pkcs1.cert).checkPrivateKey(after))
})

accepted('`openssl pkcs12 -nodes -nocerts` output (Bag Attributes): the block alone, with a note', () => {
  assert.match(kf.bagKey, /^Bag Attributes\n/)
  const r = check(fx.valid.cert, kf.bagKey, fx.ca.cert)
  assert.equal(r.errors, [])
  assert.equal(r.notes, [DROPPED])
  assert.is(r.keyPem, fx.valid.key, 'the same key, as OpenSSL wrote it without the attributes')
})

accepted('a certificate file from `pkcs12 -nokeys` (Bag Attributes, subject, issuer) is fine as it is', () => {
  assert.match(kf.bagCert, /^Bag Attributes\n/)
  const r = check(kf.bagCert, fx.valid.key, fx.ca.cert)
  assert.equal(r.errors, [])
  assert.equal(r.notes, [])
  assert.is(r.keyPem, fx.valid.key)
})

accepted('a PKCS#1 key with a comment above it: converted, and the comment dropped', () => {
  const r = check(kf.pkcs1.cert, '# delegate key, do not share\n' + kf.pkcs1.key)
  assert.equal(r.errors, [])
  assert.equal(r.notes, [CONVERTED, DROPPED])
  assert.is(r.keyPem, kf.pkcs1AsPkcs8)
})

accepted('whitespace and CRLF around a PKCS#8 key: the file as given, no note (the loader trims)', () => {
  for (const keyPem of ['\n\n' + fx.valid.key + '\n  \n', fx.valid.key.replace(/\n/g, '\r\n')]) {
    const r = check(fx.valid.cert, keyPem)
    assert.equal(r.errors, [])
    assert.equal(r.notes, [])
    assert.is(r.keyPem, keyPem)
  }
})

accepted('a byte order mark before the key (the loader does not trim it): dropped, with a note', () => {
  const r = check(fx.valid.cert, '\ufeff' + fx.valid.key)
  assert.equal(r.notes, [DROPPED])
  assert.is(r.keyPem, fx.valid.key)
  const crlf = check(fx.valid.cert, 'comment\r\n' + fx.valid.key.replace(/\n/g, '\r\n'))
  assert.is(crlf.keyPem, fx.valid.key.replace(/\n/g, '\r\n'), 'the block keeps its CRLF line ends')
})

accepted.run()

// ---- Refused -----------------------------------------------------------------------------------------------
const refused = suite('the key the delegate loads: refused')

/** Exactly one error, in the key file, with exactly this message; no key for the Secret. */
function refusedWith(r: CertificateCheck, message: string): void {
  assert.equal(
    r.errors.map((e) => [e.code, e.file, e.message]),
    [['CERT', KEY, message]],
  )
  assert.is(r.keyPem, undefined)
}

refused('an EC key from `openssl genpkey -algorithm EC` (PKCS#8), with its own certificate', () => {
  assert.match(kf.ec.key, /^-----BEGIN PRIVATE KEY-----\n/)
  refusedWith(check(kf.ec.cert, kf.ec.key, fx.ca.cert), refusal('an EC key (P-256)'))
})

refused('an EC key in SEC1 form (EC PRIVATE KEY), with its own certificate', () => {
  refusedWith(check(fx.ec.cert, fx.ec.key, fx.ca.cert), refusal('an EC key (P-256)'))
})

refused('Ed25519 (with its certificate), Ed448, DSA and RSA-PSS keys', () => {
  refusedWith(check(kf.ed25519.cert, kf.ed25519.key, fx.ca.cert), refusal('an Ed25519 key'))
  refusedWith(check(fx.valid.cert, kf.ed448Key), refusal('an Ed448 key'))
  refusedWith(check(fx.valid.cert, kf.dsaKey), refusal('a DSA key'))
  refusedWith(
    check(fx.valid.cert, kf.rsaPssKey),
    refusal('an RSA-PSS key (restricted to RSASSA-PSS, not a plain RSA key)'),
  )
})

refused('the suggested file name never overwrites the key given', () => {
  const r = checkClientCertificate({ certPem: kf.ec.cert, keyPem: kf.ec.key, certFile: 'c.crt', keyFile: 'ec.key' })
  assert.match(r.errors[0]!.message, /-out client\.key$/)
})

refused('two keys in one file: which one belongs to the certificate, and how to keep it', () => {
  const head =
    `${KEY} holds 2 private keys; it must hold exactly one (the delegate fails at ` +
    `start-up on a key file with more). `
  refusedWith(
    check(fx.valid.cert, fx.valid.key + fx.mismatchedKey),
    head + `Keep the first, the key of the certificate in ${CERT}: openssl pkey -in ${KEY} -out client-converted.key`,
  )
  refusedWith(
    check(fx.valid.cert, kf.pkcs1.key + fx.valid.key),
    head + `Keep key #2, the key of the certificate in ${CERT}, and remove the others`,
  )
  refusedWith(
    check(fx.valid.cert, kf.pkcs1.key + fx.mismatchedKey),
    head + `Keep only the key of the certificate in ${CERT}`,
  )
})

refused('the suggested `openssl pkey` keeps exactly the first key, a key the delegate loads', () => {
  const two = join(fx.dir, 'two.key')
  writeFileSync(two, kf.bagKey + fx.mismatchedKey)
  const out = execFileSync('openssl', ['pkey', '-in', two], { encoding: 'utf8' })
  assert.is(out, fx.valid.key)
  assertDelegateLoads(out)
})

refused('an encrypted key is still refused, and not taken for a second key', () => {
  const r = check(fx.valid.cert, fx.encryptedPkcs8Key)
  assert.is(r.errors.length, 1)
  assert.match(r.errors[0]!.message, /holds an encrypted private key/)
  assert.is(r.keyPem, undefined)
})

refused.run()

// ---- The certificate ---------------------------------------------------------------------------------------
const cert = suite('the client certificate: a leaf, for client authentication')

cert('a CA certificate given as the client certificate (with its own key): refused', () => {
  const r = check(fx.ca.cert, fx.ca.key)
  assert.equal(
    r.errors.map((e) => [e.file, e.message]),
    [
      [
        CERT,
        `the certificate in ${CERT} (subject "CN=Test CA") is a CA certificate (basicConstraints CA:TRUE), not a ` +
          ("client certificate: give the certificate the CA issued for the delegate's key (the CA " +
            'certificate goes in --ca)'),
      ],
    ],
  )
  assert.equal(r.notes, [], 'no note about its extended key usage')
})

cert('a leaf without extended key usage: accepted, with a note; serverAuth only: refused, naming it', () => {
  const none = check(fx.noEku, fx.valid.key, fx.ca.cert)
  assert.equal(none.errors, [])
  assert.equal(none.notes, [
    {
      file: CERT,
      message:
        `the certificate in ${CERT} (subject "CN=delegate client") has no extended key usage, which allows any ` +
        'use, TLS client authentication included',
    },
  ])
  const server = check(fx.serverAuthOnly, fx.valid.key, fx.ca.cert)
  assert.equal(
    server.errors.map((e) => e.message),
    [
      `the certificate in ${CERT} (subject "CN=delegate client") is not allowed for TLS client authentication: its ` +
        'extended key usage lists serverAuth but not clientAuth (1.3.6.1.5.5.7.3.2)',
    ],
  )
  assert.equal(server.notes, [])
})

cert.after(() => fx.cleanup())
cert.run()
