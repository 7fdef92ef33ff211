import type { MigrateArgs } from './args.js'
import { normalizeArgv } from './argv.js'
import { endpointFromEnv } from './endpoint-env.js'

// Every run inside a pre-commit hook pays for argument parsing, and yargs costs about a fifth of
// the start-up budget. The usual migrate command lines are parsed here by hand; anything else
// (help, subcommands, --revert, repeated or unknown options) returns undefined and goes to yargs,
// which then parses and explains it. Both read the command line after normalizeArgv (argv.ts), which
// settles short options, attached values and `--`. A test proves that wherever this answers, yargs
// gives the same answer.

const STRINGS: Record<string, keyof MigrateArgs> = {
  endpoint: 'endpoint',
  e: 'endpoint',
  'secret-name': 'secretName',
  'mount-path': 'mountPath',
  'out-dir': 'outDir',
  cert: 'cert',
  key: 'key',
  ca: 'ca',
  'cert-path': 'certPath',
  'key-path': 'keyPath',
  format: 'format',
  'max-bytes': 'maxBytes',
}
const BOOLEANS: Record<string, keyof MigrateArgs> = {
  'ti-service': 'tiService',
  'grpc-authority': 'grpcAuthority',
  write: 'write',
  w: 'write',
  check: 'check',
  c: 'check',
  'list-different': 'listDifferent',
  l: 'listDifferent',
  null: 'nullTerminated',
  diff: 'diff',
  'keep-going': 'keepGoing',
  quiet: 'quiet',
  q: 'quiet',
}

/** The migrate arguments of a plain command line, or undefined when yargs must decide. */
export function fastParseArgs(argv: string[], env: Record<string, string | undefined>): MigrateArgs | undefined {
  const out: MigrateArgs = {
    command: 'migrate',
    paths: [],
    tiService: false,
    grpcAuthority: true,
    write: false,
    check: false,
    listDifferent: false,
    nullTerminated: false,
    diff: false,
    format: 'text',
    keepGoing: false,
    quiet: false,
  }
  const { options, operands } = normalizeArgv(argv)
  const seen = new Set<string>()
  for (let i = 0; i < options.length; i++) {
    const arg = options[i]!
    if (arg === '-' || !arg.startsWith('-')) {
      out.paths.push(arg)
      continue
    }
    const m = /^(?:--([a-z][a-z-]*[a-z])(?:=(.*))?|-([a-z]))$/s.exec(arg)
    if (!m) return undefined
    let name = m[1] ?? m[3]!
    let inline = m[2]
    let negated = false
    if (name.startsWith('no-') && BOOLEANS[name.slice(3)]) {
      if (inline !== undefined) return undefined
      name = name.slice(3)
      negated = true
    }
    const key = STRINGS[name] ?? BOOLEANS[name]
    if (!key || seen.has(key)) return undefined
    seen.add(key)
    if (BOOLEANS[name]) {
      if (inline !== undefined) return undefined
      ;(out as unknown as Record<string, unknown>)[key] = !negated
      continue
    }
    if (inline === undefined) {
      inline = options[++i]
      if (inline === undefined || inline.startsWith('-')) return undefined
    }
    if (key === 'format') {
      if (inline !== 'text' && inline !== 'json') return undefined
      out.format = inline
    } else if (key === 'maxBytes') {
      if (!/^[0-9]+$/.test(inline) || !(Number(inline) > 0)) return undefined
      out.maxBytes = Number(inline)
    } else {
      ;(out as unknown as Record<string, unknown>)[key] = inline
    }
  }
  if (['secret', 'audit', 'fn', 'cert', 'probe'].includes(out.paths[0]!)) return undefined
  out.paths.push(...operands)
  // As in yargs: an empty --endpoint is no endpoint, and does not fall back to the environment.
  if (out.endpoint === '') delete out.endpoint
  else if (out.endpoint === undefined) {
    const fromEnv = endpointFromEnv(env)
    if (fromEnv) {
      out.endpoint = fromEnv.endpoint
      out.endpointFrom = fromEnv.from
    }
  }
  return out
}
