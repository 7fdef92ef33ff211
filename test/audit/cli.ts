/** `main(argv, io)` in-process with captured output, for the shapes, audit and revert suites. */
import { Readable } from 'node:stream'
import { main } from '../../src/cli/main.js'
import type { Io } from '../../src/cli/io.js'

export interface Ran {
  code: number
  stdout: string
  stderr: string
}

export async function cli(argv: string[], cwd: string, stdin?: string): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin, 'utf8')]),
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
    cwd,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}
