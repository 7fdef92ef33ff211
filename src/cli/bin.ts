import { main } from './main.js'
import { nodeIo } from './io.js'

// A reader that stops early (`delegate-mtls … | head`) closes the pipe: stop writing, keep the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
  })
}

process.exitCode = await main(process.argv.slice(2), nodeIo())
