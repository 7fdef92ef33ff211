// Child-process entry for permission tests. As root, permissions never stop a read or a write,
// so those tests run this file as an unprivileged user (see unprivileged.ts) and read its JSON.
//   probe.ts ping | read <file> | write <file> <text> | write-bytes <file> <count of 'x'>
import { readInput, writeFileAtomic } from '../../../src/io/index.js'

const [op, file = '', text = ''] = process.argv.slice(2)
let result: unknown
if (op === 'ping') result = { ok: true, uid: process.getuid?.() }
else if (op === 'read') result = readInput(file, { maxBytes: 1024 * 1024 })
else if (op === 'write' || op === 'write-bytes') {
  try {
    await writeFileAtomic(file, op === 'write' ? text : 'x'.repeat(Number(text)))
    result = { ok: true }
  } catch (err) {
    result = { thrown: (err as Error).message }
  }
} else result = { usage: `unknown op ${op}` }
process.stdout.write(JSON.stringify(result))
