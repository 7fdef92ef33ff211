/**
 * The key files users really have, made with the `openssl` CLI at test time next to the fixtures of
 * openssl-fixtures.ts (it reuses that folder's `ca.crt`, `ca.key`, `openssl.cnf`, `client.key` and `valid.crt`):
 * a PKCS#1 key from `genrsa -traditional`, the key of a PKCS#12 bundle dumped with `pkcs12 -nodes` (Bag
 * Attributes), EC, Ed25519, Ed448, DSA and RSA-PSS keys (PKCS#8), two keys in one file.
 *
 * Not a test file itself (the runner only picks up `*.test.ts`).
 */
import { execFileSync } from 'node:child_process'
import { createPrivateKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as assert from 'uvu/assert'
import type { Fixtures, Pair } from './openssl-fixtures.js'

export interface KeyFixtures {
  /** `openssl genrsa -traditional` (`RSA PRIVATE KEY`) and its clientAuth certificate. */
  pkcs1: Pair
  /** The same key as `pkcs1`, in PKCS#8, as `openssl pkey` writes it. */
  pkcs1AsPkcs8: string
  /** `valid.key` as `openssl pkcs12 -nodes -nocerts` prints it: Bag Attributes lines, then the key. */
  bagKey: string
  /** `valid.cert` as `openssl pkcs12 -nokeys` prints it: Bag Attributes, subject and issuer lines, the certificate. */
  bagCert: string
  /** `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` (a PKCS#8 `PRIVATE KEY`) and its certificate. */
  ec: Pair
  /** `openssl genpkey -algorithm ED25519` and its certificate. */
  ed25519: Pair
  ed448Key: string
  dsaKey: string
  rsaPssKey: string
  /** Every private key made here, for the no-leak assertions (bagKey's is `client.key`, already listed there). */
  allKeys: string[]
}

export function makeKeyFixtures(fx: Fixtures): KeyFixtures {
  const f = (name: string) => join(fx.dir, name)
  const ossl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: fx.dir, stdio: ['ignore', 'pipe', 'pipe'] })
  }
  const read = (name: string) => readFileSync(f(name), 'utf8')
  const issue = (key: string, cert: string, cn: string) => {
    ossl('req', '-config', f('openssl.cnf'), '-new', '-key', f(key), '-out', f(`${cert}.csr`), '-subj', `/CN=${cn}`)
    ossl(
      'x509',
      '-req',
      '-in',
      f(`${cert}.csr`),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-set_serial',
      String(Math.floor(Math.random() * 1e9)),
      '-days',
      '365',
      '-sha256',
      '-extfile',
      f('openssl.cnf'),
      '-extensions',
      'client',
      '-out',
      f(cert),
    )
  }

  ossl('genrsa', '-traditional', '-out', f('genrsa.key'), '2048')
  issue('genrsa.key', 'genrsa.crt', 'pkcs1 client')
  ossl('pkey', '-in', f('genrsa.key'), '-out', f('genrsa-pkcs8.key'))

  ossl(
    'pkcs12',
    '-export',
    '-inkey',
    f('client.key'),
    '-in',
    f('valid.crt'),
    '-out',
    f('bundle.p12'),
    '-passout',
    'pass:x',
  )
  ossl('pkcs12', '-in', f('bundle.p12'), '-passin', 'pass:x', '-nodes', '-nocerts', '-out', f('bag.key'))
  ossl('pkcs12', '-in', f('bundle.p12'), '-passin', 'pass:x', '-nokeys', '-out', f('bag.crt'))

  ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f('ec-pkcs8.key'))
  issue('ec-pkcs8.key', 'ec-pkcs8.crt', 'ec client')
  ossl('genpkey', '-algorithm', 'ED25519', '-out', f('ed25519.key'))
  issue('ed25519.key', 'ed25519.crt', 'ed25519 client')
  ossl('genpkey', '-algorithm', 'ED448', '-out', f('ed448.key'))
  ossl('genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024', '-out', f('dsa.param'))
  ossl('genpkey', '-paramfile', f('dsa.param'), '-out', f('dsa.key'))
  ossl('genpkey', '-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', f('rsa-pss.key'))

  const kf: KeyFixtures = {
    pkcs1: { cert: read('genrsa.crt'), key: read('genrsa.key') },
    pkcs1AsPkcs8: read('genrsa-pkcs8.key'),
    bagKey: read('bag.key'),
    bagCert: read('bag.crt'),
    ec: { cert: read('ec-pkcs8.crt'), key: read('ec-pkcs8.key') },
    ed25519: { cert: read('ed25519.crt'), key: read('ed25519.key') },
    ed448Key: read('ed448.key'),
    dsaKey: read('dsa.key'),
    rsaPssKey: read('rsa-pss.key'),
    allKeys: [],
  }
  // Not bagKey: its key is client.key (in the openssl fixtures' list), and its Bag Attributes lines are no secret.
  kf.allKeys = [kf.pkcs1.key, kf.pkcs1AsPkcs8, kf.ec.key, kf.ed25519.key, kf.ed448Key, kf.dsaKey, kf.rsaPssKey]
  return kf
}

/**
 * The delegate's own loader: the file trimmed, line breaks removed, must be one PRIVATE KEY block and nothing else,
 * and the key in it RSA.
 */
export function assertDelegateLoads(keyPem: string): void {
  // Java's String.trim() (every character up to U+0020, not a byte order mark), then \n and \r removed.
  const flat = keyPem.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/\r|\n/g, '')
  assert.ok(flat.startsWith('-----BEGIN PRIVATE KEY-----'), 'starts with BEGIN PRIVATE KEY')
  assert.ok(flat.endsWith('-----END PRIVATE KEY-----'), 'ends with END PRIVATE KEY')
  assert.is(flat.lastIndexOf('-----BEGIN PRIVATE KEY-----'), 0, 'exactly one key')
  assert.is(flat.indexOf('-----END PRIVATE KEY-----'), flat.length - '-----END PRIVATE KEY-----'.length)
  // Java's strict base64 decoder, after the loader removed the spaces.
  const body = flat.slice(27, -25).replace(/ /g, '')
  assert.match(body, /^[A-Za-z0-9+/]+={0,2}$/)
  const der = Buffer.from(body, 'base64')
  assert.is(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).asymmetricKeyType, 'rsa')
}
