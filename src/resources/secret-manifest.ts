/**
 * The client certificate Secret: rendering it, recognising the UI's placeholder data, and
 * scrubbing key material out of text meant for humans (diffs, reports).
 */
import { isSafePlain } from '../yaml/scalar.js'
import { CERT_FILE, KEY_FILE } from './wanted-state.js'

export interface SecretSpec {
  /** metadata.name of the Secret. */
  name: string
  /** metadata.namespace; omitted from the output when undefined or empty (as kubectl does without -n). */
  namespace?: string
  /** Content of the certificate file; encoded byte for byte (UTF-8, as read with readFileSync(path, 'utf8')). */
  certPem: string
  /** Content of the key file; encoded byte for byte. */
  keyPem: string
}

/** Data keys of the Secret, as the delegate manifest's volume expects them. */
export const CLIENT_CERT_KEY = CERT_FILE
export const CLIENT_KEY_KEY = KEY_FILE

/**
 * The Secret manifest, content-compatible with
 * `kubectl create secret generic NAME --from-file=client.crt=CERT --from-file=client.key=KEY [-n NS]
 * --dry-run=client -o yaml`: keys sorted as kubectl sorts them, base64 on one line, name/namespace
 * double-quoted only when YAML would otherwise read them as something other than that string.
 *
 * Two deliberate differences. We print no `creationTimestamp: null` (kubectl 1.32 still prints it
 * under metadata; a null timestamp is the same as none). And we always print `type: Opaque`. kubectl's dry-run of a
 * generic
 * Secret leaves `type` out (the field is empty and omitted); the API server then defaults it to
 * Opaque, so the applied object is the same — printing it just makes the manifest say so.
 *
 * Lines end with `eol` (default `\n`), including the last one.
 */
export function renderSecretManifest(spec: SecretSpec, eol: '\n' | '\r\n' = '\n'): string {
  const lines = [
    'apiVersion: v1',
    'data:',
    `  ${CLIENT_CERT_KEY}: ${base64(spec.certPem)}`,
    `  ${CLIENT_KEY_KEY}: ${base64(spec.keyPem)}`,
    'kind: Secret',
    'metadata:',
    `  name: ${yamlString(spec.name)}`,
  ]
  if (spec.namespace !== undefined && spec.namespace !== '') {
    lines.push(`  namespace: ${yamlString(spec.namespace)}`)
  }
  lines.push('type: Opaque')
  return lines.join(eol) + eol
}

/**
 * True for Secret data that is not real content: the placeholders the Harness UI puts into the
 * downloaded manifest (`{CERT}`, `{KEY}`) and empty values. Surrounding whitespace is ignored.
 */
export function isPlaceholderSecretData(value: string): boolean {
  const v = value.trim()
  return v === '' || v === '{CERT}' || v === '{KEY}'
}

export const REDACTED = '<redacted>'

/**
 * Replaces secret material in free text (YAML, JSON, unified diffs, reports) with `<redacted>`:
 *
 * - the value of every `client.key`, `client.crt` and `tls.key` entry: YAML block-style entries
 *   (plain, quoted or block scalar values, also on `+`/`-`/` ` lines of a unified diff — a text
 *   with an `@@ -` hunk header is read as a diff) and JSON pairs (`"client.key": "..."`, anywhere
 *   in a line); placeholder values
 *   (`{CERT}`, `{KEY}`, empty — see {@link isPlaceholderSecretData}) are not secrets and are kept
 *   so that a diff still shows a placeholder being filled in;
 * - every PEM private key block, `-----BEGIN ... PRIVATE KEY-----` to its `-----END ...-----`
 *   (also when the newlines are JSON `\n` escapes); a block without an END line is redacted up to
 *   the end of its base64 lines;
 * - every base64 run (possibly wrapped over several lines) that decodes to a PEM private key.
 *
 * Idempotent: redacting twice gives the same text.
 */
export function redactSecretData(text: string): string {
  let out = redactDataEntries(text)
  out = out.replace(JSON_ENTRY, (all, key: string, colon: string, value: string) =>
    isPlaceholderSecretData(value) ? all : `"${key}"${colon}"${REDACTED}"`,
  )
  out = out.replace(PEM_PRIVATE_KEY, REDACTED)
  out = out.replace(PEM_PRIVATE_KEY_UNTERMINATED, REDACTED)
  out = out.replace(BASE64_RUN, (run) => (decodesToPemPrivateKey(run) ? REDACTED : run))
  return out
}

// ---------------------------------------------------------------------------------------------

function base64(content: string): string {
  return Buffer.from(content, 'utf8').toString('base64')
}

/** A YAML scalar for `s`: plain when it is unambiguous, otherwise double-quoted (as go-yaml does). */
export function yamlString(s: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s) && isSafePlain(s)) return s
  return JSON.stringify(s)
}

