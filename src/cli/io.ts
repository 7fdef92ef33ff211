/** The one seam between the CLI and the process: tests pass their own. */
export interface Io {
  stdin: NodeJS.ReadableStream
  stdout: { write(s: string): unknown; isTTY?: boolean }
  stderr: { write(s: string): unknown; isTTY?: boolean }
  env: Record<string, string | undefined>
  cwd: string
}
