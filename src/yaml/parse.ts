import { parseAllDocuments, type Document, type YAMLError } from 'yaml'
import type { Diagnostic } from '../errors.js'
import { linePos } from './source.js'

export type Doc = Document.Parsed

/** Parse options that make the yaml library read like Kubernetes (sigs.k8s.io/yaml, YAML 1.1). */
export const K8S_PARSE = { version: '1.1', keepSourceTokens: true, prettyErrors: false } as const

/** Every document of a stream, in order, with the diagnostics of any that did not parse. */
export function parseStream(src: string, file: string): { docs: Doc[]; errors: Diagnostic[] } {
  const parsed = parseAllDocuments(src, K8S_PARSE)
  const docs: Doc[] = 'empty' in parsed ? [] : (parsed as Doc[])
  const errors: Diagnostic[] = []
  for (const doc of docs) for (const e of doc.errors) errors.push(yamlDiagnostic(src, file, e))
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
