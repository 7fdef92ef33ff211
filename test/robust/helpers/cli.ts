// Running the CLI for the robustness suites: in-process through `main(argv, io)` (fast), or the real
// bin in a child process with a deadline (for hangs, signals and the committed bundle).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { main } from '../../../src/cli/main.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..')
export const BIN = join(ROOT, 'bin/delegate-mtls.js')
export const ENDPOINT = 'https://acme.harness.io:8443'

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
  /** The child was killed at the deadline (a hang). */
  timedOut?: boolean
  signal?: NodeJS.Signals | null
  ms: number
}

/** `main(argv, io)` in this process, with captured streams; fails if it takes longer than `timeoutMs`. */
export async function runMain(
  argv: string[],
  opts: { cwd?: string; stdin?: string | Buffer; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const io = {
    stdin: Readable.from(
      opts.stdin === undefined ? [] : [typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : opts.stdin],
    ),
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
  }
  const t0 = performance.now()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), opts.timeoutMs ?? 10_000)),
  )
  const code = await Promise.race([main(argv, io), deadline]).finally(() => clearTimeout(timer))
  const ms = performance.now() - t0
  if (code === 'timeout') return { code: null, stdout, stderr, timedOut: true, ms }
  return { code, stdout, stderr, ms }
}

/** The real bin (`bin/delegate-mtls.js`, the committed bundle) in a child process, SIGKILLed at the deadline. */
export function runBin(
  argv: string[],
  opts: { cwd?: string; stdin?: string | Buffer; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, opts.timeoutMs ?? 10_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - t0 })
    })
    child.stdin.on('error', () => undefined) // the bin may exit before reading all of stdin
    child.stdin.end(opts.stdin ?? '')
  })
}

/** A fresh `dmtls-robust-*` folder under the OS temp dir, and a remover. */
export function makeTmp(prefix = 'dmtls-robust-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** No JavaScript stack trace: a crash prints `    at fn (file:line:col)` lines. */
export const hasStackTrace = (s: string) =>
  /^\s+at .+[:(].*\d+:\d+\)?$/m.test(s) || /\b(TypeError|RangeError|ReferenceError|SyntaxError): /.test(s)
