// Demo administrative penalties (行政处罚, item type 02) with their 裁量基准: the fine ranges (元)
// the law sets, split by circumstance. A penalty case starts from the unit's own findings, so these
// guides list no materials; the acceptance conditions are the conditions for opening a case (立案).
// Circumstance codes are unique across an item's standard: a penalty decision names only the code.
import type { DemoServiceItem } from './demo-items.ts';
import { COMMON, PENALTY_FLOW, text } from './demo-items-common.ts';

/** The party (当事人) a penalty case is against. */
const PARTY_FIELDS = [
  text('party_name', '当事人名称（姓名）', 100),
  text('party_code', '统一社会信用代码或公民身份号码', 18),
  text('party_address', '住所（地址）', 120),
  { key: 'phone', label: '联系电话', type: 'phone' as const },
];

export const penaltyItems: DemoServiceItem[] = [
  {
    unitKey: 'dept.samr', template: 'penalty', status: 'published',
    guide: {
      name: '对未取得食品经营许可从事食品经营活动的行政处罚', itemType: '02', basicCode: '000103020001',
      summary: '对未取得食品经营许可从事食品销售、餐饮服务活动，以及未按规定建立并遵守进货查验记录制度的食品经营者，依法给予行政处罚。',
      legalBasis: '《中华人民共和国食品安全法》第一百二十二条、第一百二十六条；《中华人民共和国行政处罚法》；《市场监督管理行政处罚程序规定》。',
      acceptanceConditions: '同时符合下列条件的予以立案：1. 有证据初步证明存在违反食品安全法律、法规、规章的行为；2. 依法应当给予行政处罚；3. 属于本部门管辖；4. 在给予行政处罚的法定期限内（《中华人民共和国行政处罚法》第三十六条）。',
      processDescription: PENALTY_FLOW,
      statutoryDays: 90, promisedDays: 60, caseKind: 'promised', charged: false,
      place: '示范县市场监督管理局执法稽查大队（示范县人民路 18 号）', ...COMMON, consultation: '县市场监督管理局执法稽查大队 0999-12340321',
      audiences: ['company', 'person'], themes: ['enforcement', 'food_drug'], visits: 1, onlineApplication: false,
      form: PARTY_FIELDS,
      discretion: [
        {
          violation: '未取得食品经营许可从事食品经营活动，违法经营的食品货值金额不足一万元',
          basis: '《中华人民共和国食品安全法》第一百二十二条第一款：没收违法所得和违法经营的食品以及用于违法经营的工具、设备、原料等物品；货值金额不足一万元的，并处五万元以上十万元以下罚款',
          circumstances: [
            { code: 'unlicensed_minor', name: '轻微：首次被发现，经营时间短，主动停止经营且未造成危害后果', fineMin: 50_000, fineMax: 65_000 },
            { code: 'unlicensed_general', name: '一般：经营时间较长或者经营品种较多，未造成危害后果', fineMin: 65_000, fineMax: 85_000 },
            { code: 'unlicensed_serious', name: '严重：被责令停止后继续经营，或者造成食源性疾病等危害后果', fineMin: 85_000, fineMax: 100_000 },
          ],
        },
        {
          violation: '食品经营者进货时未查验许可证和相关证明文件，或者未按规定建立并遵守进货查验记录制度',
          basis: '《中华人民共和国食品安全法》第一百二十六条第一款第三项：责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款',
          circumstances: [
            { code: 'unchecked_minor', name: '轻微：首次违法且及时改正，责令改正并给予警告', fineMin: 0, fineMax: 0 },
            { code: 'unchecked_general', name: '一般：责令改正后拒不改正', fineMin: 5_000, fineMax: 20_000 },
            { code: 'unchecked_serious', name: '严重：拒不改正且涉及食品数量较大，或者一年内再次违法', fineMin: 20_000, fineMax: 50_000 },
          ],
        },
      ],
    },
  },
  {
    unitKey: 'dept.transport', template: 'penalty', status: 'published',
    guide: {
      name: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚', itemType: '02', basicCode: '000109020001',
      summary: '对未取得道路运输经营许可，擅自从事道路普通货物运输或者道路客运经营的单位和个人，责令停止经营并依法处以罚款。',
      legalBasis: '《中华人民共和国道路运输条例》第六十三条；《中华人民共和国行政处罚法》；《交通运输行政执法程序规定》。',
      acceptanceConditions: '同时符合下列条件的予以立案：1. 有涉嫌违反道路运输管理法律、法规、规章的事实；2. 依法应当给予行政处罚；3. 属于本部门管辖；4. 违法行为未超过行政处罚的追责时效（《中华人民共和国行政处罚法》第三十六条）。',
      processDescription: PENALTY_FLOW,
      statutoryDays: 90, promisedDays: 60, caseKind: 'promised', charged: false,
      place: '示范县交通运输综合行政执法大队（示范县交通路 6 号）', ...COMMON, consultation: '县交通运输综合行政执法大队 0999-12340921',
      audiences: ['company', 'person'], themes: ['enforcement', 'transport_business'], visits: 1, onlineApplication: false,
      form: PARTY_FIELDS,
      discretion: [
        {
          violation: '未取得道路运输经营许可，擅自从事道路普通货物运输经营，没有违法所得或者违法所得不足一万元',
          basis: '《中华人民共和国道路运输条例》第六十三条：责令停止经营；没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款，情节严重的，处1万元以上5万元以下的罚款',
          circumstances: [
            { code: 'freight_minor', name: '轻微：首次违法，营运次数少，及时停止经营', fineMin: 3_000, fineMax: 6_000 },
            { code: 'freight_general', name: '一般：多次营运或者使用两辆以上车辆经营', fineMin: 6_000, fineMax: 10_000 },
            { code: 'freight_serious', name: '情节严重：被责令停止经营后继续经营，或者发生安全事故', fineMin: 10_000, fineMax: 50_000 },
          ],
        },
        {
          violation: '未取得道路运输经营许可，擅自从事道路客运经营，没有违法所得或者违法所得不足二万元',
          basis: '《中华人民共和国道路运输条例》第六十三条：责令停止经营；没有违法所得或者违法所得不足2万元的，处1万元以上10万元以下的罚款',
          circumstances: [
            { code: 'passenger_minor', name: '轻微：首次违法，载客人数少，及时停止经营', fineMin: 10_000, fineMax: 30_000 },
            { code: 'passenger_general', name: '一般：多次从事非法客运经营', fineMin: 30_000, fineMax: 60_000 },
            { code: 'passenger_serious', name: '严重：拒不停止经营、逃避检查，或者造成人员伤亡等后果', fineMin: 60_000, fineMax: 100_000 },
          ],
        },
      ],
    },
  },
];
