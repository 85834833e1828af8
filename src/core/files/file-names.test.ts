// Display names of uploads: path tricks, invisible characters, length, Chinese, and the download header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentDisposition, ensureExtension, fileExtensionOf, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-names.ts';

const cases: Array<[string, string, string]> = [
  ['unix path traversal', '../../etc/passwd', 'passwd'],
  ['windows path traversal', '..\\..\\win.ini', 'win.ini'],
  ['browser fake path', 'C:\\fakepath\\申请表.pdf', '申请表.pdf'],
  ['percent-encoded dots stay literal text', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
  ['NUL byte', 'report\u0000.pdf.exe', 'report.pdf.exe'],
  ['control characters', 'a\u0001b\u001fc\u007fd\u0085.txt', 'abcd.txt'],
  ['RTL override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
  ['bidi isolates and zero-width', '\u2067abc\u2069\u200B\u200Fd.pdf', 'abcd.pdf'],
  ['leading dots', '...hidden.txt', 'hidden.txt'],
  ['dot-file', '.htaccess', 'htaccess'],
  ['only dots', '..', 'file'],
  ['empty', '', 'file'],
  ['only a path', '/etc/', 'file'],
  ['reserved characters', 'a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
  ['Chinese kept', '营业执照（副本）2024.pdf', '营业执照（副本）2024.pdf'],
  ['whitespace collapsed', '  关于  印发\t通知 .docx  ', '关于 印发 通知.docx'],
  ['ideographic space trimmed', '\u3000申请书\u3000.pdf', '申请书.pdf'],
  ['trailing dots', 'name.pdf...', 'name.pdf'],
  ['Windows device name', 'CON.txt', '_CON.txt'],
  ['decomposed Hangul composes (NFC)', '\u1100\u1161.txt', '\uAC00.txt'],
  ['decomposed accent composes (NFC)', 'Cafe\u0301.pdf', 'Caf\u00e9.pdf'],
];

for (const [label, input, expected] of cases) {
  test(`sanitizeFileName: ${label}`, () => {
    assert.equal(sanitizeFileName(input), expected);
  });
}

test('sanitizeFileName keeps the extension when it cuts a 500-character name', () => {
  const name = `${'很长的文件名'.repeat(84)}.pdf`;
  const clean = sanitizeFileName(name);
  assert.equal([...clean].length, MAX_FILE_NAME_LENGTH);
  assert.ok(clean.endsWith('.pdf'));
  assert.ok(clean.startsWith('很长的文件名'));
});

test('sanitizeFileName cuts a 500-character name without an extension to the limit', () => {
  assert.equal(sanitizeFileName('a'.repeat(500)), 'a'.repeat(MAX_FILE_NAME_LENGTH));
});

test('sanitizeFileName never splits a character made of several code points', () => {
  const family = '👨‍👩‍👧';
  const clean = sanitizeFileName(`${'x'.repeat(MAX_FILE_NAME_LENGTH - 6)}${family}${family}.pdf`);
  assert.ok([...clean].length <= MAX_FILE_NAME_LENGTH);
  assert.ok(clean.endsWith('.pdf'));
  assert.ok(!/[\p{Cf}]/u.test(clean), 'zero-width joiners are removed, so no half-joined emoji remains');
});

test('sanitizeFileName keeps a lone surrogate from reaching the output', () => {
  assert.equal(sanitizeFileName('a\uD800b.txt'), 'a\uFFFDb.txt');
});

test('sanitizeFileName: any input gives a short, path-free, visible, idempotent name', () => {
  const anyName = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom('.', '/', '\\', ' ', '\u202E', '\u0000', '文', 'a', 'pdf', 'con', '\u3000', '..'), { maxLength: 200 }).map((parts) => parts.join('')),
  );
  fc.assert(
    fc.property(anyName, (name) => {
      const clean = sanitizeFileName(name);
      assert.ok(clean.length > 0);
      assert.ok([...clean].length <= MAX_FILE_NAME_LENGTH);
      assert.ok(!/[/\\<>:"|?*]/.test(clean));
      assert.ok(!/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(clean));
      assert.ok(!clean.startsWith('.') && !clean.startsWith(' '));
      assert.ok(!clean.endsWith('.') && !clean.endsWith(' '));
      assert.equal(clean, clean.normalize('NFC'));
      assert.equal(sanitizeFileName(clean), clean);
    }),
    { numRuns: 2000 },
  );
});

test('fileExtensionOf reads the last extension, lower-cased', () => {
  assert.equal(fileExtensionOf('报表.CSV'), 'csv');
  assert.equal(fileExtensionOf('archive.tar.gz'), 'gz');
  assert.equal(fileExtensionOf('README'), '');
  assert.equal(fileExtensionOf('../x.txt/..'), '');
});

test('ensureExtension appends the detected extension unless an equivalent one is there', () => {
  assert.equal(ensureExtension('照片.jpeg', 'jpg'), '照片.jpeg');
  assert.equal(ensureExtension('照片.JPG', 'jpg'), '照片.JPG');
  assert.equal(ensureExtension('invoice.exe', 'pdf'), 'invoice.exe.pdf');
  assert.equal(ensureExtension('', 'png'), 'file.png');
  const long = ensureExtension(`${'长'.repeat(200)}.doc`, 'pdf');
  assert.equal([...long].length, MAX_FILE_NAME_LENGTH);
  assert.ok(long.endsWith('.pdf'));
});

test('contentDisposition gives an ASCII fallback and the UTF-8 name (RFC 6266 / 8187)', () => {
  assert.equal(
    contentDisposition('营业执照 (副本).pdf'),
    `attachment; filename="file.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29.pdf`,
  );
  assert.equal(contentDisposition('Café report.pdf'), `attachment; filename="Cafe report.pdf"; filename*=UTF-8''Caf%C3%A9%20report.pdf`);
  assert.equal(contentDisposition("it's 100%.txt"), `attachment; filename="it's 100_.txt"; filename*=UTF-8''it%27s%20100%25.txt`);
  assert.equal(contentDisposition('2024年报表.xlsx'), `attachment; filename="2024_.xlsx"; filename*=UTF-8''2024%E5%B9%B4%E6%8A%A5%E8%A1%A8.xlsx`);
});

test('contentDisposition never lets a quote, backslash, CR or LF into the header', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
      const header = contentDisposition(name);
      assert.ok(/^[\x20-\x7e]+$/.test(header), 'header is printable ASCII');
      const fallback = /filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
      assert.ok(fallback, header);
      assert.equal(decodeURIComponent(fallback[2]!), sanitizeFileName(name));
    }),
    { numRuns: 1000 },
  );
});
