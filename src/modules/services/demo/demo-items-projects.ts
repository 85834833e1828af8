// Demo items of land, construction and transport: planning permits and real-estate registration
// (自然资源), construction and pre-sale permits (住建), road transport licences and driver
// qualifications (交通运输). Basic codes: 0001 + department (2) + item type (2) + sequence (4).
import type { DemoServiceItem } from './demo-items.ts';
import {
  businessLicence, COMMON, companyFields, consult, dateField, hallWindow, idCard, material, numberField, personFields, promisedFlow,
  select, text,
} from './demo-items-common.ts';

const LAND_PHONE = consult('县自然资源局', '0705');
const HOUSING_PHONE = consult('县住房和城乡建设局', '0818');
const TRANSPORT_PLACE = hallWindow(9);
const TRANSPORT_PHONE = consult('县交通运输局', '0909');
const REGISTRATION_FEE_BASIS = '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）';
const REGISTRATION_BASIS = '《中华人民共和国民法典》第二百零九条、第二百一十条；《不动产登记暂行条例》第二十条：不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续';
const DRIVER_LICENCE = { licenceType: '机动车驾驶证' } as const;

export const projectItems: DemoServiceItem[] = [
  {
    unitKey: 'dept.land', template: 'promised', status: 'published',
    guide: {
      name: '建设用地规划许可证核发', itemType: '01', basicCode: '000107010001',
      summary: '在城镇开发边界内以划拨或出让方式取得国有建设用地使用权的建设项目，申请核发建设用地规划许可证。',
      legalBasis: '《中华人民共和国城乡规划法》第三十七条、第三十八条；《自然资源部关于以“多规合一”为基础推进规划用地“多审合一、多证合一”改革的通知》（自然资规〔2019〕2号）。',
      acceptanceConditions: '1. 以划拨方式供地的，建设项目已经批准、核准或备案，并取得建设项目用地预审与选址意见书；2. 以出让方式供地的，已签订国有建设用地使用权出让合同；3. 用地性质、位置、面积符合国土空间详细规划和规划条件。',
      materials: [
        material('application_form', '建设用地规划许可申请表', 'electronic'),
        businessLicence(),
        material('project_approval', '建设项目批准、核准或备案文件', 'electronic'),
        material('land_contract', '国有建设用地使用权出让合同或国有土地划拨决定书', 'copy'),
        material('red_line', '宗地界址图（红线图）', 'electronic'),
      ],
      processDescription: promisedFlow('县自然资源局审查规划条件符合性，必要时组织现场踏勘'),
      statutoryDays: 20, promisedDays: 7, caseKind: 'promised', charged: false,
      place: hallWindow(5), ...COMMON, consultation: LAND_PHONE,
      audiences: ['company'], themes: ['construction', 'investment'], visits: 1,
      form: [
        ...companyFields('建设单位'),
        text('project_name', '项目名称', 100),
        text('location', '用地位置', 120),
        numberField('land_area', '用地面积（平方米）'),
        select('supply_mode', '供地方式', ['出让', '划拨']),
      ],
    },
  },
  {
    unitKey: 'dept.land', template: 'promised', status: 'published',
    guide: {
      name: '建设工程规划许可证核发', itemType: '01', basicCode: '000107010002',
      summary: '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，申请核发建设工程规划许可证。',
      legalBasis: '《中华人民共和国城乡规划法》第四十条：在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管部门或者省、自治区、直辖市人民政府确定的镇人民政府申请办理建设工程规划许可证。',
      acceptanceConditions: '1. 已取得使用土地的有关证明文件；2. 建设工程设计方案符合控制性详细规划和规划条件；3. 涉及公示的设计方案已按规定公示。',
      materials: [
        material('application_form', '建设工程规划许可申请表', 'electronic'),
        businessLicence(),
        material('land_certificate', '使用土地的有关证明文件（不动产权证书）', 'copy', { licenceType: '不动产权证书' }),
        material('design', '建设工程设计方案（总平面图、建筑单体设计图）', 'electronic'),
      ],
      processDescription: promisedFlow('县自然资源局审查设计方案，必要时组织专家论证和批前公示'),
      statutoryDays: 20, promisedDays: 10, caseKind: 'promised', charged: false,
      place: hallWindow(5), ...COMMON, consultation: LAND_PHONE,
      audiences: ['company', 'person'], themes: ['construction'], visits: 1,
      form: [
        ...companyFields('建设单位'),
        text('project_name', '项目名称', 100),
        text('location', '建设位置', 120),
        numberField('floor_area', '总建筑面积（平方米）'),
        select('nature', '建设性质', ['新建', '改建', '扩建']),
      ],
    },
  },
  {
    unitKey: 'dept.land', template: 'promised', status: 'published',
    guide: {
      name: '不动产登记（国有建设用地使用权及房屋所有权转移登记）', itemType: '07', basicCode: '000107070001',
      summary: '因买卖、继承、赠与等导致国有建设用地使用权及房屋所有权转移的，当事人共同申请转移登记；与税务部门“一窗受理、并行办理”。',
      legalBasis: `${REGISTRATION_BASIS}。`,
      acceptanceConditions: '1. 不动产权属清楚，已办理首次登记；2. 不存在查封、异议登记、预告登记等限制转移的情形；3. 已依法缴纳相关税费；4. 买卖、赠与等由双方共同申请，继承、受遗赠可单方申请。',
      materials: [
        material('application_form', '不动产登记申请书', 'original'),
        idCard('申请人'),
        material('property_certificate', '不动产权证书', 'original', { licenceType: '不动产权证书' }),
        material('transfer_proof', '不动产买卖合同、继承或赠与等权属转移材料', 'original'),
        material('tax_receipt', '完税凭证', 'electronic', { note: '通过税务部门信息共享获取' }),
      ],
      processDescription: promisedFlow('县不动产登记中心查验、审核并登簿'),
      statutoryDays: 30, promisedDays: 5, caseKind: 'promised', charged: true,
      fees: [
        { name: '住宅类不动产登记费', basis: REGISTRATION_FEE_BASIS, amount: 80 },
        { name: '非住宅类不动产登记费', basis: REGISTRATION_FEE_BASIS, amount: 550 },
        { name: '不动产权属证书工本费（每增加一本）', basis: REGISTRATION_FEE_BASIS, amount: 10 },
      ],
      place: hallWindow(3), ...COMMON, consultation: consult('县不动产登记中心', '0703'),
      audiences: ['person', 'company'], themes: ['housing'], visits: 1,
      form: [
        ...personFields('申请人（权利人）姓名'),
        text('property_location', '不动产坐落', 120),
        text('certificate_number', '不动产权证书号', 60),
        select('registration_type', '登记类型', ['转移登记（买卖）', '转移登记（继承、受遗赠）', '转移登记（赠与）']),
        select('usage', '房屋用途', ['住宅', '非住宅']),
      ],
    },
  },
  {
    unitKey: 'dept.land', template: 'promised', status: 'draft',
    guide: {
      name: '不动产抵押权登记', itemType: '07', basicCode: '000107070001', variantCode: '02',
      summary: '以建设用地使用权、房屋等不动产设定抵押的，抵押人和抵押权人共同申请抵押权首次登记；银行业务实行“不见面”办理。',
      legalBasis: `《中华人民共和国民法典》第三百九十五条、第四百零二条；${REGISTRATION_BASIS}。`,
      acceptanceConditions: '1. 抵押财产已办理不动产首次登记；2. 抵押财产不属于法律禁止抵押的财产；3. 不存在查封等限制情形；4. 抵押人与抵押权人共同申请。',
      materials: [
        material('application_form', '不动产登记申请书', 'original'),
        idCard('抵押人'),
        material('property_certificate', '不动产权证书', 'original', { licenceType: '不动产权证书' }),
        material('contracts', '主债权合同和抵押合同', 'original'),
      ],
      processDescription: promisedFlow('县不动产登记中心查验、审核并登簿，发放不动产登记证明'),
      statutoryDays: 30, promisedDays: 5, caseKind: 'promised', charged: true, fees: [],
      place: hallWindow(3), ...COMMON, consultation: consult('县不动产登记中心', '0703'),
      audiences: ['person', 'company'], themes: ['housing'], visits: 1,
      form: [
        ...personFields('抵押人姓名（名称）'),
        text('mortgagee', '抵押权人', 100),
        text('property_location', '不动产坐落', 120),
        numberField('debt_amount', '被担保主债权数额（万元）'),
        dateField('debt_end', '债务履行期限届满日期'),
      ],
    },
  },
  {
    unitKey: 'dept.housing', template: 'promised', status: 'published',
    guide: {
      name: '建筑工程施工许可证核发', itemType: '01', basicCode: '000108010001',
      summary: '在本县境内从事各类房屋建筑及其附属设施的建造、装修装饰和配套的线路、管道、设备的安装，以及城镇市政基础设施工程的施工，开工前申请领取施工许可证。',
      legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）。',
      acceptanceConditions: '1. 已经办理该建筑工程用地批准手续；2. 依法应当办理建设工程规划许可证的，已经取得；3. 需要征收房屋的，其进度符合施工要求；4. 已经确定建筑施工企业；5. 有满足施工需要的资金安排、施工图纸及技术资料；6. 有保证工程质量和安全的具体措施。工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证。',
      materials: [
        material('application_form', '建筑工程施工许可申请表', 'electronic'),
        material('planning_permit', '建设工程规划许可证', 'copy', { licenceType: '建设工程规划许可证' }),
        material('award_notice', '中标通知书或直接发包批准文件', 'copy'),
        material('contract', '建设工程施工合同', 'copy'),
        material('drawing_review', '施工图设计文件审查合格书（或承诺书）', 'electronic'),
        material('funds_commitment', '建设资金已经落实承诺书', 'original'),
      ],
      processDescription: promisedFlow('县住房和城乡建设局审查开工条件'),
      statutoryDays: 7, promisedDays: 3, caseKind: 'promised', charged: false,
      place: hallWindow(18), ...COMMON, consultation: HOUSING_PHONE,
      audiences: ['company'], themes: ['construction'], visits: 0,
      form: [
        ...companyFields('建设单位'),
        text('project_name', '工程名称', 100),
        text('location', '工程地址', 120),
        numberField('contract_price', '合同价格（万元）'),
        text('contractor', '施工单位', 100),
      ],
    },
  },
  {
    unitKey: 'dept.housing', template: 'promised', status: 'published',
    guide: {
      name: '商品房预售许可', itemType: '01', basicCode: '000108010002',
      summary: '房地产开发企业预售商品房，应当取得商品房预售许可证明，预售资金纳入监管账户。',
      legalBasis: '《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》（建设部令第131号）。',
      acceptanceConditions: '1. 已交付全部土地使用权出让金，取得土地使用权证书；2. 持有建设工程规划许可证和施工许可证；3. 按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的百分之二十五以上，并已经确定施工进度和竣工交付日期；4. 已签订预售资金监管协议。',
      materials: [
        material('application_form', '商品房预售许可申请表', 'electronic'),
        businessLicence(),
        material('land_certificate', '不动产权证书（国有建设用地使用权）', 'copy', { licenceType: '不动产权证书' }),
        material('permits', '建设工程规划许可证和建筑工程施工许可证', 'copy'),
        material('progress', '工程施工合同及关于施工进度的说明', 'copy'),
        material('sale_plan', '商品房预售方案', 'electronic'),
        material('escrow_agreement', '商品房预售资金监管协议', 'copy'),
      ],
      processDescription: promisedFlow('县住房和城乡建设局审查并现场核验工程形象进度'),
      statutoryDays: 10, promisedDays: 5, caseKind: 'promised', charged: false,
      place: hallWindow(18), ...COMMON, consultation: HOUSING_PHONE,
      audiences: ['company'], themes: ['construction', 'operation'], visits: 1,
      form: [
        ...companyFields('开发企业'),
        text('project_name', '项目名称', 100),
        text('buildings', '预售幢号', 60),
        numberField('presale_area', '预售建筑面积（平方米）'),
        text('escrow_bank', '资金监管银行', 60),
      ],
    },
  },
  {
    unitKey: 'dept.transport', template: 'promised', status: 'published',
    guide: {
      name: '道路货物运输经营许可', itemType: '01', basicCode: '000109010001',
      summary: '申请从事道路普通货物运输、货物专用运输、大型物件运输经营的，取得道路运输经营许可证；使用总质量4500千克及以下普通货运车辆从事普通货运经营的无需申请。',
      legalBasis: '《中华人民共和国道路运输条例》第二十一条、第二十四条；《道路货物运输及站场管理规定》。',
      acceptanceConditions: '1. 有与其经营业务相适应并经检测合格的车辆；2. 有符合规定条件的驾驶人员（取得相应从业资格）；3. 有健全的安全生产管理制度。',
      materials: [
        material('application_form', '道路货物运输经营申请表', 'electronic'),
        businessLicence(),
        idCard('负责人'),
        material('vehicle_licence', '机动车行驶证及车辆技术等级评定证明', 'copy', { licenceType: '机动车行驶证' }),
        material('drivers', '驾驶人员的机动车驾驶证和从业资格证', 'copy', DRIVER_LICENCE),
        material('safety_rules', '安全生产管理制度文本', 'electronic'),
      ],
      processDescription: promisedFlow('县交通运输局审查车辆、驾驶人员和安全生产管理制度'),
      statutoryDays: 20, promisedDays: 5, caseKind: 'promised', charged: false,
      place: TRANSPORT_PLACE, ...COMMON, consultation: TRANSPORT_PHONE,
      audiences: ['company', 'person'], themes: ['transport_business'], visits: 1,
      form: [
        ...companyFields('申请人名称'),
        select('scope', '经营范围', ['道路普通货物运输', '货物专用运输（集装箱）', '货物专用运输（冷藏保鲜）', '大型物件运输']),
        numberField('vehicles', '拟投入车辆数'),
      ],
    },
  },
  {
    unitKey: 'dept.transport', template: 'promised', status: 'published',
    guide: {
      name: '道路货物运输驾驶员从业资格', itemType: '01', basicCode: '000109010002',
      summary: '驾驶总质量4500千克以上营运货车从事道路货物运输的驾驶员，经考试合格取得道路运输从业人员从业资格证。',
      legalBasis: '《中华人民共和国道路运输条例》第二十二条；《道路运输从业人员管理规定》。',
      acceptanceConditions: '1. 取得相应的机动车驾驶证；2. 年龄不超过60周岁；3. 经道路运输法规、机动车维修和货物装载保管基本知识考试合格。',
      materials: [
        material('application_form', '道路运输从业人员从业资格考试申请表', 'electronic'),
        idCard(),
        material('driver_licence', '机动车驾驶证', 'copy', DRIVER_LICENCE),
        material('photo', '近期1寸白底免冠照片', 'electronic'),
      ],
      processDescription: promisedFlow('县交通运输局审核报考条件，考试合格后核发从业资格证'),
      statutoryDays: 10, promisedDays: 5, caseKind: 'promised', charged: false,
      place: TRANSPORT_PLACE, ...COMMON, consultation: TRANSPORT_PHONE,
      audiences: ['person'], themes: ['employment', 'traffic'], visits: 1,
      form: [
        ...personFields(),
        select('vehicle_class', '准驾车型', ['A1', 'A2', 'B1', 'B2', 'C1']),
        dateField('licence_date', '驾驶证初次领证日期'),
      ],
    },
  },
  {
    unitKey: 'dept.transport', template: 'promised', status: 'draft',
    guide: {
      name: '出租汽车驾驶员从业资格', itemType: '01', basicCode: '000109010003',
      summary: '从事巡游出租汽车或网络预约出租汽车客运服务的驾驶员，经考试合格取得出租汽车驾驶员从业资格证。',
      legalBasis: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）第112项；《出租汽车驾驶员从业资格管理规定》。',
      acceptanceConditions: '1. 取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历；2. 无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，最近连续3个记分周期内没有记满12分记录；3. 无暴力犯罪记录；4. 经全国公共科目和区域科目考试合格。',
      materials: [
        material('application_form', '出租汽车驾驶员从业资格证申请表', 'electronic'),
        idCard(),
        material('driver_licence', '机动车驾驶证', 'copy', DRIVER_LICENCE),
        material('no_crime', '无犯罪记录证明', 'original', { note: '可由公安机关信息共享核查' }),
        material('photo', '近期1寸白底免冠照片', 'electronic'),
      ],
      processDescription: promisedFlow('县交通运输局审核报考条件，考试合格后核发从业资格证'),
      statutoryDays: 10, promisedDays: 5, caseKind: 'promised', charged: false,
      place: TRANSPORT_PLACE, hours: '', complaintChannel: COMMON.complaintChannel, consultation: TRANSPORT_PHONE,
      audiences: ['person'], themes: ['employment', 'traffic'], visits: 1,
      form: [
        ...personFields(),
        select('taxi_kind', '从业类别', ['巡游出租汽车', '网络预约出租汽车']),
        dateField('licence_date', '驾驶证初次领证日期'),
      ],
    },
  },
];
