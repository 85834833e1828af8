// The service catalogue the demo county (示范县) ships with: its departments' items with complete
// service guides, template processes and application forms, and the 一件事 bundles built from them.
// Three items are drafts still missing guide elements; one complete item is waiting for review.
import type { ServiceGuideInput } from '../service-guide.schema.ts';
import type { ProcessTemplateName } from '../process-templates.ts';
import { companyItems } from './demo-items-company.ts';
import { employmentItems } from './demo-items-employment.ts';
import { penaltyItems } from './demo-items-penalty.ts';
import { personItems } from './demo-items-person.ts';
import { projectItems } from './demo-items-projects.ts';

export interface DemoServiceItem {
  /** Demo unit key of the implementing department. */
  unitKey: string;
  /** The process is processFromTemplate(template, guide.promisedDays). */
  template: ProcessTemplateName;
  status: 'published' | 'draft' | 'in_review';
  guide: ServiceGuideInput;
}

/** 一件事: the items a citizen or company needs for one life event, applied for together. */
export interface DemoLifeEvent {
  code: string;
  name: string;
  nameEn: string;
  audience: 'person' | 'company';
  description: string;
  basicCodes: string[];
}

export const demoServiceItems: DemoServiceItem[] = [...personItems, ...employmentItems, ...companyItems, ...projectItems, ...penaltyItems];

export const demoLifeEvents: DemoLifeEvent[] = [
  {
    code: 'open_restaurant', name: '我要开餐馆', nameEn: 'Opening a restaurant', audience: 'company',
    description: '一次申请、一套材料，同步办理营业执照和食品经营许可，开办小餐馆、小吃店。',
    basicCodes: ['000103010002', '000103010003', '000103010001'],
  },
  {
    code: 'newborn', name: '新生儿出生一件事', nameEn: 'A baby is born', audience: 'person',
    description: '新生儿出生后，一次办理出生医学证明、户口登记和社会保障卡申领。',
    basicCodes: ['000110200001', '000106070002', '000104200001'],
  },
  {
    code: 'start_business', name: '我要开办企业', nameEn: 'Starting a company', audience: 'company',
    description: '企业名称申报、设立登记、公章刻制和单位社会保险登记一网通办，一个工作日内办结。',
    basicCodes: ['000103010003', '000106100001', '000104070001'],
  },
  {
    code: 'unemployment', name: '失业一件事', nameEn: 'Losing a job', audience: 'person',
    description: '失业后一次办理失业保险金申领、就业创业证申领，并可申领职业技能培训补贴。',
    basicCodes: ['000104050001', '000104200002', '000104050002'],
  },
  {
    code: 'retirement', name: '退休一件事', nameEn: 'Retiring', audience: 'person',
    description: '达到退休年龄时一次办理基本养老保险退休待遇申领，养老金发放到社会保障卡。',
    basicCodes: ['000104050003', '000104200001'],
  },
  {
    code: 'disability', name: '残疾人服务一件事', nameEn: 'Services for persons with disabilities', audience: 'person',
    description: '残疾人证核发后同步申请困难残疾人生活补贴和重度残疾人护理补贴。',
    basicCodes: ['000105200001', '000105050003'],
  },
  {
    code: 'construction_permit', name: '工程建设项目开工一件事', nameEn: 'Starting construction', audience: 'company',
    description: '企业投资项目备案后，依次办理建设用地规划许可、建设工程规划许可和施工许可，并联审批。',
    basicCodes: ['000102100001', '000107010001', '000107010002', '000108010001'],
  },
  {
    code: 'settle_down', name: '我要落户', nameEn: 'Moving one’s household registration', audience: 'person',
    description: '户口迁入本县后，同步办理居民身份证换领。',
    basicCodes: ['000106010002', '000106070001'],
  },
];
