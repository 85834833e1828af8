// 实施编码 (GB/T 39554.1-2020): the basic code of the catalogue item joined with the implementing
// unit's 统一社会信用代码 and the variant (业务办理项) code. The exact layout is a setting, because
// provinces publish their own; the default puts the three parts side by side.
import { z } from 'zod';
import type { DbExecutor } from '../../core/db/database.ts';
import { readSetting } from '../../core/settings/settings.repository.ts';

export const CODE_LAYOUT_SETTING = 'services.codeLayout';

export const codeLayoutSchema = z.object({
  /** Placeholders: {basic}, {credit}, {variant}. The result must fit 36 characters. */
  implementationTemplate: z.string().min(1).max(80).refine((template) => template.includes('{basic}') && template.includes('{credit}'), '模板须包含 {basic} 与 {credit} / the template needs {basic} and {credit}'),
});
export type CodeLayout = z.infer<typeof codeLayoutSchema>;

export const DEFAULT_CODE_LAYOUT: CodeLayout = { implementationTemplate: '{basic}{credit}{variant}' };

/** The layout in force (the default until an administrator sets one). */
export async function readCodeLayout(db: DbExecutor): Promise<CodeLayout> {
  const stored = await readSetting<unknown>(db, CODE_LAYOUT_SETTING);
  const parsed = codeLayoutSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_CODE_LAYOUT;
}

/** The implementation code of an item at a unit; null when it would exceed the national 36 characters. */
export function buildImplementationCode(layout: CodeLayout, parts: { basicCode: string; creditCode: string; variantCode: string }): string | null {
  const code = layout.implementationTemplate.replaceAll('{basic}', parts.basicCode).replaceAll('{credit}', parts.creditCode).replaceAll('{variant}', parts.variantCode);
  return code.length <= 36 ? code : null;
}
