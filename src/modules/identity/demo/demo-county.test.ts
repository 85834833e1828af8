import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseCreditCode,
  isValidMobilePhone,
  parseResidentId,
  residentIdSchema,
} from '../../../core/ids/index.ts';
import { demoAdmins, demoCitizens, demoCompanies, demoCounty, demoStaff, demoUnits } from './demo-county.ts';
import type { DemoUnitKind } from './demo-county.ts';

// The values that occur more than once.
function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

const unitByKey = new Map(demoUnits.map((u) => [u.key, u]));
const CODE_LENGTH: Partial<Record<DemoUnitKind, number>> = { province: 6, city: 6, county: 6, town: 9, village: 12 };
const PARENT_KIND: Record<DemoUnitKind, DemoUnitKind[]> = {
  province: [],
  city: ['province'],
  county: ['city'],
  town: ['county'],
  village: ['town'],
  department: ['county'],
  service_hall: ['county', 'town'],
};

describe('demo county units', () => {
  it('has unique keys, codes and credit codes', () => {
    assert.deepEqual(duplicates(demoUnits.map((u) => u.key)), []);
    assert.deepEqual(duplicates(demoUnits.flatMap((u) => (u.code ? [u.code] : []))), []);
    assert.deepEqual(duplicates(demoUnits.flatMap((u) => (u.creditCode ? [u.creditCode] : []))), []);
  });

  it('links every parentKey to an existing unit of a sensible kind', () => {
    for (const u of demoUnits) {
      if (u.kind === 'province') {
        assert.equal(u.parentKey, undefined);
        continue;
      }
      const parent = unitByKey.get(u.parentKey ?? '');
      assert.ok(parent, `${u.key} → ${u.parentKey}`);
      assert.ok(PARENT_KIND[u.kind].includes(parent.kind), `${u.key} (${u.kind}) under ${parent.kind}`);
    }
  });

  it('gives divisions codes of the right length that extend their parent code', () => {
    for (const u of demoUnits) {
      const len = CODE_LENGTH[u.kind];
      if (len === undefined) continue;
      assert.match(u.code ?? '', new RegExp(`^\\d{${len}}$`), u.key);
      const parentCode = unitByKey.get(u.parentKey ?? '')?.code;
      if (u.kind === 'town' || u.kind === 'village') assert.ok(u.code!.startsWith(parentCode!), u.key);
      if (u.kind === 'city' || u.kind === 'county') assert.ok(u.code!.startsWith(parentCode!.slice(0, 2)), u.key);
    }
    const counts = (kind: DemoUnitKind) => demoUnits.filter((u) => u.kind === kind).length;
    assert.equal(counts('town'), 3);
    for (const town of demoUnits.filter((u) => u.kind === 'town')) {
      assert.equal(demoUnits.filter((u) => u.parentKey === town.key && u.kind === 'village').length, 2);
    }
  });

  it('gives every department a valid 机构编制/机关 credit code in the county', () => {
    const departments = demoUnits.filter((u) => u.kind === 'department');
    assert.ok(departments.length >= 10);
    for (const u of [...departments, ...demoUnits.filter((x) => x.creditCode && x.kind === 'service_hall')]) {
      const r = parseCreditCode(u.creditCode ?? '');
      assert.ok(r.ok, `${u.key}: ${u.creditCode}`);
      assert.equal(r.value, u.creditCode);
      assert.equal(r.registrationAuthority, '1');
      assert.equal(r.entityType, '1');
      assert.equal(r.regionCode, '990121');
    }
  });

  it('has the county service hall and a town convenience station, and English names throughout', () => {
    const halls = demoUnits.filter((u) => u.kind === 'service_hall');
    assert.ok(halls.some((h) => h.name === '示范县政务服务中心' && h.parentKey === 'county'));
    assert.ok(halls.some((h) => h.name.includes('便民服务站') && unitByKey.get(h.parentKey ?? '')?.kind === 'town'));
    for (const u of demoUnits) assert.ok(u.nameEn.trim().length > 0, u.key);
  });
});

