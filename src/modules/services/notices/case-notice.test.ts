import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NOTICE_TITLES, renderCaseNotice } from './case-notice.ts';
import type { NoticeData, NoticeKind } from './case-notice.ts';
import { DEFAULT_REMEDY } from './notice-texts.ts';

const run = promisify(execFile);

// Set NOTICE_SAMPLES_DIR (e.g. /tmp/notices) to keep one PDF per kind for looking at.
const SAMPLES_DIR = process.env.NOTICE_SAMPLES_DIR;

function buildNotice(kind: NoticeKind, overrides: Partial<NoticeData> = {}): NoticeData {
  return {
    kind,
    unitName: '示范县市场监督管理局',
    documentNumber: '示市监许受〔2026〕00017号',
    caseNumber: 'ZT20261120000017',
    queryCode: 'K7M2Q9',
    itemName: '食品经营许可（新办）',
    applicantName: '示范县福满园餐饮有限公司',
    applicantIdNumber: '91330000********3X',
    submittedOn: '2026-11-03',
    issuedOn: '2026-11-23',
    promisedDays: 10,
    caseDeadline: '2026-12-07',
    reason: '申请人提交的经营场所不符合食品安全要求，加工区与就餐区未有效分隔',
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    supplementItems: [
      { name: '营业执照复印件', requirement: '需加盖公章，并与原件核对一致' },
      { name: '食品安全管理制度', requirement: '需包含从业人员健康管理、进货查验记录等内容' },
      { name: '经营场所平面图', requirement: '需标明功能分区、设备布局及面积' },
    ],
    opinion: '你单位的申请符合法定条件、标准',
    fine: { amount: 15000, circumstance: '首次违法，违法所得较少，情节较轻' },
    contact: '示范县政务服务中心二楼市场监管窗口，电话 0571-12345678',
    ...overrides,
  };
}

interface PdfFacts {
  /** pdftotext -layout output with all whitespace removed, since lines wrap anywhere. */
  text: string;
  layout: string;
  pages: number;
  info: string;
}

let workDir = '';

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'case-notice-test-'));
  if (SAMPLES_DIR) await mkdir(SAMPLES_DIR, { recursive: true });
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function readPdf(pdf: Buffer, name: string): Promise<PdfFacts> {
  const file = join(workDir, `${name}.pdf`);
  await writeFile(file, pdf);
  const { stdout: layout } = await run('pdftotext', ['-layout', file, '-']);
  const { stdout: info } = await run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { text: layout.replace(/\s+/g, ''), layout, pages, info };
}

/** Asserts the flattened text contains each expected string, whitespace ignored. */
function assertContains(facts: PdfFacts, ...expected: string[]): void {
  for (const part of expected) {
    assert.ok(facts.text.includes(part.replace(/\s+/g, '')), `missing "${part}" in:\n${facts.layout}`);
  }
}

