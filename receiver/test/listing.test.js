'use strict';
// GET requests.json is public: anyone may page through it (the site's 举报处理情况 page does).
// It must never carry who reported (name, phone, e-mail, device id), whom (reported_party) or
// photos, which may show people; GET requests/{id}.json, asked with the number, keeps photos.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, postMultipart, makeJpeg, API_KEY } = require('./helpers');

const PRIVATE = {
  first_name: '张三丰',
  last_name: '李四海',
  phone: '13912345678',
  email: 'reporter@example.cn',
  device_id: 'device-5f2c9e1a77',
  'attribute[reported_party]': '王五麻子',
};

describe('the public listing', () => {
  let srv;
  before(async () => { srv = await startServer(); });
  after(async () => { await srv.stop(); });

  it('lists what and where, never who reported, whom, or photos', async () => {
    const fields = [['api_key', API_KEY], ['service_code', 'air'], ['address_string', '朝阳区 人民大街 1 号'],
      ['description', '烟囱冒黑烟'], ['attribute[district]', '朝阳区'], ['attribute[subtype]', '工业废气'],
      ...Object.entries(PRIVATE)];
    const res = await postMultipart(srv, fields, [{ filename: '现场.jpg', type: 'image/jpeg', data: makeJpeg(120) }]);
    assert.equal(res.status, 201, await res.clone().text());
    const [{ service_request_id: id }] = await res.json();

    // With the number: the photo is there (the reporter's own lookup).
    const [own] = await (await fetch(srv.url(`requests/${id}.json`))).json();
    assert.equal(own.media_urls.length, 1);

    for (const query of ['requests.json', `requests.json?service_request_id=${id}`, 'requests.json?service_code=air&status=open']) {
      const raw = await (await fetch(srv.url(query))).text();
      const [rec] = JSON.parse(raw).filter((r) => r.service_request_id === id);
      assert.ok(rec, `${query} lists the request`);
      for (const [field, value] of Object.entries(PRIVATE)) {
        assert.ok(!raw.includes(value), `${query} must not carry ${field}`);
      }
      assert.ok(!raw.includes('/media/'), `${query} must not link photos`);
      assert.equal(rec.media_url, null);
      assert.deepEqual(rec.media_urls, []);
      assert.deepEqual(rec.attributes, { district: '朝阳区', subtype: '工业废气' });
      for (const key of ['first_name', 'last_name', 'phone', 'email', 'device_id']) assert.ok(!(key in rec), key);
      assert.equal(rec.service_code, 'air');
      assert.equal(rec.status, 'open');
      assert.match(rec.requested_datetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    }
  });

  it('closed at a given time (admin): the listing carries it as the updated_datetime', async () => {
    const res = await postMultipart(srv, [['api_key', API_KEY], ['service_code', 'noise'], ['address_string', '宽城区 某处']], []);
    const [{ service_request_id: id }] = await res.json();
    const admin = (body) => fetch(`${srv.origin}/__admin/requests/${id}/status`, {
      method: 'POST', headers: { 'X-Admin-Token': 'cc-admin', 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    assert.equal((await admin({ status: 'closed', updated_datetime: '2026-03-04T05:06:07Z' })).status, 200);
    const [rec] = (await (await fetch(srv.url(`requests.json?service_request_id=${id}`))).json());
    assert.equal(rec.status, 'closed');
    assert.equal(rec.updated_datetime, '2026-03-04T13:06:07+08:00');
    assert.equal((await admin({ status: 'closed', updated_datetime: 'soon' })).status, 400);
  });
});
