/**
 * Shared by the test/secret-cli suites (not a suite itself: the runner only picks up `*.test.ts`).
 *
 * - `cli()` runs `main(argv, io)` in-process with string buffers, `bin()` the real committed bundle;
 * - `workspace()` is a temp folder holding the openssl-made certificates of test/secret/openssl-fixtures.ts
 *   under stable names (`certs/…`), the committed TEST-ONLY pair (`fixed/…`) and the sample manifest;
 * - `assertNoKey()` fails when any key material shows in a text: a body line of a key PEM, or any
 *   32-character slice (at every offset) of the base64 of a key file or of its PEM body.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import * as assert from 'uvu/assert'
import { main } from '../../src/cli/main.js'
import { keyMaterialNeedles, makeFixtures, type Fixtures } from '../secret/openssl-fixtures.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'secret')
export const SAMPLE = join(ROOT, 'samples', 'harness-delegate.yaml')
export const SAMPLE_MTLS = join(ROOT, 'samples', 'harness-delegate.mtls.yaml')
/** The UI's placeholder Secret (`"{CERT}"` / `"{KEY}"`) lives in the UI's mTLS rendering: the project's own... */
export const HAND_RENDERED = join(ROOT, 'test', 'fixtures', 'manifests', 'ui-immutable-clusteradmin-mtls.yaml')
/** ...and the corpus's hand render of the same template, used when the corpus is beside the clone. */
export const HAND_RENDERED_CORPUS = join(
  ROOT,
  '..',
  'shared',
  'corpus',
  'harness',
  'ng-template-mtls-immutable-2023-11-hand-rendered.yaml',
)
export const ENDPOINT = 'https://acme.harness.io:8443'
export const E = ['-e', ENDPOINT]

/** The committed TEST-ONLY pair (test/fixtures/secret/README.md): fixed bytes for the goldens. */
export const FIXED = {
  ca: readFileSync(join(FIXTURES, 'TEST-ONLY-ca.crt'), 'utf8'),
  cert: readFileSync(join(FIXTURES, 'TEST-ONLY-client.crt'), 'utf8'),
  key: readFileSync(join(FIXTURES, 'TEST-ONLY-client.key'), 'utf8'),
}

export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
export const read = (path: string) => readFileSync(path, 'utf8')

/** Set UPDATE_GOLDENS=1 to rewrite a golden instead of comparing with it (then review the git diff). */
export function golden(name: string, actual: string): void {
  const path = join(FIXTURES, name)
  if (process.env.UPDATE_GOLDENS === '1') writeFileSync(path, actual)
  assert.fixture(actual, read(path))
}

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** The CLI in-process. `cwd` is where relative paths resolve; `stdin` is the standard input's bytes. */
export async function cli(
  argv: string[],
  opts: { cwd: string; stdin?: string; env?: Record<string, string> },
): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io = {
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin, 'utf8')]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: opts.env ?? {},
    cwd: opts.cwd,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

