import type { SecretArgs } from './args.js'
import type { Io } from './io.js'

export async function runSecret(_args: SecretArgs, io: Io): Promise<0 | 1 | 2> {
  io.stderr.write('delegate-mtls: secret is not available yet\n')
  return 2
}
