// Demo items of the county human resources and social security bureau (人社): the social security
// card, unemployment benefit, the employment and entrepreneurship card, training subsidies, the
// retirement pension and employers' social insurance registration.
// Basic codes: 0001 + department 04 + item type (2) + sequence (4).
import type { DemoServiceItem } from './demo-items.ts';
import {
  businessLicence, COMMON, companyFields, consult, dateField, hallWindow, householdBook, idCard, immediateFlow, material, numberField,
  personFields, promisedFlow, select, socialSecurityCard, text,
} from './demo-items-common.ts';

const HRSS_PLACE = hallWindow(6);
const HRSS_PHONE = consult('县人力资源和社会保障局', '0406');

export const employmentItems: DemoServiceItem[] = [
  {
    unitKey: 'dept.hrss', template: 'immediate', status: 'published',
    guide: {
      name: '社会保障卡申领', itemType: '20', basicCode: '000104200001',
      summary: '参加本县社会保险的人员（含新生儿和未成年人）申领、换领、补领第三代社会保障卡，即时制卡网点当场领卡。',
      legalBasis: '《中华人民共和国社会保险法》第五十八条：国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码；《中华人民共和国社会保障卡管理办法》（人社部发〔2011〕47号）。',
      acceptanceConditions: '1. 在本县参加社会保险或拟在本县参保的人员；2. 未满十六周岁的由监护人代为申请；3. 换领、补领的原卡已挂失或交回。',
      materials: [
        idCard(),
        householdBook(false),
        material('photo', '近期白底免冠证件照（可现场拍摄或使用已有证件照片）', 'electronic', { required: false }),
      ],
      processDescription: immediateFlow('（即时制卡网点当场制卡、激活金融账户）'),
      statutoryDays: 1, promisedDays: 0, caseKind: 'immediate', charged: false,
      place: `${HRSS_PLACE}（社会保障卡即时制卡网点）`, ...COMMON, consultation: HRSS_PHONE,
      audiences: ['person'], themes: ['social_security'], visits: 1,
      form: [
        ...personFields(),
        select('apply_type', '申领类型', ['首次申领', '换领', '挂失补领']),
        select('delivery', '领卡方式', ['即时制卡', '邮寄到家']),
        select('bank', '开户银行', ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '中国邮政储蓄银行', '示范县农村商业银行']),
      ],
    },
  },
  {
    unitKey: 'dept.hrss', template: 'promised', status: 'published',
    guide: {
      name: '失业保险金申领', itemType: '05', basicCode: '000104050001',
      summary: '非因本人意愿中断就业、已办理失业登记的参保失业人员，按规定申领失业保险金，领取期间同时享受基本医疗保险待遇。',
      legalBasis: '《中华人民共和国社会保险法》第四十五条、第五十条；《失业保险条例》第十四条；《失业保险金申领发放办法》。',
      acceptanceConditions: '同时具备下列条件：1. 失业前用人单位和本人已经缴纳失业保险费满一年；2. 非因本人意愿中断就业；3. 已经进行失业登记，并有求职要求。',
      materials: [
        idCard(),
        socialSecurityCard(),
        material('termination_proof', '解除或者终止劳动关系的证明', 'copy', { note: '用人单位已网上报送的免交' }),
      ],
      processDescription: promisedFlow('县社会保险经办机构核对参保缴费和失业登记信息，审核领取资格和期限'),
      statutoryDays: 10, promisedDays: 3, caseKind: 'promised', charged: false,
      place: HRSS_PLACE, ...COMMON, consultation: HRSS_PHONE,
      audiences: ['person'], themes: ['employment', 'social_security'], visits: 0,
      form: [
        ...personFields(),
        text('former_employer', '原工作单位', 100),
        dateField('leave_date', '劳动关系终止日期'),
        select('leave_reason', '终止原因', ['劳动合同期满终止', '用人单位解除劳动合同', '用人单位经济性裁员', '其他非本人意愿中断就业']),
      ],
    },
  },
  {
    unitKey: 'dept.hrss', template: 'promised', status: 'published',
    guide: {
      name: '就业创业证申领', itemType: '20', basicCode: '000104200002',
      summary: '在法定劳动年龄内有就业创业需求的城乡劳动者，可申领《就业创业证》，作为享受就业创业扶持政策的凭证；电子证与实体证同等效力。',
      legalBasis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》（劳动和社会保障部令第28号）；《人力资源社会保障部关于进一步完善就业失业登记管理办法的通知》（人社部发〔2014〕97号）。',
      acceptanceConditions: '1. 在法定劳动年龄内、有劳动能力；2. 处于失业状态且有就业要求，或已就业、自主创业、灵活就业需享受扶持政策；3. 常住本县（非本县户籍的持居住证）。',
      materials: [
        idCard(),
        material('residence_permit', '居住证（非本县户籍人员提供）', 'copy', { required: false, licenceType: '居住证' }),
        material('photo', '近期1寸白底免冠照片', 'electronic', { required: false }),
      ],
      processDescription: promisedFlow('县公共就业服务机构核对就业失业登记信息'),
      statutoryDays: 5, promisedDays: 1, caseKind: 'promised', charged: false,
      place: HRSS_PLACE, ...COMMON, consultation: HRSS_PHONE,
      audiences: ['person'], themes: ['employment'], visits: 0,
      form: [
        ...personFields(),
        select('employment_status', '就业状态', ['失业', '就业', '自主创业', '灵活就业']),
        select('education', '文化程度', ['初中及以下', '高中、中专', '大专', '本科', '研究生']),
      ],
    },
  },
  {
    unitKey: 'dept.hrss', template: 'promised', status: 'published',
    guide: {
      name: '职业技能培训补贴申领', itemType: '05', basicCode: '000104050002',
      summary: '符合条件的劳动者参加职业技能培训并取得证书的，按培训工种和证书等级申领职业培训补贴。',
      legalBasis: '《中华人民共和国就业促进法》；《就业补助资金管理办法》（财社〔2017〕164号）；《国务院办公厅关于印发职业技能提升行动方案（2019—2021年）的通知》（国办发〔2019〕24号）。',
      acceptanceConditions: '1. 属于脱贫家庭子女、毕业年度高校毕业生、城乡未继续升学的应届初高中毕业生、农村转移就业劳动者、城镇登记失业人员等补贴对象；2. 参加经认定的职业培训机构组织的培训；3. 取得职业资格证书、职业技能等级证书、专项职业能力证书或培训合格证书；4. 同一职业（工种）同一等级不重复享受。',
      materials: [
        idCard(),
        socialSecurityCard(),
        material('skill_certificate', '职业技能等级证书、专项职业能力证书或培训合格证书', 'copy', { licenceType: '职业技能等级证书' }),
        material('employment_card', '《就业创业证》', 'copy', { required: false, licenceType: '就业创业证' }),
      ],
      processDescription: promisedFlow('县人力资源和社会保障局审核培训记录、证书真实性，公示后拨付补贴'),
      statutoryDays: 20, promisedDays: 15, caseKind: 'promised', charged: false,
      place: HRSS_PLACE, ...COMMON, consultation: HRSS_PHONE,
      audiences: ['person'], themes: ['employment'], visits: 0,
      form: [
        ...personFields(),
        text('occupation', '培训职业（工种）', 40),
        text('certificate_number', '证书编号', 40),
        select('category', '人员类别', ['脱贫家庭子女', '毕业年度高校毕业生', '农村转移就业劳动者', '城镇登记失业人员', '其他符合条件人员']),
      ],
    },
  },
  {
    unitKey: 'dept.hrss', template: 'promised', status: 'published',
    guide: {
      name: '职工基本养老保险退休待遇申领', itemType: '05', basicCode: '000104050003',
      summary: '参加企业职工基本养老保险的人员达到法定退休年龄、累计缴费达到最低缴费年限的，申领按月领取的基本养老金。',
      legalBasis: '《中华人民共和国社会保险法》第十六条：参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金；《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》。',
      acceptanceConditions: '1. 达到法定退休年龄（含渐进式延迟后的退休年龄，或按规定弹性提前、弹性延迟退休）；2. 累计缴费达到最低缴费年限（自2030年起由十五年逐步提高至二十年）；3. 已停止缴纳基本养老保险费。',
      materials: [
        idCard(),
        socialSecurityCard(),
        material('retirement_form', '基本养老保险待遇申领表', 'original', { note: '由用人单位或本人（灵活就业人员）填报' }),
        material('personnel_file', '本人人事档案', 'original', { note: '用于核定出生时间和视同缴费年限，由存档单位移交' }),
      ],
      processDescription: promisedFlow('县社会保险经办机构审核退休条件和缴费年限，核定基本养老金'),
      statutoryDays: 20, promisedDays: 10, caseKind: 'promised', charged: false,
      place: HRSS_PLACE, ...COMMON, consultation: HRSS_PHONE,
      audiences: ['person'], themes: ['social_security', 'elderly'], visits: 1,
      form: [
        ...personFields(),
        text('employer', '所在单位（灵活就业人员填“个人”）', 100),
        dateField('retire_date', '申请退休日期'),
        numberField('contribution_years', '累计缴费年限（年）'),
      ],
    },
  },
  {
    unitKey: 'dept.hrss', template: 'immediate', status: 'published',
    guide: {
      name: '单位社会保险登记', itemType: '07', basicCode: '000104070001',
      summary: '用人单位自成立之日起三十日内办理社会保险登记；新设立企业在办理营业执照时同步完成登记，无需另行申请。',
      legalBasis: '《中华人民共和国社会保险法》第五十七条：用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章，向当地社会保险经办机构申请办理社会保险登记。社会保险经办机构应当自收到申请之日起十五日内予以审核，发给社会保险登记证件；《社会保险费征缴暂行条例》。',
      acceptanceConditions: '在本县依法设立的企业、有雇工的个体工商户、民办非企业单位、社会团体等用人单位。',
      materials: [
        businessLicence(),
        idCard('法定代表人（负责人）'),
        material('registration_form', '社会保险登记表', 'electronic'),
      ],
      processDescription: immediateFlow('（核对单位登记信息，当场完成社会保险登记）'),
      statutoryDays: 15, promisedDays: 0, caseKind: 'immediate', charged: false,
      place: HRSS_PLACE, ...COMMON, consultation: HRSS_PHONE,
      audiences: ['company'], themes: ['startup'], visits: 0,
      form: [
        ...companyFields(),
        select('unit_type', '单位类型', ['企业', '有雇工的个体工商户', '民办非企业单位', '社会团体']),
        numberField('employees', '参保职工人数'),
        select('bank', '缴费开户银行', ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '示范县农村商业银行']),
      ],
    },
  },
];
