import { promises as fsp } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Io } from './io.js'
import type { FileResult } from './report.js'
import { redactSecretData } from '../secret/render-secret.js'

/**
 * Is this file's output a key file? Yes when it got client certificate data (a new or filled-in Secret), and,
 * given the `output` text, also when that text holds a private key already (an `--out-dir` copy of a migrated
 * file is a new file with the key in it). Such files are written 0600.
 */
export const holdsKey = (r: FileResult, output?: string) =>
  r.changes.some((c) => c.resource.kind === 'Secret' && (c.op === 'insert' || /^data\./.test(c.path))) ||
  (output !== undefined && textHoldsKey(output))

/** A PEM private key, or Secret data under `client.key`/`client.crt`/`tls.key` that is not a placeholder (conservative). */
export const textHoldsKey = (text: string) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text) || redactSecretData(text) !== text

/** A private key committed to git is a leak waiting to happen: say so, and what GitOps repos use instead. */
export async function warnIfInGitTree(abs: string, shown: string, io: Io): Promise<void> {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    if (await fsp.stat(join(dir, '.git')).then(() => true, () => false)) {
      io.stderr.write(`${shown}: warning: this file now holds a private key and is inside a git work tree (${dir}); do not commit it — in GitOps repos use Sealed Secrets or External Secrets for the client certificate Secret\n`)
      return
    }
    if (dirname(dir) === dir) return
  }
}
