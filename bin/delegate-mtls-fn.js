#!/usr/bin/env node
// `delegate-mtls fn` under a name of its own: kustomize runs an exec KRM function by its path alone
// (`exec: {path: …}` takes no arguments), so the subcommand cannot be spelled there.
'use strict'
process.argv.splice(2, 0, 'fn')
require('./delegate-mtls.js')
