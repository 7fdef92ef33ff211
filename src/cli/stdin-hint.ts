import type { Io } from './io.js'

export const STDIN_HINT = 'delegate-mtls: reading the manifest from standard input (Ctrl-D to end; --help for usage)\n'

/**
 * Run with no path in a terminal, the tool waits for standard input, which looks like a hang to someone who
 * expected the help: say so on stderr. Not when stdin is a pipe or a file (nobody is waiting), nor with --quiet.
 */
export function hintStdin(io: Io, quiet: boolean): void {
  if (!quiet && io.stdin.isTTY === true) io.stderr.write(STDIN_HINT)
}
