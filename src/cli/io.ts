/** The one seam between the CLI and the process: tests pass their own. */
export interface Io {
  /** `isTTY`: a terminal, where a user may be left waiting without knowing why (src/cli/stdin-hint.ts). */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  stdout: { write(s: string): unknown; isTTY?: boolean }
  stderr: { write(s: string): unknown; isTTY?: boolean }
  env: Record<string, string | undefined>
  cwd: string
}
