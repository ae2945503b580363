'use strict';
const os = require('node:os');
const path = require('node:path');

/** The n8n version the e2e suite and the demo run (newest that supports Node 20). */
const N8N_VERSION = '2.8.4';

function n8nPaths(version = N8N_VERSION) {
	const root = process.env.MEDIAOPS_N8N_CACHE || path.join(os.homedir(), '.cache', 'mediaops-n8n');
	const dir = path.join(root, version);
	return {
		version,
		dir,
		bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(dir, '.installed'),
	};
}

module.exports = { N8N_VERSION, n8nPaths };
