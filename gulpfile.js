const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc does not copy assets: node and credential icons, codex files and output schemas go beside the compiled JS.
const copy = (glob, to) => () => src(path.resolve(...glob)).pipe(dest(path.resolve('dist', to)));

task(
	'build:icons',
	parallel(
		copy(['nodes', '**', '*.{png,svg}'], 'nodes'),
		copy(['nodes', '**', '*.node.json'], 'nodes'),
		copy(['nodes', '**', '__schema__', '**', '*.json'], 'nodes'),
		copy(['credentials', '**', '*.{png,svg}'], 'credentials'),
	),
);