/** The real bin (the committed bundle in dist/), as a user runs it; killed after `timeout` ms if given. */
export function bin(argv: string[], opts: { cwd: string; stdin?: string; timeout?: number }): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'delegate-mtls.js'), ...argv], {
    cwd: opts.cwd,
    input: opts.stdin ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    ...(opts.timeout === undefined ? {} : { timeout: opts.timeout, killSignal: 'SIGKILL' as const }),
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/** File names in the workspace, relative to its root (the CLI's cwd), as messages will show them. */
export const F = {
  ca: 'certs/ca.crt',
  otherCa: 'certs/other-ca.crt',
  notCa: 'certs/not-ca.crt',
  cert: 'certs/client.crt',
  key: 'certs/client.key',
  expired: 'certs/expired.crt',
  notYetValid: 'certs/not-yet-valid.crt',
  expiring: 'certs/expiring.crt',
  serverAuth: 'certs/server-auth.crt',
  otherCaSigned: 'certs/other-ca-signed.crt',
  notCaSigned: 'certs/not-ca-signed.crt',
  mismatchedKey: 'certs/mismatched.key',
  encryptedKey: 'certs/encrypted.key',
  encryptedTraditionalKey: 'certs/encrypted-traditional.key',
  ecCert: 'certs/ec.crt',
  ecKey: 'certs/ec.key',
  rsa1024Cert: 'certs/rsa1024.crt',
  rsa1024Key: 'certs/rsa1024.key',
  fixedCa: 'fixed/ca.crt',
  fixedCert: 'fixed/client.crt',
  fixedKey: 'fixed/client.key',
} as const

export interface Workspace {
  dir: string
  fx: Fixtures
  /** Writes `text` at `rel` (folders made as needed); returns the absolute path. */
  write(rel: string, text: string): string
  /** A fresh copy of the sample manifest at `rel`. */
  sample(rel?: string): string
  /** Every private key the tests made or use, for {@link assertNoKey}. */
  keys: string[]
  remove(): void
}

let shared: Fixtures | undefined

/** The openssl fixtures are made once per process (they take a few seconds) and shared by the suites. */
function fixtures(): Fixtures {
  if (!shared) {
    shared = makeFixtures()
    const fx = shared
    process.on('exit', () => fx.cleanup())
  }
  return shared
}

export function workspace(): Workspace {
  const fx = fixtures()
  const dir = mkdtempSync(join(tmpdir(), 'dmtls-secret-cli-'))
  const write = (rel: string, text: string) => {
    const path = join(dir, rel)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    return path
  }
  const files: Record<keyof typeof F, string> = {
    ca: fx.ca.cert,
    otherCa: fx.otherCa.cert,
    notCa: fx.notCa.cert,
    cert: fx.valid.cert,
    key: fx.valid.key,
    expired: fx.expired,
    notYetValid: fx.notYetValid,
    expiring: fx.expiringSoon,
    serverAuth: fx.serverAuthOnly,
    otherCaSigned: fx.signedByOtherCa,
    notCaSigned: fx.signedByNotCa,
    mismatchedKey: fx.mismatchedKey,
    encryptedKey: fx.encryptedPkcs8Key,
    encryptedTraditionalKey: fx.encryptedTraditionalKey,
    ecCert: fx.ec.cert,
    ecKey: fx.ec.key,
    rsa1024Cert: fx.rsa1024.cert,
    rsa1024Key: fx.rsa1024.key,
    fixedCa: FIXED.ca,
    fixedCert: FIXED.cert,
    fixedKey: FIXED.key,
  }
  for (const [k, text] of Object.entries(files)) write(F[k as keyof typeof F], text)
  return {
    dir,
    fx,
    write,
    sample: (rel = 'd.yaml') => {
      const path = join(dir, rel)
      mkdirSync(dirname(path), { recursive: true })
      copyFileSync(SAMPLE, path)
      return path
    },
    keys: [...fx.allKeys, FIXED.key],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

const materialCache = new Map<string, { lines: string[]; windows: Set<string> }>()

/** Body lines of the keys' PEM, and every 32-character slice of the base64 of each file and of each PEM body. */
function material(keys: readonly string[]): { lines: string[]; windows: Set<string> } {
  const id = keys.join('\0')
  let m = materialCache.get(id)
  if (!m) {
    const windows = new Set<string>()
    const lines = new Set<string>()
    for (const key of keys) {
      const body = key
        .split(/\r?\n/)
        .filter((l) => l !== '' && !l.startsWith('-----') && !/^[A-Za-z-]+:/.test(l))
        .join('')
      for (const s of [b64(key), body]) for (let i = 0; i + 32 <= s.length; i++) windows.add(s.slice(i, i + 32))
      for (const n of keyMaterialNeedles(key)) if (n.length < 200) lines.add(n)
    }
    m = { lines: [...lines], windows }
    materialCache.set(id, m)
  }
  return m
}

/** The first piece of key material found in `text`, or undefined. */
export function findKey(text: string, keys: readonly string[]): string | undefined {
  const { lines, windows } = material(keys)
  for (const line of lines) if (text.includes(line)) return line
  for (let i = 0; i + 32 <= text.length; i++) {
    const w = text.slice(i, i + 32)
    if (windows.has(w)) return w
  }
  return undefined
}

/** Fails, naming the stream, when `text` holds any piece of any key (shown only by its first characters). */
export function assertNoKey(text: string, keys: readonly string[], where: string): void {
  const hit = findKey(text, keys)
  if (hit !== undefined) assert.unreachable(`${where} leaks key material: "${hit.slice(0, 10)}…"`)
}

/** `git init` in `dir` (quietly; no identity needed). */
export function gitInit(dir: string): void {
  execFileSync('git', ['init', '-q', dir], { stdio: 'ignore' })
}

export const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 20000 })
    return true
  } catch {
    return false
  }
})()

/** `2026-10-29T14:26:16Z`: how the certificate messages print a date. */
export const isoDate = (d: Date) => d.toISOString().replace(/\.000Z$/, 'Z')
