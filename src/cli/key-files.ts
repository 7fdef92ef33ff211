import { stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Io } from './io.js'
import type { FileResult } from './report.js'

/** Did this file get client certificate data (a new or filled-in Secret)? Such files are written 0600. */
export const holdsKey = (r: FileResult) => r.changes.some((c) => c.resource.kind === 'Secret' && (c.op === 'insert' || /^data\./.test(c.path)))

/** A private key committed to git is a leak waiting to happen: say so, and what GitOps repos use instead. */
export async function warnIfInGitTree(abs: string, shown: string, io: Io): Promise<void> {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    if (await stat(join(dir, '.git')).then(() => true, () => false)) {
      io.stderr.write(`${shown}: warning: this file now holds a private key and is inside a git work tree (${dir}); do not commit it — in GitOps repos use Sealed Secrets or External Secrets for the client certificate Secret\n`)
      return
    }
    if (dirname(dir) === dir) return
  }
}
