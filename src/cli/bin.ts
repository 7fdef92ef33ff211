// Not the ../io barrel: a run that writes nothing must not load the rest of it.
import { removeLiveTempFiles } from '../io/live-temp-files.js'
import type { Io } from './io.js'
import { main } from './main.js'
import { PLAN_WORKER_ARG } from './plan-worker-arg.js'
import { shortRun } from './short-run.js'
import { stdWriter } from './std-writer.js'

/**
 * Read back by bin/delegate-mtls.js after the run (this module's exports in the CommonJS bundle):
 * whether the migrate pipeline was loaded, and whether the run was short (src/cli/short-run.ts). The bin
 * writes its V8 code cache only after a run that was both, so that a first `--help` cannot leave a cache
 * without the code every check needs, nor a first fleet run one full of code a check never runs.
 */
export const loaded = {
  migrate: false,
  get short() {
    return shortRun.seen
  },
}

function run(): void {
  const io: Io = {
    // Set up only when read: a run on files never pays for a standard-input stream.
    get stdin() {
      return process.stdin
    },
    stdout: stdWriter(1, () => process.stdout),
    stderr: stdWriter(2, () => process.stderr),
    env: process.env,
    cwd: process.cwd(),
  }
  for (const [signal, code] of Object.entries(INTERRUPTED)) process.once(signal, () => interrupted(signal, code, io))
  void main(process.argv.slice(2), io, (command) => {
    if (command === 'migrate') loaded.migrate = true
  }).then((code) => {
    process.exitCode = code
  })
}

/** The exit code a shell gives a command that a signal ended: 128 + the signal's number. */
const INTERRUPTED = { SIGINT: 130, SIGTERM: 143 }

/**
 * Ctrl-C or a `kill` during a write: the temp files are removed before the process exits, so that
 * every file is left as it was or completely written (each rename is atomic) and no temp file stays
 * behind. main() never exits the process; the bin does, here, since the run is called off mid-way.
 */
function interrupted(signal: string, code: number, io: Io): never {
  const removed = removeLiveTempFiles()
  const files = `${removed} temporary file${removed === 1 ? '' : 's'}`
  io.stderr.write(
    `delegate-mtls: interrupted by ${signal}` +
      (removed > 0 ? `; removed ${files}: every file is either as it was or completely written\n` : '\n'),
  )
  process.exit(code)
}

// In the bundle (dist/cli.cjs), src/cli/plan-files.ts starts its planning workers on this very file,
// with PLAN_WORKER_ARG on their command line; loading plan-files runs its worker branch. Only then is
// node:worker_threads loaded, to tell a worker from a user who typed that argument.
if (process.argv.includes(PLAN_WORKER_ARG)) {
  void import('node:worker_threads').then(async ({ isMainThread }) => {
    if (isMainThread) run()
    else await import('./plan-files.js')
  })
} else {
  run()
}
