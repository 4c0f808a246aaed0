'use strict';
// A pa11y runner that runs both tools in one page load, one after the other:
// - axe-core with the tags pa11y's own axe runner uses (WCAG 2.0 and 2.1 A and AA, best
//   practice) and WCAG 2.2 AA, which pa11y's runner leaves out; violations, and results
//   that need review, mapped to pa11y's levels as pa11y's runner maps them;
// - HTML_CodeSniffer once at WCAG2AAA. Each message is marked AA or AAA from the sniffs
//   HTML_CodeSniffer's own WCAG2AA standard includes, so one pass gives both levels.
// They run in turn because axe-core refuses a second run while one is going, and
// HTML_CodeSniffer keeps its messages in one global list.
// pa11y turns `run` into text and injects it into the page: it may use nothing from
// this file's scope.
// Paths are resolved from NODE_PATH, which the Python side sets to the project's
// node_modules, so this file may live anywhere.

const runner = {
	supports: '^9.0.0',
	scripts: [
		require.resolve('axe-core/axe.min.js'),
		require.resolve('@pa11y/html_codesniffer/build/HTMLCS.js')
	],
	run: async () => {
		const axeTags = ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];
		const axeLevels = {critical: 'error', serious: 'error', moderate: 'warning', minor: 'notice'};
		const htmlcsLevels = {1: 'error', 2: 'warning', 3: 'notice'};

		const axeIssues = (results, needsReview) => results.flatMap(result => {
			const nodes = result.nodes.length ? result.nodes : [{target: null}];
			return nodes.map(node => ({
				code: result.id,
				type: axeLevels[result.impact] || 'error',
				message: `${result.help} (${result.helpUrl})`,
				element: node.target ? window.document.querySelector(node.target.join(' ')) : null,
				runnerExtras: {tool: 'axe', level: 'AA', needsReview, impact: result.impact}
			}));
		});

		const {violations = [], incomplete = []} = await window.axe.run(window.document, {
			runOnly: {type: 'tag', values: axeTags},
			resultTypes: ['violations', 'incomplete']
		});

		const aaSniffs = new Set(window.HTMLCS_WCAG2AA.sniffs.flatMap(
			sniff => (typeof sniff === 'string' ? [sniff] : sniff.include || [])));
		const messages = await new Promise((resolve, reject) => {
			window.HTMLCS.process('WCAG2AAA', window.document, () => {
				resolve(window.HTMLCS.getMessages());
			}, () => reject(new Error('HTML_CodeSniffer could not run')), 'en');
		});
		// H59.1 (2.4.8 Location, AAA) reports any <link> in <body>. The sniff is about links
		// that give a page's place in a set (rel=next, prev, contents), which belong in
		// <head>. HTML allows a stylesheet link in <body>, and ours stand there on purpose:
		// the exit bar above them is painted before the stylesheets arrive (theme/main.html).
		// So a stylesheet link is not reported; any other link in <body> still is.
		const stylesheetInBody = message => message.code.endsWith('.H59.1')
			&& message.element && message.element.matches('body link[rel~="stylesheet" i]');
		const htmlcsIssues = messages.filter(message => !stylesheetInBody(message)).map(message => {
			// WCAG2AAA.Principle1.Guideline1_1.1_1_1.H37: the sniff is parts 1 to 3.
			const parts = message.code.split('.');
			const aa = aaSniffs.has(parts.slice(1, 4).join('.'));
			return {
				code: aa ? ['WCAG2AA', ...parts.slice(1)].join('.') : message.code,
				type: htmlcsLevels[message.type] || 'unknown',
				message: message.msg,
				element: message.element,
				runnerExtras: {tool: 'htmlcs', level: aa ? 'AA' : 'AAA'}
			};
		});
		return [...axeIssues(violations, false), ...axeIssues(incomplete, true), ...htmlcsIssues];
	}
};

module.exports = runner;
