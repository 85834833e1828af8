// The demo county (示范县) the seeder loads: divisions, departments, staff, the separated admin
// accounts, citizens and companies. Plain data only; codes use the fictitious province code 99.
import { computeResidentIdCheck, makeCreditCode } from '../../../core/ids/index.ts';

export type DemoUnitKind = 'province' | 'city' | 'county' | 'town' | 'village' | 'department' | 'service_hall';
export type DemoRoleCode = 'dept_head' | 'dept_staff' | 'hall_window' | 'supervisor' | 'hall_admin';
export type DemoAdminRole = 'system' | 'security' | 'audit';

export interface DemoUnit {
  key: string;
  kind: DemoUnitKind;
  name: string;
  nameEn: string;
  /** 行政区划代码: 6 digits (province/city/county), 9 (town), 12 (village). */
  code?: string;
  /** 统一社会信用代码 (departments and service halls). */
  creditCode?: string;
  parentKey?: string;
}

export interface DemoStaff {
  username: string;
  displayName: string;
  unitKey: string;
  phone: string;
  roleCode: DemoRoleCode;
}

export interface DemoAdmin {
  username: string;
  displayName: string;
  adminRole: DemoAdminRole;
  unitKey: string;
}

export interface DemoCitizen {
  username: string;
  displayName: string;
  residentId: string;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string;
  /** Village/community the citizen lives in. */
  unitKey: string;
}

export interface DemoCompany {
  username: string;
  name: string;
  nameEn: string;
  creditCode: string;
  legalRepresentative: string;
  phone: string;
}

export const DEMO_COUNTY_CODE = '990121';

// Built with makeCreditCode: 1 = 机构编制, 1 = 机关, region 990121, 8-char org-code body.
const govCode = (orgBase8: string): string => makeCreditCode(`11${DEMO_COUNTY_CODE}`, orgBase8);
// Built with makeCreditCode: 9 = 工商, 1 = 企业, region 990121.
const companyCode = (orgBase8: string): string => makeCreditCode(`91${DEMO_COUNTY_CODE}`, orgBase8);
// A 居民身份证号码 for the county: region + YYYY-MM-DD + 3-digit sequence (odd = male) + check.
const residentId = (birthDate: string, seq: string): string => {
  const body = DEMO_COUNTY_CODE + birthDate.replaceAll('-', '') + seq;
  return body + computeResidentIdCheck(body);
};

const dept = (key: string, name: string, nameEn: string, orgBase8: string): DemoUnit => ({
  key, kind: 'department', name, nameEn, creditCode: govCode(orgBase8), parentKey: 'county',
});

