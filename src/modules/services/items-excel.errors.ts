// Error codes of the item catalogue's Excel import and export, added to the platform's one table.
import { registerErrorCodes } from '../../core/errors/error-codes.ts';

registerErrorCodes({
  ITEM_IMPORT_NOT_FOUND: { status: 404, zh: '导入记录不存在', en: 'Import not found' },
  ITEM_IMPORT_NOT_EXCEL: { status: 400, zh: '请上传 Excel 工作簿（.xlsx）', en: 'Upload an Excel workbook (.xlsx)' },
  ITEM_IMPORT_EMPTY: { status: 400, zh: '工作簿的“{sheet}”表中没有数据行', en: 'The sheet "{sheet}" of the workbook has no data rows' },
  ITEM_IMPORT_SHEET_MISSING: { status: 400, zh: '工作簿缺少工作表：{sheets}', en: 'The workbook lacks the sheets: {sheets}' },
  ITEM_IMPORT_HEADERS_MISSING: { status: 400, zh: '“{sheet}”表缺少列：{headers}', en: 'The sheet "{sheet}" lacks the columns: {headers}' },
  ITEM_IMPORT_TOO_MANY_ROWS: { status: 400, zh: '“{sheet}”表超过 {max} 行，请分批导入', en: 'The sheet "{sheet}" has more than {max} rows; import it in parts' },
});
