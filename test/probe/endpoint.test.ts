// The endpoint and proxy settings of `probe`: which proxy a host goes through (HTTPS_PROXY, NO_PROXY as curl reads
// them), and which --endpoint values are refused.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseProbeEndpoint, proxyFor } from '../../src/probe/endpoint.js'

const test = suite('probe: endpoint and proxy')
const PROXY = { host: 'proxy.corp', port: 3128, shown: 'http://proxy.corp:3128' }

test('--endpoint: https URL or bare host, 443 by default; anything else refused', () => {
  assert.equal(parseProbeEndpoint('https://acme.harness.io:8443'), { host: 'acme.harness.io', port: 8443 })
  assert.equal(parseProbeEndpoint('https://acme.agent.harness.io'), { host: 'acme.agent.harness.io', port: 443 })
  assert.equal(parseProbeEndpoint('acme.harness.io:8443'), { host: 'acme.harness.io', port: 8443 })
  assert.equal(parseProbeEndpoint('https://[::1]:9443'), { host: '::1', port: 9443 })
  assert.is(
    parseProbeEndpoint('http://acme.harness.io'),
    '--endpoint "http://acme.harness.io": expected an https:// URL (mTLS is TLS)',
  )
  assert.is(parseProbeEndpoint('https://'), '--endpoint "https://" is not a URL: expected https://host[:port]')
})

test('HTTPS_PROXY (or https_proxy) is used unless NO_PROXY names the host, its domain, or *', () => {
  const env = (extra: Record<string, string>) => ({ HTTPS_PROXY: 'http://proxy.corp:3128', ...extra })
  assert.equal(proxyFor('acme.harness.io', 8443, env({})), PROXY)
  assert.equal(proxyFor('acme.harness.io', 8443, { https_proxy: 'proxy.corp:3128' }), PROXY)
  assert.is(proxyFor('acme.harness.io', 8443, {}), undefined)
  for (const noProxy of [
    '*',
    'harness.io',
    '.harness.io',
    '*.harness.io',
    'other, acme.harness.io',
    'acme.harness.io:8443',
  ])
    assert.is(proxyFor('acme.harness.io', 8443, env({ NO_PROXY: noProxy })), undefined, noProxy)
  for (const noProxy of ['arness.io', 'acme.harness.io:443', 'other.io', '10.0.0.1'])
    assert.equal(proxyFor('acme.harness.io', 8443, env({ NO_PROXY: noProxy })), PROXY, noProxy)
  assert.is(proxyFor('10.0.0.1', 443, env({ no_proxy: '10.0.0.1' })), undefined)
})

test('proxy credentials go to the CONNECT request, never into what is shown; only http:// proxies', () => {
  assert.equal(proxyFor('h', 443, { HTTPS_PROXY: 'http://me:s%40cret@proxy.corp:3128' }), {
    ...PROXY,
    auth: 'me:s@cret',
  })
  assert.is(
    proxyFor('h', 443, { HTTPS_PROXY: 'socks5://proxy.corp:1080' }),
    'HTTPS_PROXY "socks5://proxy.corp:1080": only an http:// proxy (HTTP CONNECT) is supported',
  )
})

test.run()
