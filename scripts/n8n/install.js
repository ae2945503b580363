#!/usr/bin/env node
'use strict';
/**
 * Installs the pinned n8n into a cache folder outside the clone, once per version.
 *
 * Why a separate folder with its own package.json: `npm install n8n@2.8.4` fails offline
 * because n8n-nodes-base pulls `xlsx` from a CDN tarball; an `overrides` entry pins it to the
 * registry's 0.18.5. The install is ~2.3 GB and several minutes, so it is keyed by version and
 * reused by CI, the e2e suite and the demo.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { n8nPaths, N8N_VERSION } = require('./paths');

function isInstalled(paths) {
	return fs.existsSync(paths.bin) && fs.existsSync(paths.marker);
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/**
 * One install at a time per version: jest workers, the demo and a manual `npm run n8n:install`
 * may all call ensureN8n() at once. The lock is a directory (mkdir is atomic) holding the
 * installer's pid; a lock whose pid is dead is stale and taken over. Returns a release function,
 * or null when another process finished the install while we waited.
 */
async function acquireInstallLock(paths, log) {
	const lockDir = `${paths.dir}.lock`;
	fs.mkdirSync(path.dirname(lockDir), { recursive: true });
	const waitStarted = Date.now();
	let lastNote = 0;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			return () => fs.rmSync(lockDir, { recursive: true, force: true });
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
		}
		let holder = NaN;
		try {
			holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
		} catch {
			/* lock just created, pid not written yet */
		}
		if (holder && !pidAlive(holder)) {
			log(`Removing stale n8n install lock of dead pid ${holder}\n`);
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (isInstalled(paths)) return null;
		if (Date.now() - lastNote >= 15_000) {
			lastNote = Date.now();
			const s = Math.round((Date.now() - waitStarted) / 1000);
			log(`  … waiting ${s}s for another n8n ${paths.version} install (pid ${holder || '?'}) to finish\n`);
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
}

async function ensureN8n({ quiet = false } = {}) {
	const paths = n8nPaths();
	if (isInstalled(paths)) return paths;
	const log = (s) => quiet || process.stdout.write(s);
	const release = await acquireInstallLock(paths, log);
	if (!release) return paths;
	try {
		if (isInstalled(paths)) return paths;
		return await install(paths, log);
	} finally {
		release();
	}
}

async function install(paths, log) {
	fs.mkdirSync(paths.dir, { recursive: true });
	fs.writeFileSync(
		path.join(paths.dir, 'package.json'),
		JSON.stringify(
			{
				name: 'mediaops-n8n-runtime',
				private: true,
				dependencies: { n8n: N8N_VERSION },
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
	log(`Installing n8n ${N8N_VERSION} into ${paths.dir} (first run only; takes several minutes)\n`);
	const started = Date.now();
	const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: paths.dir,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, npm_config_yes: 'true' },
	});
	let stderr = '';
	child.stdout.on('data', () => {});
	child.stderr.on('data', (d) => {
		stderr += d.toString();
		if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
	});
	const ticker = setInterval(() => {
		const s = Math.round((Date.now() - started) / 1000);
		let size = '';
		try {
			const count = fs.readdirSync(path.join(paths.dir, 'node_modules')).length;
			size = `, ${count} top-level packages so far`;
		} catch {
			/* node_modules not there yet */
		}
		log(`  … n8n install running ${s}s${size}\n`);
	}, 15_000);
	const code = await new Promise((resolve) => child.on('close', resolve));
	clearInterval(ticker);
	if (code !== 0) {
		throw new Error(`npm install of n8n ${N8N_VERSION} failed (exit ${code}):\n${stderr.slice(-4000)}`);
	}
	if (!fs.existsSync(paths.bin)) throw new Error(`n8n binary missing after install: ${paths.bin}`);
	fs.writeFileSync(paths.marker, new Date().toISOString());
	log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)}s\n`);
	return paths;
}

module.exports = { ensureN8n, isInstalled };

if (require.main === module) {
	ensureN8n()
		.then((p) => console.log(`n8n ready: ${p.bin}`))
		.catch((e) => {
			console.error(e.message);
			process.exit(1);
		});
}
