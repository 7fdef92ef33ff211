import { InternalError, UsageError } from '../errors.js'
import { fastParseArgs } from './fast-args.js'
import type { Io } from './io.js'
import { precheckMigrate } from './mode.js'

declare const __VERSION__: string | undefined

/**
 * The whole command line. Returns the exit code and never exits the process (ESLint's `execute`),
 * so tests run it in-process. `onLoad` hears which command's code is about to be loaded (the bin
 * keys its code cache on it).
 */
export async function main(
  argv: string[],
  io: Io,
  onLoad?: (command: 'migrate' | 'secret' | 'audit' | 'fn' | 'cert' | 'probe') => void,
): Promise<0 | 1 | 2> {
  try {
    // yargs (through ./args.js) is loaded only for the command lines fastParseArgs leaves to it.
    const args = fastParseArgs(argv, io.env) ?? (await (await import('./args.js')).parseArgs(argv, io.env))
    switch (args.command) {
      case 'help':
        io.stdout.write(args.text.endsWith('\n') ? args.text : args.text + '\n')
        return 0
      case 'version':
        io.stdout.write(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`)
        return 0
      case 'secret': {
        onLoad?.('secret')
        const { runSecret } = await import('./run-secret.js')
        return await runSecret(args, io)
      }
      case 'fn': {
        onLoad?.('fn')
        const { runFn } = await import('./run-fn.js')
        return await runFn(args, io)
      }
      case 'cert': {
        onLoad?.('cert')
        const { runCert } = await import('./run-cert.js')
        return await runCert(args, io)
      }
      case 'probe': {
        onLoad?.('probe')
        const { runProbe } = await import('./run-probe.js')
        return await runProbe(args, io)
      }
      case 'audit': {
        onLoad?.('audit')
        const { runAudit } = await import('./run-audit.js')
        return await runAudit(args, io)
      }
      default: {
        // Loaded on demand: the pipeline (yaml, ajv validators) is most of the bundle, and --help,
        // --version and usage errors must not pay for it.
        precheckMigrate(args)
        onLoad?.('migrate')
        const { runMigrate } = await import('./run-migrate.js')
        return await runMigrate(args, io)
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`delegate-mtls: ${e.message}\nRun "delegate-mtls --help" for usage.\n`)
      return 2
    }
    const detail = e instanceof InternalError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)
    io.stderr.write(
      `delegate-mtls: ${
        e instanceof Error && /^cannot write/.test(e.message) ? e.message : `internal error: ${detail}`
      }\n`,
    )
    return 2
  }
}
