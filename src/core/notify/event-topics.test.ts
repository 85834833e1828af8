// Which subscription patterns match which event topics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertEventTopic, assertTopicPattern, matchesTopic } from './event-topics.ts';

test('patterns match exact topics, prefix wildcards and everything', () => {
  const cases: Array<[string, string, boolean]> = [
    ['case.accepted', 'case.accepted', true],
    ['case.accepted', 'case.acceptedLate', false],
    ['case.*', 'case.accepted', true],
    ['case.*', 'case.deadline.warned', true],
    ['case.*', 'caseload.changed', false],
    ['case.*', 'case', false],
    ['case.deadline.*', 'case.deadline.warned', true],
    ['case.deadline.*', 'case.accepted', false],
    ['*', 'letter.replied', true],
  ];
  for (const [pattern, topic, expected] of cases) assert.equal(matchesTopic(pattern, topic), expected, `${pattern} ~ ${topic}`);
});

test('topics and patterns are checked when published or subscribed', () => {
  assert.doesNotThrow(() => assertEventTopic('case.accepted'));
  for (const bad of ['case', 'Case.accepted', 'case.', 'case accepted', 'case.*']) assert.throws(() => assertEventTopic(bad), /module\.event/, bad);
  for (const good of ['*', 'case.*', 'case.accepted', 'case.deadline.*', 'case.time_state_changed', 'supervision.finding_raised']) assert.doesNotThrow(() => assertTopicPattern(good), good);
  for (const bad of ['case*', '*.accepted', 'case.**', '']) assert.throws(() => assertTopicPattern(bad), /pattern/, bad);
});
