// Build helpers used by `npm run build`: tsc compiles the code, gulp handles the files tsc does not.
const { src, dest, task } = require('gulp');
const fs = require('fs');

task('clean', (done) => {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
});

// Node and credential classes point at icons with `file:../../icons/<name>.svg`, so the icons
// folder has to sit beside the compiled nodes/ and credentials/ folders inside dist/.
task('build:icons', () => src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons')));
