import { UsageError } from '../errors.js'
import { normalizeEndpoint } from '../mtls/endpoint.js'
import { checkMountPath } from '../mtls/mount-path.js'
import type { MigrateArgs } from './args.js'

/** Where the results go: stdout (one input), in place, a check, a list, a diff, or copies under a folder. */
export type Mode = 'stdout' | 'write' | 'check' | 'list' | 'diff' | 'out-dir'

/** True when the input is standard input: no path, or `-`. */
export const readsStdin = (args: MigrateArgs) =>
  args.paths.length === 0 || (args.paths.length === 1 && args.paths[0] === '-')

/** The sink the flags ask for; usage errors for combinations that cannot work. `inputs`: how many inputs there are. */
export function modeOf(args: MigrateArgs, inputs: number, stdin: boolean): Mode {
  const chosen = [
    args.write && 'write',
    args.check && 'check',
    args.listDifferent && !args.write && 'list',
    args.diff && 'diff',
    args.outDir !== undefined && 'out-dir',
  ].filter(Boolean) as Mode[]
  if (chosen.length > 1)
    throw new UsageError(
      'choose one of --write, --check, --list-different, --diff, --out-dir ' +
        `(got ${chosen.map((m) => `--${m === 'list' ? 'list-different' : m}`).join(' and ')})`,
    )
  // -z is about the paths -l prints: anywhere else it would be silently ignored.
  if (args.nullTerminated && !args.listDifferent)
    throw new UsageError('-z (--null) ends the paths --list-different prints with NUL: use it with -l')
  if (args.nullTerminated && args.format === 'json')
    throw new UsageError('-z (--null) does not apply to --format json, which prints no list of paths')
  const mode = chosen[0] ?? 'stdout'
  if (stdin && (mode === 'write' || mode === 'out-dir'))
    throw new UsageError(`--${mode} needs file paths; standard input can only be printed, checked or diffed`)
  if (mode === 'stdout' && inputs > 1)
    throw new UsageError('several files need a mode: --write, --check, --list-different, --diff or --out-dir')
  if (args.format === 'json' && (mode === 'stdout' || mode === 'diff')) {
    throw new UsageError(
      `--format json prints the report on stdout, where ` +
        `${mode === 'diff' ? 'the diff' : 'the migrated manifest'} would go: use it with --check, ` +
        `--list-different, --write or --out-dir`,
    )
  }
  return mode
}

/**
 * The usage errors that need no input and no YAML: checked before the pipeline is loaded, so that a
 * mistyped command fails fast. Throws UsageError.
 */
export function precheckMigrate(args: MigrateArgs): void {
  if (!args.endpoint)
    throw new UsageError(
      '--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443',
    )
  // --revert: checked later, as the URL to go back to.
  if (!args.revert) normalizeEndpoint(args.endpoint, args.endpointFrom ?? '--endpoint')
  if (args.mountPath !== undefined) checkMountPath(args.mountPath)
  const stdin = readsStdin(args)
  if (!stdin && args.paths.includes('-')) throw new UsageError('"-" (standard input) cannot be mixed with file paths')
  modeOf(args, stdin ? 1 : args.paths.length, stdin)
}