export const demoUnits: DemoUnit[] = [
  { key: 'province', kind: 'province', name: '示范省', nameEn: 'Demo Province', code: '990000' },
  { key: 'city', kind: 'city', name: '示范市', nameEn: 'Demo City', code: '990100', parentKey: 'province' },
  { key: 'county', kind: 'county', name: '示范县', nameEn: 'Demo County', code: DEMO_COUNTY_CODE, parentKey: 'city' },

  { key: 'town.chengguan', kind: 'town', name: '城关镇', nameEn: 'Chengguan Town', code: '990121100', parentKey: 'county' },
  { key: 'village.chengnan', kind: 'village', name: '城南社区', nameEn: 'Chengnan Community', code: '990121100001', parentKey: 'town.chengguan' },
  { key: 'village.liushu', kind: 'village', name: '柳树村', nameEn: 'Liushu Village', code: '990121100201', parentKey: 'town.chengguan' },
  { key: 'town.hexi', kind: 'town', name: '河西乡', nameEn: 'Hexi Township', code: '990121200', parentKey: 'county' },
  { key: 'village.hexi', kind: 'village', name: '河西村', nameEn: 'Hexi Village', code: '990121200201', parentKey: 'town.hexi' },
  { key: 'village.yangzhuang', kind: 'village', name: '杨庄村', nameEn: 'Yangzhuang Village', code: '990121200202', parentKey: 'town.hexi' },
  { key: 'town.dongcheng', kind: 'town', name: '东城街道', nameEn: 'Dongcheng Subdistrict', code: '990121001', parentKey: 'county' },
  { key: 'village.dongfeng', kind: 'village', name: '东风社区', nameEn: 'Dongfeng Community', code: '990121001001', parentKey: 'town.dongcheng' },
  { key: 'village.xinhua', kind: 'village', name: '新华社区', nameEn: 'Xinhua Community', code: '990121001002', parentKey: 'town.dongcheng' },

  dept('dept.gov_office', '县人民政府办公室', 'County Government General Office', '01121001'),
  dept('dept.drc', '县发展和改革局', 'County Development and Reform Bureau', '01121002'),
  dept('dept.samr', '县市场监督管理局', 'County Administration for Market Regulation', '01121003'),
  dept('dept.hrss', '县人力资源和社会保障局', 'County Human Resources and Social Security Bureau', '01121004'),
  dept('dept.civil', '县民政局', 'County Civil Affairs Bureau', '01121005'),
  dept('dept.police', '县公安局', 'County Public Security Bureau', '01121006'),
  dept('dept.land', '县自然资源局', 'County Natural Resources Bureau', '01121007'),
  dept('dept.housing', '县住房和城乡建设局', 'County Housing and Urban-Rural Development Bureau', '01121008'),
  dept('dept.transport', '县交通运输局', 'County Transport Bureau', '01121009'),
  dept('dept.health', '县卫生健康委员会', 'County Health Commission', '01121010'),
  dept('dept.data', '县政务服务和数据管理局', 'County Government Services and Data Administration', '01121011'),
  dept('dept.discipline', '县纪委监委', 'County Commission for Discipline Inspection and Supervision', '01121012'),

  {
    key: 'hall.county', kind: 'service_hall', name: '示范县政务服务中心', nameEn: 'Demo County Government Service Center',
    creditCode: govCode('01121013'), parentKey: 'county',
  },
  {
    key: 'hall.chengguan', kind: 'service_hall', name: '城关镇便民服务站', nameEn: 'Chengguan Town Convenience Service Station',
    parentKey: 'town.chengguan',
  },
];

const staff = (username: string, displayName: string, unitKey: string, phone: string, roleCode: DemoRoleCode): DemoStaff => ({
  username, displayName, unitKey, phone, roleCode,
});

