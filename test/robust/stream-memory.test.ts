/**
 * A large stream (a Helm render of a whole fleet, piped through stdin) is planned a group of related
 * documents at a time, so memory stays bounded: 10,000 documents (~5 MB) migrate through the real bin
 * with V8's heap capped at 100 MB. Planning the whole stream at once needs about 230 MB of syntax trees
 * for this input and dies at that cap. The output is exactly the golden sample's, document for document.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawnSync } from 'node:child_process'
import { documentStarts } from '../../src/yaml/spans.js'
import { BIN, ENDPOINT, SAMPLE, SAMPLE_MTLS } from '../cli/helpers/cli.js'

const test = suite('stream-memory')

/** `copies` delegates, each the sample with its own name: the stream, and what it must migrate to. */
function fleetStream(text: string, copies: number): string {
  const starts = documentStarts(text)!
  const docs = starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length))
  let out = ''
  for (let i = 0; i < copies; i++)
    for (const d of docs) out += (d.startsWith('---') ? d : `---\n${d}`).replaceAll('prod-us-east-delegate', `d-${i}`)
  return out
}

test('10,000 documents through stdin with a 100 MB heap: migrated, byte for byte', () => {
  const copies = Math.ceil(10_000 / documentStarts(SAMPLE)!.length)
  const input = fleetStream(SAMPLE, copies)
  const expected = fleetStream(SAMPLE_MTLS, copies)
  assert.ok(documentStarts(input)!.length >= 10_000)
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=100', BIN, '--endpoint', ENDPOINT, '--max-bytes', String(64 << 20)],
    { input, encoding: 'utf8', maxBuffer: 1 << 28 },
  )
  assert.equal(r.stderr, '')
  assert.equal(r.status, 0)
  assert.ok(r.stdout === expected, 'the stream does not migrate to the golden sample, document for document')
})

test.run()
