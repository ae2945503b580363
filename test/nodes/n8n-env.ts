/**
 * Environment for running n8n-core in-process. Imported before anything from n8n-core, because
 * n8n-core's InstanceSettings creates `<N8N_USER_FOLDER>/.n8n/config` (with an encryption key) the first
 * time a node context is built: point it at a throw-away folder so tests never touch the real home.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const userFolder = mkdtempSync(join(tmpdir(), 'mediaops-node-tests-'));
process.env.N8N_USER_FOLDER = userFolder;
// Jest gives each test file its own module registry, so each file gets (and removes) its own folder.
// (A process 'exit' handler does not run under jest --forceExit.)
if (typeof afterAll === 'function') afterAll(() => rmSync(userFolder, { recursive: true, force: true }));

// Quiet, and no settings-file permission warnings on machines with an unusual umask.
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
