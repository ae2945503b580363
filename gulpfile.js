const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

// tsc does not copy assets: node and credential icons (SVG/PNG) and codex files go beside the compiled JS.
function copyIcons() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg}');
	const nodeDestination = path.resolve('dist', 'nodes');
	src(nodeSource).pipe(dest(nodeDestination));

	const codexSource = path.resolve('nodes', '**', '*.node.json');
	src(codexSource).pipe(dest(nodeDestination));

	const credSource = path.resolve('credentials', '**', '*.{png,svg}');
	const credDestination = path.resolve('dist', 'credentials');
	return src(credSource).pipe(dest(credDestination));
}
