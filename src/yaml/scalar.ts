import { CST, parseDocument, Scalar } from 'yaml'
import { K8S_DECODE } from './parse.js'

/** How a new scalar is written. `double` is what Harness's own templates use for env values. */
export type ScalarStyle = 'plain' | 'double'

const plainCache = new Map<string, boolean>()

/** The readers a new plain scalar must mean the same string to. */
const READERS = [
  K8S_DECODE, // Kubernetes: goyaml.v2's resolver (`0o400` is 256, `on` true)
  { version: '1.1' }, // other YAML 1.1 tools: base-60 `12:30`, timestamps
  { version: '1.2' }, // YAML 1.2 core (yq, Helm's values tooling): `0o400`, `0x10`
] as const

/**
 * Strings every reader takes as plain strings, known without parsing them (a check of one manifest
 * would otherwise parse each new value three times): a letter or `/` first, so no number, timestamp,
 * base-60 value, `.inf` or document marker; then letters, digits, `/`, `.`, `_`, `-`, and `:` only
 * inside and never before a space, so no indicator, comment or key. Words of letters alone (`yes`, `on`,
 * `null`, `y`) and exponents alone (`e9`, `e-1`: YAML 1.1 floats) still go through the readers.
 * test/yaml/scalar.test.ts checks it against them.
 */
export const OBVIOUSLY_PLAIN = /^(?![A-Za-z]+$|[eE]-?[0-9]+$)[A-Za-z/][\w/.-]*(?::[\w/.-]+)*$/

/**
 * True when `s` written bare reads back as exactly the string `s` for Kubernetes, for a YAML 1.1
 * reader and for a YAML 1.2 reader. `yes`, `on`, `0400`, `0o400`, `12:30`, `1e3`, `~`, `a: b`, ` x`
 * all fail this test and must be quoted.
 */
export function isSafePlain(s: string): boolean {
  if (OBVIOUSLY_PLAIN.test(s)) return true
  let ok = plainCache.get(s)
  if (ok === undefined) {
    ok = false
    if (s !== '' && !/[\n\r\t]|^\s|\s$|^[-?:,[\]{}#&*!|>'"%@`]|: |:$| #/.test(s)) {
      ok = readsBackPlain(s)
    }
    plainCache.set(s, ok)
  }
  return ok
}

/** Whether `s` written bare reads back as `s` for every reader in READERS (parsing it three times). */
export const readsBackPlain = (s: string): boolean =>
  READERS.every((options) => {
    const doc = parseDocument(`k: ${s}\n`, options)
    return doc.errors.length === 0 && doc.get('k') === s
  })

/** A double-quoted YAML scalar: JSON's escaping is valid YAML. */
export const doubleQuoted = (s: string): string => JSON.stringify(s)

/** Source text of a new scalar value that a YAML 1.1 reader decodes to exactly `value`. */
export function formatScalar(value: string | number | boolean, style: ScalarStyle = 'plain'): string {
  if (typeof value !== 'string') return String(value)
  if (style === 'plain' && isSafePlain(value)) return value
  return doubleQuoted(value)
}

/**
 * New source for an existing scalar node holding `value`, in the node's own style: a quoted value
 * stays quoted the same way, a plain one stays plain where YAML 1.1 allows it.
 */
export function restyleScalar(node: Scalar, value: string, indent: number): string {
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return doubleQuoted(value)
    case Scalar.QUOTE_SINGLE:
      return value.includes('\n') ? doubleQuoted(value) : `'${value.replace(/'/g, "''")}'`
    case Scalar.PLAIN:
      return formatScalar(value, 'plain')
    default: {
      const token = CST.createScalarToken(value, { indent, type: node.type, inFlow: false })
      return CST.stringify(token)
    }
  }
}
