/** A configuration problem in the `lint` section: an unknown check id, a bad option, an option's file that cannot be used. */
export class LintConfigError extends Error {}
