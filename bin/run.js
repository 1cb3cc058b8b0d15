#!/usr/bin/env node
// Runs the plugin's commands without installing it into sf: `node bin/run.js whoowns classify ...`.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
