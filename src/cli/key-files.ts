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

/**
 * A PEM private key, or Secret data under `client.key`/`client.crt`/`tls.key` that is not a placeholder (conservative).
 */
export const textHoldsKey = (text: string) =>
  PEM_KEY.test(text) || (mayHoldSecretData(text) && redactSecretData(text) !== text)

const PEM_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/

/**
 * True when `text` has what any text redactSecretData changes contains: a secret key name followed by a
 * colon (a YAML or JSON entry, quoted or not), or a base64 run of 40 characters (a key encoded; a PEM
 * private key's BEGIN line is tested first). A migrated manifest without key data has none of them, and
 * is then not redacted for nothing. The same as the regular expression
 * `/(?:client\.key|client\.crt|tls\.key)["']?[ \t]*:|[A-Za-z0-9+/]{40}/` (test/secret-cli/key-files.test.ts
 * compares them), without the 40-character attempt at every letter the regular expression made: it
 * was 4% of a fleet `--write`.
 */
export function mayHoldSecretData(text: string): boolean {
  for (const name of SECRET_KEY_NAMES) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      let i = at + name.length
      if (text[i] === '"' || text[i] === "'") i++
      while (text[i] === ' ' || text[i] === '\t') i++
      if (text[i] === ':') return true
    }
  }
  // A window of 40 characters, read from its end: the first one that is not base64 rules out every
  // window that holds it, so the next starts just past it (most text is read about one character in 20).
  for (let start = 0; start + BASE64_RUN <= text.length;) {
    let i = start + BASE64_RUN - 1
    while (i >= start && isBase64(text.charCodeAt(i))) i--
    if (i < start) return true
    start = i + 1
  }
  return false
}

const isBase64 = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 47

const SECRET_KEY_NAMES = ['client.key', 'client.crt', 'tls.key']
const BASE64_RUN = 40

/** A private key committed to git is a leak waiting to happen: say so, and what GitOps repos use instead. */
export async function warnIfInGitTree(abs: string, shown: string, io: Io): Promise<void> {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    if (
      await fsp.stat(join(dir, '.git')).then(
        () => true,
        () => false,
      )
    ) {
      io.stderr.write(
        `${shown}: warning: this file now holds a private key and is inside a git work tree ` +
          `(${dir}); do not commit it — in GitOps repos use Sealed Secrets or External Secrets for the ` +
          `client certificate Secret\n`,
      )
      return
    }
    if (dirname(dir) === dir) return
  }
}
