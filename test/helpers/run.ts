import { migrate, type MigrateOptions, type MigrateResult } from '../../src/pipeline/migrate.js'

export const ENDPOINT = 'https://acme.harness.io:8443'

/** `migrate` with the test endpoint, plus its diagnostics as `line:col severity CODE: message` strings. */
export function run(input: string, options: Partial<MigrateOptions> = {}): MigrateResult & { diags: string[] } {
  const r = migrate(input, { endpoint: ENDPOINT, file: 'in.yaml', ...options })
  return {
    ...r,
    diags: r.diagnostics.map((d) => `${d.line ?? '-'}:${d.col ?? '-'} ${d.severity} ${d.code}: ${d.message}`),
  }
}
