import { UsageError } from '../errors.js'

// Both parsers (yargs in args.ts, the hand-written one in fast-args.ts) read the command line only after
// it has been through normalizeArgv: one place decides what every short option, attached value and `--`
// means, so the two cannot disagree, and none of yargs' guesses applies (`-eURL` read as the flags
// -e -h -t …, which printed the help; `--write=maybe` read as false; `-e X -e Y` read as a list).

/** Options that take a value, by long name (every command's: yargs says which command knows which). */
const STRINGS = new Set([
  'endpoint',
  'secret-name',
  'mount-path',
  'out-dir',
  'format',
  'max-bytes',
  'cert',
  'key',
  'ca',
  'cert-path',
  'key-path',
  'name',
  'namespace',
  'dir',
  'cn',
  'org',
  'days',
  'ca-days',
  'ca-cert',
  'ca-key',
])

/** Flags, by long name. */
const BOOLEANS = new Set([
  'help',
  'version',
  'ti-service',
  'grpc-authority',
  'write',
  'check',
  'list-different',
  'diff',
  'keep-going',
  'quiet',
  'revert',
  'null',
])

/** Each short option's long name. */
const SHORT: Record<string, string> = {
  e: 'endpoint',
  n: 'namespace',
  w: 'write',
  c: 'check',
  l: 'list-different',
  q: 'quiet',
  z: 'null',
  h: 'help',
}

/** A command line taken apart: the options (and the operands among them), and the operands after `--`. */
export interface SplitArgv {
  /**
   * The arguments before `--`, each option in one token: `--name=value` for every option with a value,
   * `--flag` or `--no-flag` for a flag (`-h` stays `-h`), everything else (operands, `-`, unknown options) as given.
   */
  options: string[]
  /** Everything after the first `--`: operands, whatever they look like. */
  operands: string[]
}

/** yargs reads `--secretName` as `--secret-name`; so must everything that checks names here. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/**
 * POSIX (getopt) reading of the command line, with the GNU long forms: `-eURL`, `-e URL`, `-e=URL` (as yargs
 * reads it) and `--endpoint=URL` are one endpoint; flags cluster (`-cq`), and a cluster may end in an option
 * with its value (`-ceURL`); an option's value is the next argument whatever it looks like (`-e -x` is the
 * endpoint "-x"); `--` ends the options. A flag's value, when given, is `=true` or `=false`. Throws UsageError
 * for an unknown short option, a flag with any other value, a value missing at the end, or an option with a
 * value given twice.
 */
export function normalizeArgv(argv: string[]): SplitArgv {
  const options: string[] = []
  const given = new Set<string>()
  const withValue = (name: string, value: string) => {
    if (given.has(name)) throw new UsageError(`--${name} is given more than once`)
    given.add(name)
    options.push(`--${name}=${value}`)
  }
  const flag = (name: string, spelled: string, value: string | undefined) => {
    if (value === undefined) options.push(name === 'help' && spelled === '-h' ? '-h' : `--${name}`)
    else if (value === 'true' || value === 'false') options.push(value === 'true' ? `--${name}` : `--no-${name}`)
    else throw new UsageError(`${spelled} is a flag: its value can only be true or false, not "${value}"`)
  }
  const valueAfter = (i: number, spelled: string): string => {
    if (i + 1 >= argv.length) throw new UsageError(`${spelled} needs a value`)
    return argv[i + 1]!
  }
  // yargs would take `--write false` as --write=false, a POSIX parser as --write and the file "false": neither
  // guess is safe.
  const noSeparateValue = (i: number, spelled: string) => {
    const next = argv[i + 1]
    if (next === 'true' || next === 'false')
      throw new UsageError(
        `${spelled} ${next}: a flag takes no separate value; write ${spelled}=${next}, or ./${next} ` +
          `for a file named "${next}"`,
      )
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') return { options, operands: argv.slice(i + 1) }
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg)
    if (long) {
      const [, spelledName, value] = long
      const name = kebab(spelledName!)
      const spelled = `--${spelledName}`
      if (STRINGS.has(name)) {
        withValue(name, value ?? valueAfter(i++, spelled))
      } else if (BOOLEANS.has(name)) {
        flag(name, spelled, value)
        if (value === undefined) noSeparateValue(i, spelled)
      } else if (name.startsWith('no-') && BOOLEANS.has(name.slice(3))) {
        if (value !== undefined) throw new UsageError(`${spelled} takes no value`)
        options.push(`--${name}`)
        noSeparateValue(i, spelled)
      } else if (name.startsWith('no-') && STRINGS.has(name.slice(3))) {
        throw new UsageError(`${spelled}: --${name.slice(3)} is not a flag, it takes a value`)
      } else {
        options.push(arg) // unknown: yargs names it
      }
      continue
    }
    if (arg === '-' || !arg.startsWith('-')) {
      options.push(arg)
      continue
    }
    // A cluster of short options: flags, possibly ending in one that takes a value (the rest of the argument,
    // or else the next one).
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!
      const name = SHORT[letter]
      if (name === undefined) throw new UsageError(`unknown option -${letter}${arg.length > 2 ? ` (in "${arg}")` : ''}`)
      if (STRINGS.has(name)) {
        const rest = arg.slice(j + 1)
        withValue(name, rest.startsWith('=') ? rest.slice(1) : rest !== '' ? rest : valueAfter(i++, `-${letter}`))
        break
      }
      if (arg[j + 1] === '=') {
        flag(name, `-${letter}`, arg.slice(j + 2))
        break
      }
      flag(name, `-${letter}`, undefined)
      if (j === arg.length - 1) noSeparateValue(i, `-${letter}`)
    }
  }
  return { options, operands: [] }
}