export const demoStaff: DemoStaff[] = [
  staff('zhang.wei', '张伟', 'dept.gov_office', '19900121001', 'dept_head'),
  staff('wang.fang', '王芳', 'dept.gov_office', '19900121002', 'dept_staff'),
  staff('li.na', '李娜', 'dept.drc', '19900121003', 'dept_head'),
  staff('liu.qiang', '刘强', 'dept.drc', '19900121004', 'dept_staff'),
  staff('chen.jing', '陈静', 'dept.samr', '19900121005', 'dept_head'),
  staff('yang.lei', '杨磊', 'dept.samr', '19900121006', 'dept_staff'),
  staff('zhao.min', '赵敏', 'dept.samr', '19900121007', 'dept_staff'),
  staff('huang.yong', '黄勇', 'dept.hrss', '19900121008', 'dept_head'),
  staff('zhou.yan', '周艳', 'dept.hrss', '19900121009', 'dept_staff'),
  staff('wu.jun', '吴军', 'dept.civil', '19900121010', 'dept_head'),
  staff('xu.li', '徐丽', 'dept.civil', '19900121011', 'dept_staff'),
  staff('sun.hao', '孙浩', 'dept.police', '19900121012', 'dept_head'),
  staff('ma.chao', '马超', 'dept.police', '19900121013', 'dept_staff'),
  staff('zhu.xia', '朱霞', 'dept.police', '19900121014', 'dept_staff'),
  staff('hu.bin', '胡斌', 'dept.land', '19900121015', 'dept_head'),
  staff('guo.ting', '郭婷', 'dept.land', '19900121016', 'dept_staff'),
  staff('he.ming', '何明', 'dept.housing', '19900121017', 'dept_head'),
  staff('gao.yu', '高宇', 'dept.housing', '19900121018', 'dept_staff'),
  staff('lin.tao', '林涛', 'dept.transport', '19900121019', 'dept_head'),
  staff('luo.dan', '罗丹', 'dept.transport', '19900121020', 'dept_staff'),
  staff('zheng.hui', '郑慧', 'dept.health', '19900121021', 'dept_head'),
  staff('liang.kai', '梁凯', 'dept.health', '19900121022', 'dept_staff'),
  staff('song.jie', '宋杰', 'dept.data', '19900121023', 'dept_head'),
  staff('jiang.wen', '江雯', 'dept.data', '19900121033', 'hall_admin'),
  staff('xie.qian', '谢倩', 'dept.data', '19900121024', 'dept_staff'),
  staff('han.feng', '韩峰', 'dept.discipline', '19900121025', 'dept_head'),
  staff('tang.zheng', '唐正', 'dept.discipline', '19900121026', 'supervisor'),
  staff('feng.qing', '冯清', 'dept.discipline', '19900121027', 'supervisor'),
  staff('deng.xiao', '邓晓', 'hall.county', '19900121028', 'hall_window'),
  staff('cao.yue', '曹悦', 'hall.county', '19900121029', 'hall_window'),
  staff('peng.lin', '彭琳', 'hall.county', '19900121030', 'hall_window'),
  staff('zeng.hua', '曾华', 'hall.chengguan', '19900121031', 'hall_window'),
  staff('xiao.ping', '萧平', 'hall.chengguan', '19900121032', 'hall_window'),
];

// 三员分立: system, security-and-secrecy and audit administrators, kept apart from ordinary staff.
export const demoAdmins: DemoAdmin[] = [
  { username: 'sysadmin', displayName: '系统管理员', adminRole: 'system', unitKey: 'dept.data' },
  { username: 'secadmin', displayName: '安全保密管理员', adminRole: 'security', unitKey: 'dept.data' },
  { username: 'auditadmin', displayName: '安全审计员', adminRole: 'audit', unitKey: 'dept.data' },
];

const citizen = (
  username: string, displayName: string, birthDate: string, seq: string, phone: string, unitKey: string,
): DemoCitizen => ({
  username, displayName, residentId: residentId(birthDate, seq), birthDate,
  sex: Number(seq[2]) % 2 === 1 ? 'male' : 'female', phone, unitKey,
});

export const demoCitizens: DemoCitizen[] = [
  citizen('liu.yang', '刘洋', '1985-03-12', '031', '19912100001', 'village.chengnan'),
  citizen('chen.xiuying', '陈秀英', '1962-11-08', '024', '19912100002', 'village.liushu'),
  citizen('wang.haoran', '王浩然', '1998-07-23', '015', '19912100003', 'village.hexi'),
  citizen('zhang.yuting', '张雨婷', '2001-01-30', '048', '19912100004', 'village.dongfeng'),
  citizen('li.guoqiang', '李国强', '1956-09-01', '057', '19912100005', 'village.yangzhuang'),
];

export const demoCompanies: DemoCompany[] = [
  {
    username: 'shifan.nongye', name: '示范县绿野农业发展有限公司', nameEn: 'Demo County Lüye Agricultural Development Co., Ltd.',
    creditCode: companyCode('MA1KQ3T7'), legalRepresentative: '周建国', phone: '19912100101',
  },
  {
    username: 'shifan.jiancai', name: '示范县恒达建材有限公司', nameEn: 'Demo County Hengda Building Materials Co., Ltd.',
    creditCode: companyCode('MA2D6W8P'), legalRepresentative: '钱晓红', phone: '19912100102',
  },
];

// Everything above in one object, for seeders that want a single import.
export const demoCounty = {
  units: demoUnits,
  staff: demoStaff,
  admins: demoAdmins,
  citizens: demoCitizens,
  companies: demoCompanies,
} as const;
