// The upload allow-list decides by content: real tiny files pass, executables, web pages, SVG and binary
// "text" do not, whatever their names say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEAD_BYTES } from './blob-store.ts';
import { detectAllowedType, isPlainUtf8Text, listZipEntryNames } from './file-types.ts';
import {
  sampleDocx,
  sampleExe,
  sampleGif,
  sampleHtml,
  sampleJpeg,
  sampleLateContentTypesDocx,
  sampleOfd,
  samplePdf,
  samplePng,
  sampleSvg,
  sampleWebp,
  sampleXlsx,
  sampleZip,
} from './test-support.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// What the store hands over: at most the first HEAD_BYTES bytes.
const head = (bytes: Buffer) => bytes.subarray(0, HEAD_BYTES);

const accepted: Array<[string, Buffer, string, string, string]> = [
  ['PDF', samplePdf(), '申请表.pdf', 'application/pdf', 'pdf'],
  ['PNG', samplePng(), '照片.png', 'image/png', 'png'],
  ['JPEG', sampleJpeg(), '照片.jpeg', 'image/jpeg', 'jpg'],
  ['GIF', sampleGif(), 'a.gif', 'image/gif', 'gif'],
  ['WebP', sampleWebp(), 'a.webp', 'image/webp', 'webp'],
  ['DOCX', sampleDocx(), '通知.docx', DOCX_MIME, 'docx'],
  ['XLSX', sampleXlsx(), '报表.xlsx', XLSX_MIME, 'xlsx'],
  ['DOCX with [Content_Types].xml late', sampleLateContentTypesDocx(), '通知.docx', DOCX_MIME, 'docx'],
  ['OFD by its OFD.xml entry, any name', sampleOfd(), '电子证照', 'application/ofd', 'ofd'],
  ['a zip named .ofd', sampleZip([['Doc_0/Document.xml', '<x/>']]), '发票.ofd', 'application/ofd', 'ofd'],
  ['PDF named .txt (content wins)', samplePdf(), 'notes.txt', 'application/pdf', 'pdf'],
  ['PNG named .exe (content wins)', samplePng(), 'setup.exe', 'image/png', 'png'],
  ['UTF-8 Chinese text', Buffer.from('关于开展2024年度政务服务评价工作的通知\n'), '通知.txt', 'text/plain', 'txt'],
  ['CSV with a UTF-8 BOM (Excel)', Buffer.from('\uFEFF姓名,电话\n张三,13800138000\n'), '名单.CSV', 'text/csv', 'csv'],
  ['CSV starting with letters that are a magic number ("BM")', Buffer.from('BMI,体重\n22,60\n'), 'bmi.csv', 'text/csv', 'csv'],
];

for (const [label, bytes, name, mime, extension] of accepted) {
  test(`detectAllowedType accepts ${label}`, async () => {
    assert.deepEqual(await detectAllowedType(head(bytes), name), { mime, extension });
  });
}

const refused: Array<[string, Buffer, string]> = [
  ['an executable', sampleExe(), 'setup.exe'],
  ['an executable named .pdf', sampleExe(), 'invoice.pdf'],
  ['an executable named .txt', sampleExe(), 'readme.txt'],
  ['HTML named .pdf', sampleHtml, 'invoice.pdf'],
  ['HTML named .html', sampleHtml, 'page.html'],
  ['HTML named .txt', sampleHtml, 'page.txt'],
  ['SVG named .svg', sampleSvg, 'logo.svg'],
  ['SVG named .png', sampleSvg, 'logo.png'],
  ['SVG named .txt', sampleSvg, 'logo.txt'],
  ['XML with an SVG inside, named .txt', Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.txt'],
  ['text with a NUL byte', Buffer.from('hello\u0000world'), 'notes.txt'],
  ['UTF-16 text (NUL bytes)', Buffer.from('\uFEFF名单', 'utf16le'), 'list.csv'],
  ['GBK-encoded CSV (not UTF-8)', Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0, 0x0a, 0xd5, 0xc5, 0x2c]), 'list.csv'],
  ['text under another extension', Buffer.from('plain words'), 'notes.doc'],
  ['text without an extension', Buffer.from('plain words'), 'notes'],
  ['a plain zip', sampleZip([['a.exe', sampleExe()]]), 'files.zip'],
  ['a plain zip named .docx', sampleZip([['a.exe', sampleExe()]]), 'report.docx'],
  ['a Java archive named .ofd', sampleZip([['META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\n']]), 'x.ofd'],
  ['a gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'a.txt'],
  ['an ELF binary', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]), 'a.pdf'],
  ['an empty file', Buffer.alloc(0), 'empty.txt'],
  ['unrecognisable bytes', Buffer.from([0x00, 0x13, 0x37, 0x42, 0x99, 0xaa]), 'data.pdf'],
];

for (const [label, bytes, name] of refused) {
  test(`detectAllowedType refuses ${label}`, async () => {
    assert.equal(await detectAllowedType(head(bytes), name), null);
  });
}

test('isPlainUtf8Text tolerates a character cut at the end of the head but not invalid bytes inside', () => {
  const text = Buffer.from('政务'.repeat(10));
  assert.equal(isPlainUtf8Text(text.subarray(0, text.length - 1)), true);
  assert.equal(isPlainUtf8Text(Buffer.concat([Buffer.from([0xe6, 0x2c]), text])), false);
});

test('listZipEntryNames reads the entries that start within the head', () => {
  const docx = sampleLateContentTypesDocx();
  assert.deepEqual(listZipEntryNames(docx), ['_rels/.rels', 'word/media/image1.bin', 'word/document.xml', '[Content_Types].xml']);
  assert.deepEqual(listZipEntryNames(head(docx)), ['_rels/.rels', 'word/media/image1.bin']);
  assert.deepEqual(listZipEntryNames(samplePdf()), []);
});
