// Process definitions: the templates are valid, and malformed processes are refused with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { processFromTemplate } from './process-templates.ts';
import { processDefinitionSchema } from './process.schema.ts';

const step = (key: string, kind: string, actions: string[]) => ({ key, name: key, kind, handledBy: 'owner', permission: 'services.cases.review', limitDays: 5, actions });

test('the three templates are valid processes for any promised limit', () => {
  for (const template of ['promised', 'immediate', 'penalty'] as const) {
    for (const days of [0, 1, 5, 20, 60]) assert.equal(processDefinitionSchema.safeParse(processFromTemplate(template, days)).success, true, `${template} ${days}`);
  }
});

test('malformed processes are refused with a message naming the problem', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['no acceptance first', { steps: [step('review', 'review', ['forward']), step('decide', 'decide', ['approve'])] }, /第一步须为受理/],
    ['two decide steps', { steps: [step('accept', 'accept', ['accept']), step('d1', 'decide', ['approve']), step('d2', 'decide', ['approve'])] }, /有且仅有一个决定步骤/],
    ['action not possible at the kind', { steps: [step('accept', 'accept', ['accept', 'approve']), step('decide', 'decide', ['approve'])] }, /不能执行 approve/],
    ['duplicate keys', { steps: [step('accept', 'accept', ['accept']), step('accept', 'decide', ['approve'])] }, /重复/],
    ['conclude before the end', { steps: [step('accept', 'accept', ['accept']), step('finish', 'finish', ['conclude']), step('decide', 'decide', ['approve'])] }, /只有最后一步可以办结/],
    ['last step cannot end the case', { steps: [step('accept', 'accept', ['accept']), step('decide', 'decide', ['approve']), step('deliver', 'finish', ['send_back'])] }, /最后一步须能办结/],
    ['decide step without a decision', { steps: [step('accept', 'accept', ['accept']), step('decide', 'decide', ['send_back'])] }, /决定步骤须能作出决定/],
  ];
  for (const [label, input, message] of cases) {
    const result = processDefinitionSchema.safeParse(input);
    assert.equal(result.success, false, label);
    assert.match(JSON.stringify(result.error?.issues.map((issue) => issue.message)), message, label);
  }
});
