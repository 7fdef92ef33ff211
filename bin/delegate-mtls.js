#!/usr/bin/env node
// The committed bundle (npm run build) keeps start-up fast and lets pre-commit install without a build step.
import '../dist/cli.js'
