import { isMainThread } from 'node:worker_threads'
import type { Io } from './io.js'
import { main } from './main.js'

/**
 * Read back by bin/delegate-mtls.js after the run (this module's exports in the CommonJS bundle):
 * whether the migrate pipeline was loaded. The bin writes its V8 code cache only after such a run,
 * so that a first `--help` cannot leave a cache without the code every check needs.
 */
export const loaded = { migrate: false }

if (isMainThread) {
  // A reader that stops early (`delegate-mtls … | head`) closes the pipe: stop writing, keep the exit code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err
    })
  }
  const io: Io = {
    // Set up only when read: a run on files never pays for a standard-input stream.
    get stdin() {
      return process.stdin
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  }
  void main(process.argv.slice(2), io, (command) => {
    if (command === 'migrate') loaded.migrate = true
  }).then((code) => {
    process.exitCode = code
  })
} else {
  // A planning worker: in the bundle (dist/cli.cjs) plan-files.ts starts its workers on this very
  // file, and loading plan-files runs its worker branch.
  void import('./plan-files.js')
}
