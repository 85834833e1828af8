// The HTTP SMS adapter against a local HTTP server: JSON out, provider ids back, non-2xx answers are failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpSmsGateway } from './sms-gateway.ts';

test('posts { to, text } as JSON and treats non-2xx answers as failures', async () => {
  const received: unknown[] = [];
  let answer = { status: 200, body: '{"messageId":"provider-42"}' };
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method, type: request.headers['content-type'], token: request.headers['x-token'], body: JSON.parse(body) });
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const gateway = createHttpSmsGateway({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, headers: { 'x-token': 'secret' } });
    assert.deepEqual(await gateway.send({ to: '13800138000', text: '您的验证码是 123456' }), { messageId: 'provider-42' });
    assert.deepEqual(received[0], { method: 'POST', type: 'application/json; charset=utf-8', token: 'secret', body: { to: '13800138000', text: '您的验证码是 123456' } });
    answer = { status: 200, body: 'OK' };
    assert.match((await gateway.send({ to: '13800138000', text: 'x' })).messageId, /^http-/);
    answer = { status: 503, body: 'busy' };
    await assert.rejects(gateway.send({ to: '13800138000', text: 'x' }), /SMS gateway answered 503: busy/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
