// The one shape of job names: `<module>.<verbPhrase>`, e.g. `identity.expirePasswords`.

export const JOB_NAME_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

/** Throws at startup when a job name does not look like module.verbPhrase. */
export function assertJobName(name: string): void {
  if (!JOB_NAME_PATTERN.test(name)) throw new Error(`Job name "${name}" must look like module.verbPhrase`);
}
