/** The summary of checking examples/ against the example snapshot, which a live check of the simulator must equal. */
export const EXAMPLE_SUMMARY = {
  files: 8,
  errors: 13,
  warnings: 0,
  information: 0,
  jiraSteps: { total: 34, verified: 34, unverified: 0 },
  suppressed: 0,
};
