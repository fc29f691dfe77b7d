#!/usr/bin/env node
// The executable: loads the built entry and hands it the process.
import { run } from '../dist/roster.js'

run(process)
