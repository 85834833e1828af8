// Electronic supervision (电子监察). So far its pure core: timeliness levels and the rule engine that evaluates a
// subject's deadlines (supervision-engine.ts). Storage of findings, the scheduler, the handling flows and the
// pages build on it.
export { DEFAULT_TIMELINESS_THRESHOLDS, FINDING_LEVELS, levelsUpTo, nextTimelinessChange, timelinessLevel, timelinessThresholdsSchema, type FindingLevel, type TimelinessThresholds } from './timeliness.ts';
export { evaluateSubject, findingKey, ruleFor, type StandingFinding, type SubjectEvaluation, type SupervisedDeadline, type SupervisedSubject, type TimelinessRule } from './supervision-engine.ts';
