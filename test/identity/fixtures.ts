// Shared inputs of the identity tests.
export const defaultSecurityPolicyForTests = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordRotationDays: 90,
  passwordHistory: 5,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};