const SECRET_KEYS = /^(client\.key|client\.crt|tls\.key)$/
// [diff prefix][indent][optional "- " of a sequence][quote]key[quote]:[rest]
const ENTRY = /^([ \t]*(?:-[ \t]+)?)(["']?)(client\.key|client\.crt|tls\.key)\2([ \t]*:)(.*)$/

function redactDataEntries(text: string): string {
  const lines = text.split('\n')
  const diff = looksLikeUnifiedDiff(lines)
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const cr = line.endsWith('\r') ? '\r' : ''
    const body = cr ? line.slice(0, -1) : line
    const prefix = diff && /^[ +-]/.test(body) && !/^(\+\+\+|---) /.test(body) ? body.slice(0, 1) : ''
    const m = ENTRY.exec(body.slice(prefix.length))
    // A YAML key needs whitespace (or the line end) after its colon; a quoted JSON key does not.
    if (!m || !SECRET_KEYS.test(m[3] as string) || (m[2] === '' && m[5] !== '' && !/^[ \t]/.test(m[5] as string))) {
      out.push(line)
      continue
    }
    const [, lead = '', quote = '', key = '', colon = '', rest = ''] = m
    const indent = indentOf(lead)
    // Lines that continue the value: more indented than the key (blank lines inside included).
    let last = i
    for (let j = i + 1; j < lines.length; j++) {
      const next = stripCr(lines[j] as string)
      const nextBody = diff && /^[ +-]/.test(next) ? next.slice(1) : next
      if (nextBody.trim() === '') continue
      if (diff && /^(@@|\\ |diff |index |\+\+\+ |--- )/.test(next)) break
      if (indentOf(nextBody) <= indent) break
      last = j
    }
    const value = rest.trim()
    const continued = last > i
    if (!continued && isPlaceholderSecretData(unquote(value))) {
      out.push(line)
      continue
    }
    out.push(`${prefix}${lead}${quote}${key}${quote}${colon} ${redactValue(value)}${cr}`)
    i = last
  }
  return out.join('\n')
}

/** The redacted form of one scalar value, keeping its quoting and what follows it (`,`, comments). */
function redactValue(value: string): string {
  const dq = /^"(?:[^"\\]|\\.)*"(.*)$/.exec(value)
  if (dq) return `"${REDACTED}"${dq[1]}`
  const sq = /^'(?:[^']|'')*'(.*)$/.exec(value)
  if (sq) return `'${REDACTED}'${sq[1]}`
  const comment = /[ \t]#.*$/.exec(value)
  return REDACTED + (comment ? comment[0] : '')
}

function unquote(value: string): string {
  if (/^"(?:[^"\\]|\\.)*"$/.test(value) || /^'(?:[^']|'')*'$/.test(value)) return value.slice(1, -1)
  return value.replace(/[ \t]#.*$/, '')
}

function indentOf(s: string): number {
  const m = /^[ \t]*(?:-[ \t]+)?/.exec(s)
  return m ? m[0].length : 0
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s
}

function looksLikeUnifiedDiff(lines: readonly string[]): boolean {
  return lines.some((l) => /^@@ -\d/.test(l))
}

/** A JSON (or YAML flow) pair with a quoted key and a double-quoted value, anywhere in a line. */
const JSON_ENTRY = /"(client\.key|client\.crt|tls\.key)"([ \t]*:[ \t]*)"((?:[^"\\\r\n]|\\.)*)"/g
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*-----/g
/**
 * A BEGIN line left without END: the BEGIN line plus the PEM header/base64 lines that follow
 * (blank lines between them included, the line end after the last one kept).
 */
const PEM_PRIVATE_KEY_UNTERMINATED = new RegExp(
  // The BEGIN line; then lines (after a real or an escaped line break) of base64 or PEM headers, each ending
  // at a line break, a quote or comma (a JSON string) or the end; or blank lines before a real line break.
  String.raw`-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----` +
    String.raw`(?:(?:\r?\n|\\r\\n|\\n)[ \t+-]*` +
    String.raw`(?:(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info):[^\r\n"\\]*)[ \t]*` +
    String.raw`(?=\r?\n|\\r\\n|\\n|["',]|$)|(?=\r?\n)))*`,
  'g',
)
/** A base64 run of 40+ characters, optionally wrapped over further lines that hold only base64. */
const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}(?:\r?\n[ \t]*[+-]?[ \t]*[A-Za-z0-9+/]{4,}={0,2}(?=\r?\n|$))*/g

function decodesToPemPrivateKey(run: string): boolean {
  // Only the first line matters for recognition (a diff prefix on later lines would shift the
  // decoding); the header sits in the first 40 characters of the encoding.
  const first = (run.split(/\r?\n/)[0] as string).replace(/=+$/, '')
  const usable = first.slice(0, first.length - (first.length % 4))
  const decoded = Buffer.from(usable, 'base64').toString('latin1')
  return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(decoded) || /^-----BEGIN [A-Z0-9 ]*PRIV/.test(decoded)
}
