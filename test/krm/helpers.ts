/**
 * For the suites that run delegate-mtls under the real engines: a folder on PATH holding the two
 * bins by the names users install them under, an identity function, and a child-process runner.
 */
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { BIN, REPO_ROOT, type Ran } from '../cli/helpers/cli.js'

/** Creates `dir/bin` with `delegate-mtls`, `delegate-mtls-fn` and `identity` (a function that changes nothing). */
export function installBins(dir: string): { binDir: string; path: string } {
  const binDir = join(dir, 'bin')
  mkdirSync(binDir, { recursive: true })
  symlinkSync(BIN, join(binDir, 'delegate-mtls'))
  symlinkSync(join(REPO_ROOT, 'bin', 'delegate-mtls-fn.js'), join(binDir, 'delegate-mtls-fn'))
  writeFileSync(join(binDir, 'identity'), '#!/bin/sh\nexec cat\n')
  chmodSync(join(binDir, 'identity'), 0o755)
  // node for the bins' `#!/usr/bin/env node`, then the rest of the PATH (kpt, sh, cat).
  return { binDir, path: [binDir, dirname(process.execPath), process.env.PATH ?? ''].join(':') }
}

/** Runs `cmd args…` with exactly `env` (plus PATH), `stdin` piped in; at most 60 s. */
export function runCmd(
  cmd: string,
  args: string[],
  opts: { cwd: string; path: string; stdin?: string; env?: Record<string, string> },
): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { PATH: opts.path, HOME: opts.cwd, DELEGATE_MTLS_CACHE: '0', ...opts.env },
      timeout: 60_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    child.on('error', fail)
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(opts.stdin ?? '')
  })
}
