'use strict';
// A pa11y-ci reporter that appends one JSON line per page as soon as that page is done.
// The Python side reads the file while pa11y-ci runs, to show progress, and at the end,
// for the results: a file written line by line is never cut short, as pa11y-ci's JSON
// is on a pipe when it exits.

const fs = require('fs');

module.exports = function lineReporter(options = {}) {
	const write = record => fs.appendFileSync(options.fileName, `${JSON.stringify(record)}\n`);
	return {
		results(results, config) {
			write({url: config.url, issues: results.issues});
		},
		error(error, url) {
			write({url, error: String((error && error.message) || error)});
		}
	};
};
