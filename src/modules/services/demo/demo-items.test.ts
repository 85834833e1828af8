import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoStaff } from '../../identity/index.ts';
import { findMissingGuideElements } from '../guide-completeness.ts';
import type { GuideElement } from '../guide-completeness.ts';
import { processDefinitionSchema } from '../process.schema.ts';
import { processFromTemplate } from '../process-templates.ts';
import { THEME_CODES } from '../service-catalogue.ts';
import { serviceGuideSchema } from '../service-guide.schema.ts';
import { demoLifeEvents, demoServiceItems } from './demo-items.ts';
import type { DemoServiceItem } from './demo-items.ts';

/** The drafts, by basic code (+ variant), and the guide elements each still lacks. */
const DECLARED_DRAFTS: Record<string, GuideElement[]> = {
  '000107070001/02': ['fees'],
  '000109010003': ['hours'],
  '000102010001': ['consultation', 'visits'],
};
const DEPARTMENTS = ['dept.drc', 'dept.samr', 'dept.hrss', 'dept.civil', 'dept.police', 'dept.land', 'dept.housing', 'dept.transport', 'dept.health'];

const codeOf = (item: DemoServiceItem): string => (item.guide.variantCode ? `${item.guide.basicCode}/${item.guide.variantCode}` : item.guide.basicCode);

function check(item: DemoServiceItem) {
  const guide = serviceGuideSchema.parse(item.guide);
  const process = processDefinitionSchema.parse(processFromTemplate(item.template, guide.promisedDays ?? 0));
  return { item, guide, process, missing: findMissingGuideElements(guide, process, true) };
}

describe('demo service items', () => {
  it('parses every guide and every template process', () => {
    for (const item of demoServiceItems) {
      const guide = serviceGuideSchema.safeParse(item.guide);
      assert.ok(guide.success, `${item.guide.name}: ${guide.error?.message}`);
      const process = processDefinitionSchema.safeParse(processFromTemplate(item.template, guide.data.promisedDays ?? 0));
      assert.ok(process.success, `${item.guide.name}: ${process.error?.message}`);
    }
  });

  it('has at least 34 items, at least 30 of them published and complete', () => {
    assert.ok(demoServiceItems.length >= 34, `${demoServiceItems.length} items`);
    const publishedComplete = demoServiceItems.map(check).filter((c) => c.item.status === 'published' && c.missing.length === 0);
    assert.ok(publishedComplete.length >= 30, `${publishedComplete.length} published and complete`);
  });

  it('leaves exactly the declared drafts incomplete, and only drafts', () => {
    const incomplete = Object.fromEntries(demoServiceItems.map(check).filter((c) => c.missing.length > 0).map((c) => [codeOf(c.item), c.missing]));
    assert.deepEqual(incomplete, DECLARED_DRAFTS);
    const drafts = demoServiceItems.filter((item) => item.status === 'draft').map(codeOf).sort();
    assert.deepEqual(drafts, Object.keys(DECLARED_DRAFTS).sort());
  });

  it('has one complete item in review', () => {
    const inReview = demoServiceItems.map(check).filter((c) => c.item.status === 'in_review');
    assert.equal(inReview.length, 1);
    assert.deepEqual(inReview[0]?.missing, []);
  });

  it('gives every item a unique 12-digit basic code (+ variant)', () => {
    const codes = demoServiceItems.map(codeOf);
    assert.equal(new Set(codes).size, codes.length, 'duplicate basic code + variant');
    for (const item of demoServiceItems) assert.match(item.guide.basicCode, /^0001\d{8}$/, item.guide.name);
    const names = demoServiceItems.map((item) => item.guide.name);
    assert.equal(new Set(names).size, names.length, 'duplicate item name');
  });

  it('implements every item at a unit that has demo staff, and covers every department', () => {
    const staffUnits = new Set(demoStaff.map((member) => member.unitKey));
    for (const item of demoServiceItems) assert.ok(staffUnits.has(item.unitKey), `${item.guide.name}: unknown unit ${item.unitKey}`);
    for (const department of DEPARTMENTS) {
      assert.ok(staffUnits.has(department), `${department} has no staff`);
      assert.ok(demoServiceItems.some((item) => item.unitKey === department), `${department} has no item`);
    }
  });

  it('uses valid themes and audiences, 1–2 themes each', () => {
    for (const { guide } of demoServiceItems.map(check)) {
      assert.ok(guide.themes.length >= 1 && guide.themes.length <= 2, guide.name);
      for (const theme of guide.themes) assert.ok(THEME_CODES.includes(theme), `${guide.name}: theme ${theme}`);
      assert.ok(guide.audiences.length >= 1, guide.name);
    }
  });

  it('matches templates to case kinds and item types', () => {
    for (const { item, guide } of demoServiceItems.map(check)) {
      if (item.template === 'immediate') {
        assert.equal(guide.caseKind, 'immediate', guide.name);
        assert.equal(guide.promisedDays, 0, guide.name);
      } else {
        assert.equal(guide.caseKind, 'promised', guide.name);
        assert.ok((guide.promisedDays ?? 0) > 0, guide.name);
      }
      assert.equal(item.template === 'penalty', guide.itemType === '02', guide.name);
      if (guide.promisedDays !== null && guide.statutoryDays !== null) assert.ok(guide.promisedDays <= guide.statutoryDays, guide.name);
    }
  });

  it('asks for 3–7 materials and a form of 3–8 fields, fees only when charged', () => {
    for (const { item, guide } of demoServiceItems.map(check)) {
      if (item.template !== 'penalty') assert.ok(guide.materials.length >= 3 && guide.materials.length <= 7, `${guide.name}: ${guide.materials.length} materials`);
      assert.ok(guide.form.length >= 3 && guide.form.length <= 8, `${guide.name}: ${guide.form.length} fields`);
      for (const field of guide.form) if (field.type === 'select') assert.ok((field.options ?? []).length >= 2, `${guide.name}: ${field.key}`);
      if (!guide.charged) assert.deepEqual(guide.fees, [], guide.name);
      assert.ok(guide.processDescription.includes('→'), guide.name);
    }
  });

  it('gives penalty items a discretion standard with consistent fine ranges', () => {
    const penalties = demoServiceItems.map(check).filter((c) => c.guide.itemType === '02');
    assert.ok(penalties.length >= 2);
    for (const { guide } of penalties) {
      assert.ok(guide.discretion.length >= 1, guide.name);
      for (const standard of guide.discretion) {
        assert.ok(standard.circumstances.length >= 2 && standard.circumstances.length <= 3, standard.violation);
        for (const circumstance of standard.circumstances) assert.ok(circumstance.fineMin <= circumstance.fineMax, circumstance.name);
      }
    }
    for (const { guide } of demoServiceItems.map(check).filter((c) => c.guide.itemType !== '02')) assert.deepEqual(guide.discretion, [], guide.name);
  });
});

describe('demo life events', () => {
  it('bundles at least five events of published items', () => {
    assert.ok(demoLifeEvents.length >= 5);
    const codes = demoLifeEvents.map((event) => event.code);
    assert.equal(new Set(codes).size, codes.length, 'duplicate life event code');
    const published = new Set(demoServiceItems.filter((item) => item.status === 'published').map((item) => item.guide.basicCode));
    for (const event of demoLifeEvents) {
      assert.ok(event.basicCodes.length >= 2, event.name);
      assert.equal(new Set(event.basicCodes).size, event.basicCodes.length, `${event.name}: duplicate item`);
      for (const code of event.basicCodes) assert.ok(published.has(code), `${event.name}: ${code} is not a published item`);
    }
  });
});