describe('demo county people', () => {
  const everyUsername = [
    ...demoStaff.map((s) => s.username),
    ...demoAdmins.map((a) => a.username),
    ...demoCitizens.map((c) => c.username),
    ...demoCompanies.map((c) => c.username),
  ];

  it('has unique, lower-case usernames across all account kinds', () => {
    assert.deepEqual(duplicates(everyUsername), []);
    for (const u of everyUsername) assert.match(u, /^[a-z][a-z0-9.]*$/, u);
  });

  it('places staff in existing departments or halls with valid, unique 199 numbers', () => {
    for (const s of demoStaff) {
      const unit = unitByKey.get(s.unitKey);
      assert.ok(unit, `${s.username} → ${s.unitKey}`);
      assert.ok(unit.kind === 'department' || unit.kind === 'service_hall', s.username);
      assert.ok(isValidMobilePhone(s.phone) && s.phone.startsWith('199'), s.phone);
      if (s.roleCode === 'hall_window') assert.equal(unit.kind, 'service_hall', s.username);
      if (s.roleCode === 'supervisor') assert.equal(unit.name, '县纪委监委', s.username);
    }
    const phones = [...demoStaff, ...demoCitizens, ...demoCompanies].map((p) => p.phone);
    assert.deepEqual(duplicates(phones), []);
    for (const p of phones) assert.ok(isValidMobilePhone(p) && p.startsWith('199'), p);
  });

  it('gives every department 2–3 staff including a head', () => {
    for (const d of demoUnits.filter((u) => u.kind === 'department')) {
      const members = demoStaff.filter((s) => s.unitKey === d.key);
      assert.ok(members.length >= 2 && members.length <= 3, `${d.key}: ${members.length}`);
      assert.ok(members.some((m) => m.roleCode === 'dept_head'), d.key);
    }
    assert.ok(demoStaff.some((s) => s.roleCode === 'supervisor'));
  });

  it('has the three separated admins in the data administration', () => {
    assert.deepEqual(
      demoAdmins.map((a) => [a.username, a.adminRole]),
      [
        ['sysadmin', 'system'],
        ['secadmin', 'security'],
        ['auditadmin', 'audit'],
      ],
    );
    for (const a of demoAdmins) assert.equal(unitByKey.get(a.unitKey)?.name, '县政务服务和数据管理局');
  });

  it('gives citizens valid, consistent 居民身份证号码 from the county', () => {
    assert.ok(demoCitizens.length >= 3);
    assert.deepEqual(duplicates(demoCitizens.map((c) => c.residentId)), []);
    for (const c of demoCitizens) {
      const r = parseResidentId(c.residentId);
      assert.ok(r.ok, `${c.username}: ${c.residentId}`);
      assert.equal(residentIdSchema.parse(c.residentId), c.residentId);
      assert.equal(r.regionCode, '990121');
      assert.equal(r.birthDate, c.birthDate);
      assert.equal(r.sex, c.sex);
      assert.equal(unitByKey.get(c.unitKey)?.kind, 'village', c.username);
    }
  });

  it('gives companies valid 工商/企业 credit codes from the county', () => {
    assert.equal(demoCompanies.length, 2);
    for (const c of demoCompanies) {
      const r = parseCreditCode(c.creditCode);
      assert.ok(r.ok, `${c.username}: ${c.creditCode}`);
      assert.equal(r.registrationAuthority, '9');
      assert.equal(r.entityType, '1');
      assert.equal(r.regionCode, '990121');
    }
    const allCodes = [...demoUnits.flatMap((u) => (u.creditCode ? [u.creditCode] : [])), ...demoCompanies.map((c) => c.creditCode)];
    assert.deepEqual(duplicates(allCodes), []);
  });

  it('bundles the same arrays in demoCounty', () => {
    assert.equal(demoCounty.units, demoUnits);
    assert.equal(demoCounty.staff, demoStaff);
    assert.equal(demoCounty.admins, demoAdmins);
    assert.equal(demoCounty.citizens, demoCitizens);
    assert.equal(demoCounty.companies, demoCompanies);
  });
});