describe('renderCaseNotice', () => {
  const kinds = Object.keys(NOTICE_TITLES) as NoticeKind[];

  for (const kind of kinds) {
    it(`renders the ${kind} notice with the common parts`, async () => {
      const pdf = await renderCaseNotice(buildNotice(kind));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      if (SAMPLES_DIR) await writeFile(join(SAMPLES_DIR, `${kind}.pdf`), pdf);
      const facts = await readPdf(pdf, kind);
      assertContains(
        facts,
        NOTICE_TITLES[kind],
        '示范县市场监督管理局',
        '示市监许受〔2026〕00017号',
        '示范县福满园餐饮有限公司：',
        '91330000********3X',
        '2026年11月23日',
        '食品经营许可（新办）',
        '办件编号：ZT20261120000017',
        '查询码：K7M2Q9',
        '联系方式：',
      );
      // A penalty is not an application, so it has no submission date.
      if (kind !== 'penalty') assertContains(facts, '2026年11月3日');
      assert.equal(facts.pages, 1);
      assert.doesNotMatch(facts.text, /第\d+页/, 'no page number on a one-page notice');
      assert.match(facts.info, new RegExp(`^Title:\\s+${NOTICE_TITLES[kind].replace(/[（）]/g, '.')}$`, 'm'));
      assert.match(facts.info, /^Author:\s+示范县市场监督管理局$/m);
    });
  }

  it('prints the promised term and deadline on an acceptance notice', async () => {
    const facts = await readPdf(await renderCaseNotice(buildNotice('acceptance')), 'acceptance-term');
    assertContains(facts, '决定予以受理', '10个工作日内', '2026年12月7日');
    assert.ok(!facts.text.includes(DEFAULT_REMEDY), 'acceptance has no remedy paragraph by default');
  });

  it('prints reason, legal basis and the default remedy on a refusal and a denial', async () => {
    for (const kind of ['refusal', 'denial'] as const) {
      const facts = await readPdf(await renderCaseNotice(buildNotice(kind)), `${kind}-remedy`);
      assertContains(facts, '加工区与就餐区未有效分隔', '根据《中华人民共和国食品安全法》第三十五条的规定', DEFAULT_REMEDY);
    }
  });

  it('uses a given remedy text instead of the default', async () => {
    const remedy = '如不服本决定，可以在六十日内向示范市市场监督管理局申请行政复议。';
    const facts = await readPdf(await renderCaseNotice(buildNotice('denial', { remedy })), 'custom-remedy');
    assertContains(facts, remedy);
    assert.ok(!facts.text.includes(DEFAULT_REMEDY));
  });

  it('numbers the supplement items', async () => {
    const facts = await readPdf(await renderCaseNotice(buildNotice('supplement')), 'supplement-items');
    assertContains(
      facts,
      '一次性告知',
      '1.营业执照复印件：需加盖公章，并与原件核对一致。',
      '2.食品安全管理制度：',
      '3.经营场所平面图：需标明功能分区、设备布局及面积。',
    );
    assert.match(facts.layout, /^\s+1\.\s+营业执照复印件/m, 'the number starts the line');
  });

  it('prints the fine in figures and in capitals on a penalty decision', async () => {
    const facts = await readPdf(
      await renderCaseNotice(buildNotice('penalty', { fine: { amount: 1234.56, circumstance: '情节较轻' } })),
      'penalty-fine',
    );
    assertContains(facts, '1234.56元（大写：壹仟贰佰叁拾肆元伍角陆分）', '情节较轻', '十五日内缴纳罚款', DEFAULT_REMEDY);
  });

  it('records no penalty when the fine is null', async () => {
    const facts = await readPdf(await renderCaseNotice(buildNotice('penalty', { fine: null })), 'no-penalty');
    assertContains(facts, '不予行政处罚', DEFAULT_REMEDY);
    assert.ok(!facts.text.includes('罚款人民币'));
  });

  it('leaves out the query code when there is none', async () => {
    const facts = await readPdf(await renderCaseNotice(buildNotice('approval', { queryCode: null })), 'no-query');
    assertContains(facts, '办件编号：ZT20261120000017', '准予行政许可');
    assert.ok(!facts.text.includes('查询码'));
  });

  it('flows a 40-item supplement list onto a second page with page numbers', async () => {
    const supplementItems = Array.from({ length: 40 }, (_, i) => ({
      name: `补正材料第${i + 1}项`,
      requirement: '需提供原件及加盖公章的复印件，复印件应清晰完整、与原件一致，并由申请人逐页签字确认',
    }));
    const pdf = await renderCaseNotice(buildNotice('supplement', { supplementItems }));
    if (SAMPLES_DIR) await writeFile(join(SAMPLES_DIR, 'supplement-long.pdf'), pdf);
    const facts = await readPdf(pdf, 'supplement-long');
    assert.ok(facts.pages >= 2, `expected 2+ pages, got ${facts.pages}`);
    assertContains(facts, '1.补正材料第1项', '40.补正材料第40项', `第1页共${facts.pages}页`, `第${facts.pages}页共${facts.pages}页`);
    // Every page carries the case number in its footer.
    assert.equal(facts.text.split('办件编号：ZT20261120000017').length - 1, facts.pages);
  });

  it('wraps a very long reason instead of running off the page', async () => {
    const reason = '经现场核查发现申请人经营场所存在多项不符合要求的情形'.repeat(12);
    const facts = await readPdf(await renderCaseNotice(buildNotice('denial', { reason })), 'long-reason');
    const widest = Math.max(...facts.layout.split('\n').map((line) => line.trim().length));
    assert.ok(widest < 60, `a line of ${widest} characters did not wrap`);
  });

  it('throws a clear error naming fonts-noto-cjk when no font exists', async () => {
    await assert.rejects(
      renderCaseNotice(buildNotice('acceptance'), { fontPaths: ['/nonexistent/NotoSerifCJK-Regular.ttc'] }),
      (error: Error) => /fonts-noto-cjk/.test(error.message) && error.message.includes('/nonexistent/NotoSerifCJK-Regular.ttc'),
    );
    await assert.rejects(renderCaseNotice(buildNotice('acceptance'), { fontPaths: [] }), /fonts-noto-cjk/);
  });

  it('falls back to the sans collection and to a stroked title without a bold face', async () => {
    // A regular face with no -Bold sibling next to it forces the stroked-heading path.
    const lone = join(workDir, 'NotoSansCJK-Regular.ttc');
    await symlink('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', lone);
    const facts = await readPdf(await renderCaseNotice(buildNotice('approval'), { fontPaths: ['/nonexistent/x.ttc', lone] }), 'sans');
    assertContains(facts, NOTICE_TITLES.approval, '示范县福满园餐饮有限公司：');
  });

  it('rejects a supplement notice without items and bad dates', async () => {
    await assert.rejects(renderCaseNotice(buildNotice('supplement', { supplementItems: [] })), /at least one item/);
    await assert.rejects(renderCaseNotice(buildNotice('acceptance', { issuedOn: '23.11.2026' })), /YYYY-MM-DD/);
  });
});
