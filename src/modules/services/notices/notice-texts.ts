// The wording of each notice, kept apart from the layout so the texts can be reviewed (and
// changed by the legal office) without touching pdfkit code.
import type { NoticeData, NoticeKind } from './case-notice.ts';
import { toChineseCapitalAmount } from './chinese-amount.ts';

/** A piece of the notice body, in reading order. */
export type NoticeBlock =
  | { type: 'paragraph'; text: string }
  /** Numbered items (一次性告知 lists every missing material at once), printed 1. 2. 3. */
  | { type: 'list'; items: string[] };

export const DEFAULT_REMEDY =
  '如不服本决定，可以在收到本决定书之日起六十日内向示范县人民政府申请行政复议，或者在六个月内向人民法院提起行政诉讼。';

// Decisions that refuse or burden the applicant must tell them how to appeal
// (行政许可法第三十八条第二款, 行政处罚法第四十四条), so these get the default remedy.
const KINDS_NEEDING_REMEDY: ReadonlySet<NoticeKind> = new Set(['refusal', 'denial', 'penalty']);

/** '2026-11-03' → '2026年11月3日'; months and days are not zero-padded (GB/T 9704). */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${isoDate}"`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 15000 → '15000.00元（大写：壹万伍仟元整）' so the figure cannot be misread or altered. */
export function formatFineAmount(amount: number): string {
  return `${amount.toFixed(2)}元（大写：${toChineseCapitalAmount(amount)}）`;
}

/** The remedy paragraph to print, or null when the kind needs none and none was given. */
export function chooseRemedy(data: NoticeData): string | null {
  if (data.remedy) return data.remedy;
  return KINDS_NEEDING_REMEDY.has(data.kind) ? DEFAULT_REMEDY : null;
}

/** Drops a trailing full stop so a text can be embedded in a sentence of ours. */
function trimStop(text: string): string {
  return text.trim().replace(/[。．.；;]+$/u, '');
}

/** The opening clause all kinds share: who applied for what, and when. */
function describeApplication(data: NoticeData): string {
  return (
    `你（单位）（证件号码：${data.applicantIdNumber}）于${formatChineseDate(data.submittedOn)}` +
    `提交的“${data.itemName}”申请`
  );
}

function composeAcceptance(data: NoticeData): NoticeBlock[] {
  const blocks: NoticeBlock[] = [
    {
      type: 'paragraph',
      text:
        `${describeApplication(data)}，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》` +
        '第三十二条第一款第（五）项的规定，本机关决定予以受理。',
    },
  ];
  const term: string[] = [];
  if (data.promisedDays != null) term.push(`本机关将自受理之日起${data.promisedDays}个工作日内作出决定`);
  if (data.caseDeadline) term.push(`承诺办结日期为${formatChineseDate(data.caseDeadline)}`);
  if (term.length) {
    blocks.push({
      type: 'paragraph',
      text: `${term.join('，')}。依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计算在上述期限内。`,
    });
  }
  return blocks;
}

function composeRefusal(data: NoticeData): NoticeBlock[] {
  const reason = data.reason ? trimStop(data.reason) : '该申请事项依法不属于本机关受理范围';
  const basis = data.legalBasis ? trimStop(data.legalBasis) : '《中华人民共和国行政许可法》第三十二条第一款';
  return [
    {
      type: 'paragraph',
      text: `${describeApplication(data)}，经审查，${reason}。根据${basis}的规定，本机关决定不予受理。`,
    },
  ];
}

function composeSupplement(data: NoticeData): NoticeBlock[] {
  const items = (data.supplementItems ?? []).map((item) => `${trimStop(item.name)}：${trimStop(item.requirement)}。`);
  return [
    {
      type: 'paragraph',
      text:
        `${describeApplication(data)}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》` +
        '第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下：',
    },
    { type: 'list', items },
    {
      type: 'paragraph',
      text:
        '请你（单位）按照上述要求一并补正后重新提交。补正材料期间不计入办理时限；' +
        '本机关自收到全部补正材料之日起受理。',
    },
  ];
}

function composeApproval(data: NoticeData): NoticeBlock[] {
  const opinion = data.opinion ? trimStop(data.opinion) : '你（单位）的申请符合法定条件、标准';
  return [
    {
      type: 'paragraph',
      text:
        `${describeApplication(data)}，经审查，${opinion}。根据《中华人民共和国行政许可法》` +
        '第三十八条第一款的规定，本机关决定准予行政许可。',
    },
    { type: 'paragraph', text: '请你（单位）凭本决定书按照告知的方式领取相关许可证件。' },
  ];
}

function composeDenial(data: NoticeData): NoticeBlock[] {
  const reason = data.reason ? trimStop(data.reason) : '你（单位）的申请不符合法定条件、标准';
  const basis = data.legalBasis ? trimStop(data.legalBasis) : '《中华人民共和国行政许可法》第三十八条第二款';
  return [
    {
      type: 'paragraph',
      text: `${describeApplication(data)}，经审查，${reason}。根据${basis}的规定，本机关决定不予行政许可。`,
    },
  ];
}

function composePenalty(data: NoticeData): NoticeBlock[] {
  // A penalty is not an application, so it opens with the matter investigated instead.
  const facts =
    `本机关依法对你（单位）（证件号码：${data.applicantIdNumber}）涉及“${data.itemName}”的有关行为进行了调查。` +
    (data.reason ? `经查，${trimStop(data.reason)}。` : '');
  const basis = data.legalBasis ? trimStop(data.legalBasis) : '《中华人民共和国行政处罚法》及相关法律、法规';
  if (!data.fine) {
    // No fine: the same decision form records that no penalty is imposed, with its reason.
    return [
      { type: 'paragraph', text: facts },
      { type: 'paragraph', text: `根据${basis}的规定，本机关决定对你（单位）不予行政处罚。` },
    ];
  }
  return [
    { type: 'paragraph', text: facts },
    {
      type: 'paragraph',
      text:
        `综合考虑违法情节（${trimStop(data.fine.circumstance)}），根据${basis}的规定，本机关决定对你（单位）` +
        `处以罚款人民币${formatFineAmount(data.fine.amount)}。`,
    },
    {
      type: 'paragraph',
      text:
        '请你（单位）自收到本决定书之日起十五日内缴纳罚款。到期不缴纳罚款的，' +
        '本机关可以每日按罚款数额的百分之三加处罚款。',
    },
  ];
}

const COMPOSERS: Record<NoticeKind, (data: NoticeData) => NoticeBlock[]> = {
  acceptance: composeAcceptance,
  refusal: composeRefusal,
  supplement: composeSupplement,
  approval: composeApproval,
  denial: composeDenial,
  penalty: composePenalty,
};

/** The body of a notice: the kind's paragraphs, then remedy and contact where they apply. */
export function composeNoticeBody(data: NoticeData): NoticeBlock[] {
  const blocks = COMPOSERS[data.kind](data);
  const remedy = chooseRemedy(data);
  if (remedy) blocks.push({ type: 'paragraph', text: remedy });
  if (data.contact) blocks.push({ type: 'paragraph', text: `联系方式：${data.contact}` });
  return blocks;
}
