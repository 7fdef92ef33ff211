/**
 * Shared by the CLI suites: run `main(argv, io)` in-process with a fake Io, or the real bin in a
 * child process, and the sample manifests every suite migrates.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { main } from '../../../src/cli/main.js'
import type { Io } from '../../../src/cli/io.js'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const BIN = join(REPO_ROOT, 'bin', 'delegate-mtls.js')
export const FIXTURES = join(REPO_ROOT, 'test', 'cli', 'fixtures')
export const ENDPOINT = 'https://acme.harness.io:8443'

/** The Harness UI download and its migrated form (the README's quick start). */
export const SAMPLE = readFileSync(join(REPO_ROOT, 'samples', 'harness-delegate.yaml'), 'utf8')
export const SAMPLE_MTLS = readFileSync(join(REPO_ROOT, 'samples', 'harness-delegate.mtls.yaml'), 'utf8')
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

export interface Ran {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  stdin?: string
  env?: Record<string, string | undefined>
  stdoutTTY?: boolean
  stderrTTY?: boolean
}

/**
 * `main(argv, io)` with captured stdout/stderr; the env is exactly `opts.env` (nothing leaks in from the test's
 * process).
 */
export async function run(argv: string[], opts: RunOptions): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin, 'utf8')]),
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.stdoutTTY ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.stderrTTY ?? false },
    env: opts.env ?? {},
    cwd: opts.cwd,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

/** The real bin (the committed dist/ bundle) in a child process. */
export function runBin(
  argv: string[],
  opts: { cwd: string; stdin?: string; env?: Record<string, string | undefined> },
): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    child.on('error', fail)
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
    child.stdin.on('error', () => undefined) // the bin may exit before reading stdin (usage errors)
    child.stdin.end(opts.stdin ?? '')
  })
}

/** A fresh `dmtls-cli-*` folder; `remove()` for the suite's `after` hook. */
export function makeTmp(prefix = 'dmtls-cli-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * A small delegate Deployment named `name` (the smallest shape the tool migrates), and what it becomes.
 * The batch suites generate hundreds of these.
 */
export const smallDelegate = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: harness-delegate-ng
spec:
  selector:
    matchLabels:
      harness.io/name: ${name}
  template:
    metadata:
      labels:
        harness.io/name: ${name}
    spec:
      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
        - name: MANAGER_HOST_AND_PORT
          value: https://app.harness.io
`

export const smallDelegateMtls = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: harness-delegate-ng
spec:
  selector:
    matchLabels:
      harness.io/name: ${name}
  template:
    metadata:
      labels:
        harness.io/name: ${name}
    spec:
      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
        - name: MANAGER_HOST_AND_PORT
          value: https://acme.harness.io:8443
        - name: DELEGATE_CLIENT_CERTIFICATE_PATH
          value: "/etc/mtls/client.crt"
        - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
          value: "/etc/mtls/client.key"
        - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
          value: "true"
        volumeMounts:
        - name: client-certificate
          mountPath: /etc/mtls
          readOnly: true
      volumes:
      - name: client-certificate
        secret:
          secretName: client-certificate
          defaultMode: 256 # 0400
`

/** Not Kubernetes at all: must pass untouched, exit 0. */
export const NOT_A_DELEGATE = `# CI settings, not a manifest
stages:
  - build
  - test
cache:
  paths: [node_modules/]
`
