import { Composer, Parser, parseAllDocuments, type Document, type YAMLError } from 'yaml'
import type { Diagnostic } from '../errors.js'
import { k8sTags } from './resolve.js'
import { linePos } from './source.js'
import { documentStarts, maskDocuments } from './spans.js'

export type Doc = Document.Parsed

/** Options that make the yaml library decode like Kubernetes (sigs.k8s.io/yaml: YAML 1.1, goyaml.v2's resolver). */
export const K8S_DECODE = { version: '1.1', customTags: k8sTags } as const

/** Parse options for locating nodes: Kubernetes' decoding, with source tokens kept for splicing. */
export const K8S_PARSE = { ...K8S_DECODE, keepSourceTokens: true, prettyErrors: false } as const

/** At most this many syntax errors are reported per input; one broken bracket can cascade into thousands. */
export const MAX_SYNTAX_ERRORS = 10

/**
 * Every document of a stream, in order, with the diagnostics of any that did not parse. Nesting too
 * deep for the parser (it runs out of stack, at about 800 levels) is one clear error, not one per level.
 */
export function parseStream(
  src: string,
  file: string,
  mayMatter?: (documentText: string) => boolean,
): { docs: Doc[]; errors: Diagnostic[]; starts?: number[] } {
  // Documents that cannot matter (a Role, a Namespace …) are blanked before parsing: they pass through
  // as they are, byte for byte, and composing them would be most of the work on a typical manifest.
  const starts = mayMatter ? documentStarts(src) : undefined
  let docs = parseDocs(
    starts ? maskDocuments(src, starts, (i) => mayMatter!(src.slice(starts[i]!, starts[i + 1] ?? src.length))) : src,
  )
  if (starts && docs.length !== starts.length) docs = parseDocs(src)
  const result = parseErrors(src, file, docs)
  return starts && docs.length === starts.length ? { ...result, starts } : result
}

/**
 * The document(s) of `src` between `start` and `end` (one document as src/yaml/spans.ts splits a stream),
 * parsed on their own but with every node range, token and error position an offset into `src`: the
 * same as parsing the whole stream gives, without holding the other documents.
 */
export function parseDocumentsAt(src: string, start: number, end: number, keepSourceTokens = true): Doc[] {
  const parser = new Parser()
  parser.offset = start
  return Array.from(
    new Composer({ ...K8S_PARSE, keepSourceTokens }).compose(parser.parse(src.slice(start, end))),
  ) as Doc[]
}

function parseDocs(src: string): Doc[] {
  const parsed = parseAllDocuments(src, K8S_PARSE)
  return 'empty' in parsed ? [] : (parsed as Doc[])
}

/** A Go template action where YAML has a value or a line of its own: `key: {{ … }}`, `{{- include … }}`. */
const TEMPLATE_ACTION = /^([ \t]*(?:-[ \t]+)?(?:[^\s#:][^:#\n]*:[ \t]+)?)\{\{-?[ \t]/m

function parseErrors(src: string, file: string, docs: Doc[]): { docs: Doc[]; errors: Diagnostic[] } {
  const all = docs.flatMap((doc) => doc.errors)
  const overflow = all.find((e) => /call stack/i.test(e.message))
  if (overflow) {
    const { line, col } = linePos(src, overflow.pos[0])
    const message =
      'invalid YAML: nested too deeply to read (hundreds of levels of brackets or indentation); a ' +
      'Kubernetes manifest is never this deep'
    return { docs, errors: [{ code: 'YAML_SYNTAX', severity: 'error', message, file, line, col }] }
  }
  // A Helm chart template is Go template text around YAML: its syntax errors say nothing useful. One error
  // at the first template action says what it is and what to do instead.
  const action = all.length > 0 ? TEMPLATE_ACTION.exec(src) : null
  if (action) {
    const { line, col } = linePos(src, action.index + action[1]!.length)
    const message =
      'this is a Helm chart template ({{ … }}), not a manifest: render it first (helm template … | delegate-mtls …, ' +
      "or use delegate-mtls as a post-renderer), or migrate the chart's values file"
    return { docs, errors: [{ code: 'YAML_SYNTAX', severity: 'error', message, file, line, col }] }
  }
  const errors = all.slice(0, MAX_SYNTAX_ERRORS).map((e) => yamlDiagnostic(src, file, e))
  if (all.length > MAX_SYNTAX_ERRORS) {
    const last = errors[errors.length - 1]!
    errors.push({
      ...last,
      message: `invalid YAML: ${all.length - MAX_SYNTAX_ERRORS} more errors follow from the ones above`,
    })
  }
  return { docs, errors }
}

export function yamlDiagnostic(src: string, file: string, e: YAMLError, offsetShift = 0): Diagnostic {
  const { line, col } = linePos(src, e.pos[0] + offsetShift)
  const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
  return { code: 'YAML_SYNTAX', severity: 'error', message: `invalid YAML: ${message}`, file, line, col }
}

/** Decodes a document as Kubernetes would; alias bombs and similar surface as an error message. */
export function toPlain(doc: Doc): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) }
  } catch (e) {
    return { error: (e as Error).message }
  }
}
