/** A kustomize strategic-merge patch of a delegate is migrated, with one warning that its base needs it too. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../helpers/run.js'

const test = suite('mtls/patch')

// What a kustomization's `patches:` / `patchesStrategicMerge:` entry holds: no selector, no image.
const patch = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: acme-delegate
spec:
  template:
    spec:
      containers:
      - name: delegate
        env:
        - name: MANAGER_HOST_AND_PORT
          value: https://app.harness.io/gratis
`

test('a delegate without an image is a patch: migrated, with one PATCH warning at its name', () => {
  const r = run(patch)
  assert.is(r.status, 'migrated')
  assert.ok(r.output.includes('          value: https://acme.harness.io:8443\n'), r.output)
  assert.ok(r.output.includes('          secretName: client-certificate\n'), r.output)
  assert.equal(r.diags, [
    '4:9 warning PATCH: Deployment acme-delegate: the delegate container has no image, so this is a ' +
      'patch (kustomize patches / patchesStrategicMerge), not a whole delegate; it is migrated, ' +
      "but migrate its base (and the base's upgrader) too",
  ])
  assert.is(run(r.output).status, 'already')
  assert.equal(run(r.output).diags.length, 1, 'the second run still says it is a patch')
})

test('one warning per patch document; a delegate with an image gets none', () => {
  const two = patch + '---\n' + patch.replace('acme-delegate', 'other-delegate')
  assert.equal(
    run(two).diags.map((d) => d.split(':').slice(0, 3).join(':')),
    ['4:9 warning PATCH: Deployment acme-delegate', '17:9 warning PATCH: Deployment other-delegate'],
  )
  const whole = patch.replace(
    '      - name: delegate\n',
    '      - name: delegate\n        image: harness/delegate:24.09.83900\n',
  )
  assert.equal(run(whole).diags, [])
})

test.run()
