// Shapes of the service-hall JSON the console reads (see docs/console-api.md, 政务服务 section).

export type ItemStatus = 'draft' | 'in_review' | 'published' | 'retired';
export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded';
export type CaseKind = 'immediate' | 'promised';
export type Audience = 'person' | 'company';

export interface ItemSummary {
  id: string;
  unitId: string;
  unitName: string;
  name: string;
  basicCode: string;
  implementationCode: string;
  itemType: string;
  itemTypeName: string;
  caseKind: string;
  audiences: string[];
  promisedDays: number | null;
  onlineApplication: boolean;
  status: ItemStatus;
  publishedAt: string | null;
  updatedAt: string;
}

export interface Material {
  key: string;
  name: string;
  required: boolean;
  form: 'original' | 'copy' | 'electronic';
  copies: number;
  blankFormFileId: string | null;
  sampleFileId: string | null;
  licenceType: string | null;
  note: string;
}

export interface Fee {
  name: string;
  basis: string;
  amount: number;
}

export type FormFieldType = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'resident_id' | 'credit_code' | 'phone' | 'email';

export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
  maxLength?: number;
}

export interface Discretion {
  violation: string;
  basis: string;
  circumstances: Array<{ code: string; name: string; fineMin: number; fineMax: number }>;
}

export interface ServiceGuide {
  name: string;
  itemType: string;
  basicCode: string;
  variantCode: string;
  summary: string;
  legalBasis: string;
  acceptanceConditions: string;
  materials: Material[];
  processDescription: string;
  statutoryDays: number | null;
  promisedDays: number | null;
  caseKind: CaseKind;
  charged: boolean;
  fees: Fee[];
  place: string;
  hours: string;
  consultation: string;
  complaintChannel: string;
  audiences: Audience[];
  themes: string[];
  visits: number | null;
  onlineApplication: boolean;
  form: FormField[];
  discretion: Discretion[];
}

export type StepKind = 'accept' | 'review' | 'decide' | 'finish';
export type StepPermission = 'services.cases.accept' | 'services.cases.review' | 'services.cases.decide';
export type HandledBy = 'intake' | 'owner' | { unitId: string };

export interface ProcessStep {
  key: string;
  name: string;
  kind: StepKind;
  handledBy: HandledBy;
  permission: StepPermission;
  limitDays: number | null;
  actions: string[];
  requiresSecondApprover?: boolean;
}

export interface SpecialProcedureLimit {
  kind: string;
  maxDays: number;
}

export interface ProcessDefinition {
  steps: ProcessStep[];
  specialProcedures: SpecialProcedureLimit[];
}

export interface VersionSummary {
  id: string;
  versionNo: number;
  status: VersionStatus;
  reviewNote: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
}

/** A stored file's metadata (POST /api/files, GET /api/files/:id). */
export interface StoredFile {
  id: string;
  originalName: string;
  size: number;
  mimeType: string;
  createdAt: string;
}

export interface ItemDetail extends ItemSummary {
  version: VersionSummary;
  guide: ServiceGuide;
  process: ProcessDefinition;
  missing: Array<{ element: string; name: string }>;
  /** The materials' blank forms and samples the user may read (their names). */
  files: StoredFile[];
  history: VersionSummary[];
  can: { edit: boolean; submit: boolean; review: boolean; retire: boolean };
}

/** GET /api/public/service-items/:id — the published guide, for walk-in registration and case actions. */
export interface PublicGuide extends ItemSummary {
  versionNo: number;
  guide: ServiceGuide;
  process: ProcessDefinition;
}

export type CaseStatus = 'submitted' | 'supplementing' | 'in_progress' | 'suspended' | 'concluded' | 'refused' | 'withdrawn';
export type TimeState = 'not_started' | 'normal' | 'warning' | 'overdue' | 'paused' | 'stopped';

export interface QueueEntry {
  taskId: string;
  taskKind: 'step' | 'countersign';
  stepKey: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  applicantName: string;
  channel: string;
  status: CaseStatus;
  caseKind: string;
  caseDeadline: string | null;
  stepDeadline: string | null;
  timeState: string;
  remainingDays: number | null;
  waitingSince: string;
  version: number;
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  itemId: string;
  itemName: string;
  unitName: string;
  applicantName: string;
  channel: string;
  status: CaseStatus;
  statusName: string;
  outcome: string | null;
  currentStepKey: string | null;
  submittedAt: string;
  caseDeadline: string | null;
  stepDeadline: string | null;
  timeState: string;
  remainingDays: number | null;
  version: number;
}

export interface CaseClock {
  timeState: string;
  startedOn: string | null;
  caseDeadline: string | null;
  statutoryDeadline: string | null;
  stepDeadline: string | null;
  remainingDays: number | null;
  stepRemainingDays: number | null;
  stepOverdue: boolean;
  pauses: Array<{ from: string; to: string | null; reason: string; label: string; workingDays: number }>;
  explanation: string[];
}

export interface CaseDetail extends CaseSummary {
  intakeUnitName: string;
  caseKind: string;
  promisedDays: number;
  statutoryDays: number | null;
  applicant: { kind: string; name: string; idNumber: string; phone: string | null };
  form: Array<{ key: string; label: string; value: string }>;
  materials: Array<{ id: string; materialKey: string; name: string; source: string; fileId: string | null; fileName: string | null; fileSize: number | null; round: number; createdAt: string }>;
  steps: Array<{ key: string; name: string; state: 'done' | 'current' | 'pending'; limitDays: number | null }>;
  timeline: Array<{ seq: number; type: string; typeName: string; stepKey: string | null; stepName: string | null; actorName: string; occurredAt: string; detail: Record<string, unknown> }>;
  tasks: Array<{ id: string; stepKey: string; kind: string; unitName: string; status: string; openedAt: string; closedAt: string | null; opinion: string | null }>;
  clock: CaseClock;
  supplementRequest: Array<{ materialKey: string | null; name: string; requirement: string }> | null;
  allowedActions: string[];
  queryCode: string | null;
  /** What the item version the case is bound to offers the action forms (staff only). */
  pinnedItem: { materials: Material[]; charged: boolean; fees: Fee[]; discretion: Discretion[]; specialProcedures: SpecialProcedureLimit[] } | null;
}

export interface Receipt {
  id: string;
  caseNumber: string;
  queryCode: string;
  submittedAt: string;
  itemName: string;
  version: number;
}

/** A life event (一件事) as the console lists it: GET /api/life-events. */
export interface LifeEvent {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  audience: Audience;
  description: string;
  sortOrder: number;
  itemIds: string[];
  items: Array<{ id: string; name: string; unitName: string; status: ItemStatus }>;
  updatedAt: string;
}

/** What POST /api/life-events and PUT /api/life-events/:id take. */
export type LifeEventInput = Omit<LifeEvent, 'id' | 'items' | 'updatedAt'>;
