// 大写金额 for fines and fees printed on official documents, following the People's Bank of
// China rules for writing amounts on bills (《正确填写票据和结算凭证的基本规定》):
//   - 拾 is always preceded by a digit (壹拾, never 拾) so a figure cannot be prefixed later;
//   - a run of zeros inside the integer part is written as a single 零 (6007 → 陆仟零柒);
//   - zeros at the end of a 万/亿 group are not read (107000 → 壹拾万柒仟), but a group that
//     starts with zeros after a non-zero group is (10001 → 壹万零壹);
//   - an amount ending at 元 gets 整; after 角 the rules allow omitting 整, and after 分 it is
//     never written;
//   - when 角 is 0 but 分 is not, 零 follows 元 (325.04 → 叁佰贰拾伍元零肆分);
//   - when 元位 is 0 but 角 is not, the rules allow either form; we write 零 after 元
//     (1680.32 → 壹仟陆佰捌拾元零叁角贰分), which is the rules' own first example.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES_IN_GROUP = ['', '拾', '佰', '仟'] as const;
// Units of the 4-digit groups, lowest first. 万亿 keeps us within safe-integer 分.
const GROUP_UNITS = ['', '万', '亿', '万亿'] as const;

/** Largest amount accepted: 9,999,9999,9999.99 元 (13 integer digits, still exact in 分). */
export const MAX_CHINESE_AMOUNT = 9_999_999_999_999.99;

function digitAt(n: number): string {
  return DIGITS[n] ?? '';
}

/**
 * One group of up to four digits, e.g. 1005 → 壹仟零伍, 10 → 壹拾. Inner zero runs collapse to a
 * single 零; leading and trailing zeros are left to the caller.
 */
function spellGroup(group: number): string {
  let text = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      if (text) pendingZero = true;
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += digitAt(digit) + PLACES_IN_GROUP[place];
  }
  return text;
}

/** The integer 元 part, e.g. 100010000 → 壹亿零壹万. Returns '' for 0. */
function spellInteger(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);

  let text = '';
  let zeroSinceLastGroup = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) {
      // An empty group between non-empty ones (1,0000,0001) is read as one 零.
      if (text) zeroSinceLastGroup = true;
      continue;
    }
    // A lower group without a thousands digit also needs 零 (1,0001 → 壹万零壹).
    if (text && (zeroSinceLastGroup || group < 1000)) text += '零';
    zeroSinceLastGroup = false;
    // 万亿 shares its 亿 with a non-empty 亿 group: 9,9999,0000,0000 → 玖万玖仟玖佰玖拾玖亿.
    const unit = i === 3 && (groups[2] ?? 0) > 0 ? '万' : GROUP_UNITS[i];
    text += spellGroup(group) + unit;
  }
  return text;
}

/**
 * Writes an amount of 元 in Chinese capital numerals, e.g. 15000 → 壹万伍仟元整,
 * 1234.56 → 壹仟贰佰叁拾肆元伍角陆分, 0 → 零元整. Amounts are rounded to the nearest 分.
 * Throws a RangeError for negative, non-finite or too-large amounts, since a fine written
 * wrongly on a decision is worse than no document.
 */
export function toChineseCapitalAmount(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`toChineseCapitalAmount: amount must be a finite non-negative number, got ${amount}`);
  }
  if (amount > MAX_CHINESE_AMOUNT) {
    throw new RangeError(`toChineseCapitalAmount: amount ${amount} exceeds ${MAX_CHINESE_AMOUNT}`);
  }
  // toFixed rounds the decimal text, which avoids 1234.56 * 100 = 123455.99999… surprises.
  const [yuanText = '0', fenText = '00'] = amount.toFixed(2).split('.');
  const yuan = Number(yuanText);
  const jiao = Number(fenText[0]);
  const fen = Number(fenText[1]);

  const integer = spellInteger(yuan);
  if (jiao === 0 && fen === 0) return `${integer || '零'}元整`;

  let text = integer ? `${integer}元` : '';
  // 零 after 元 when the 角 place is empty (…元零伍分) or the 元 place is (…拾元零叁角).
  if (integer && (jiao === 0 || yuan % 10 === 0)) text += '零';
  if (jiao > 0) text += `${digitAt(jiao)}角`;
  if (fen > 0) text += `${digitAt(fen)}分`;
  return text;
}
