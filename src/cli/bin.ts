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
  void main(process.argv.slice(2), io, (command) => {
    if (command === 'migrate') loaded.migrate = true
  }).then((code) => {
    process.exitCode = code
  })
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
