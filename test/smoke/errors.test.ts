import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { formatDiagnostic } from '../../src/errors.js'

const fmt = suite('formatDiagnostic')
fmt('names file, line and column', () => {
  assert.is(
    formatDiagnostic({ code: 'YAML_SYNTAX', severity: 'error', message: 'bad', file: 'a.yaml', line: 3, col: 7 }),
    'a.yaml:3:7: error: bad',
  )
})
fmt.run()
