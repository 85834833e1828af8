// Example client of the intake API: a department's business system reports one of its cases to
// the platform (数据自动上报). Run it with Node 24 (no dependencies):
//
//   ZT_URL=http://127.0.0.1:3000 ZT_CREDENTIAL=zt_… ZT_ITEM_CODE=000103010001 node examples/push-case.ts
//
// ZT_CREDENTIAL is shown once when the system is registered in the console (系统对接) or with
// POST /api/external-systems. Pushing the same externalCaseId again is safe: the platform adds only
// the events it has not seen, so a system can simply re-send a case's whole history after each step.

const url = process.env['ZT_URL'] ?? 'http://127.0.0.1:3000';
const credential = process.env['ZT_CREDENTIAL'];
if (!credential) throw new Error('Set ZT_CREDENTIAL to the credential of the registered system');

const now = Date.now();
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

const pushed = {
  externalCaseId: process.env['ZT_EXTERNAL_ID'] ?? `SCJG-${new Date(now).getFullYear()}-000123`,
  itemCode: process.env['ZT_ITEM_CODE'] ?? '000103010001',
  applicant: { kind: 'company', name: '示范县绿野农业发展有限公司', idNumber: process.env['ZT_APPLICANT_CODE'] ?? '91990121MA1KQ3T7XH' },
  submittedAt: hoursAgo(50),
  form: { shop_name: '绿野生鲜超市', business_scope: '预包装食品销售' },
  events: [
    { type: 'accepted', occurredAt: hoursAgo(49) },
    { type: 'decided', occurredAt: hoursAgo(2), outcome: 'approved' },
    { type: 'concluded', occurredAt: hoursAgo(1) },
  ],
};

const response = await fetch(`${url}/api/intake/cases`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
  body: JSON.stringify(pushed),
});
const answer = await response.json();
if (!response.ok) {
  console.error(`push refused (${response.status}):`, JSON.stringify(answer));
  process.exitCode = 1;
} else {
  // 201 = created, 200 = updated or unchanged; the platform's case number is for cross-reference.
  console.log(`${answer.result}: ${answer.caseNumber} status=${answer.status} deadline=${answer.caseDeadline ?? '-'}`);
}
