'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, post, API_KEY } = require('./helpers');

const OK = { api_key: API_KEY, service_code: 'air', address_string: '朝阳区 西安大路 1 号' };

async function expectError(res, status) {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type'), /application\/json/);
  const body = await res.json();
  assert.ok(Array.isArray(body) && body.length === 1, JSON.stringify(body));
  assert.equal(body[0].code, status);
  assert.equal(typeof body[0].description, 'string');
  assert.ok(body[0].description.length > 0);
  return body[0].description;
}

describe('POST requests.json rules', () => {
  let srv;
  before(async () => { srv = await startServer(); });
  after(() => srv.stop());

  it('answers [{service_request_id, service_notice, account_id: null}] with 201', async () => {
    const res = await post(srv, { ...OK, jurisdiction_id: 'changchun.gov.cn' });
    assert.equal(res.status, 201);
    const body = await res.json();
    assert.equal(body.length, 1);
    assert.deepEqual(Object.keys(body[0]), ['service_request_id', 'service_notice', 'account_id']);
    assert.match(body[0].service_request_id, /^CC-\d{4}-\d{6}$/);
    assert.ok(body[0].service_notice.includes(body[0].service_request_id));
    assert.equal(body[0].account_id, null);
  });

  it('api_key missing or wrong is 403', async () => {
    assert.match(await expectError(await post(srv, { ...OK, api_key: undefined }), 403), /api_key/);
    assert.match(await expectError(await post(srv, { ...OK, api_key: 'nope' }), 403), /api_key/);
    assert.equal((await srv.rows()).filter((r) => r.address === OK.address_string && r.service_code === 'air').length, 1);
  });

  it('an unknown jurisdiction_id is 404; an empty one equals absent', async () => {
    await expectError(await post(srv, { ...OK, jurisdiction_id: 'city.gov' }), 404);
    assert.equal((await post(srv, { ...OK, jurisdiction_id: '' })).status, 201);
  });

  it('service_code missing is 400, unknown is 404', async () => {
    await expectError(await post(srv, { ...OK, service_code: undefined }), 400);
    await expectError(await post(srv, { ...OK, service_code: 'sinkhole' }), 404);
  });

  it('a location is required: lat+long, address_string or address_id', async () => {
    const desc = await expectError(await post(srv, { ...OK, address_string: undefined }), 400);
    assert.match(desc, /lat/);
    await expectError(await post(srv, { ...OK, address_string: '' }), 400);
    await expectError(await post(srv, { ...OK, address_string: undefined, lat: '43.9' }), 400);
    await expectError(await post(srv, { ...OK, address_string: undefined, lat: 'north', long: '125.3' }), 400);
    await expectError(await post(srv, { ...OK, address_string: undefined, lat: '143.9', long: '125.3' }), 400);
    assert.equal((await post(srv, { ...OK, address_string: undefined, lat: '43.896', long: '125.326' })).status, 201);
    assert.equal((await post(srv, { ...OK, address_string: undefined, address_id: 'CC-ADDR-42' })).status, 201);
  });

  it('description up to 4000 characters (emoji count as one), 4001 is 400', async () => {
    assert.equal((await post(srv, { ...OK, description: 'a'.repeat(4000) })).status, 201);
    assert.equal((await post(srv, { ...OK, description: '😀'.repeat(4000) })).status, 201);
    await expectError(await post(srv, { ...OK, description: '污'.repeat(4001) }), 400);
  });

  it('stores every attribute, multivalue ones as arrays, unknown ones too', async () => {
    const res = await post(srv, {
      ...OK,
      'attribute[categories][]': ['air', 'noise'],
      'attribute[subtype]': '恶臭/异味',
      'attribute[reported_party]': '某某化工有限公司',
      'attribute[district]': '长春新区',
      'attribute[occurred_at]': '2026-03-01T08:15:30+08:00',
      'attribute[ongoing]': 'intermittent',
      'attribute[client_request_id]': 'crid-attr-1',
      'attribute[x_extra]': 'kept',
      email: 'a@example.cn', phone: '13912345678', first_name: '张', last_name: '三', device_id: 'dev-1',
    });
    assert.equal(res.status, 201);
    const [{ service_request_id: id }] = await res.json();
    const [rec] = await (await fetch(srv.url(`requests/${id}.json`))).json();
    assert.deepEqual(rec.attributes, {
      categories: ['air', 'noise'], subtype: '恶臭/异味', reported_party: '某某化工有限公司', district: '长春新区',
      occurred_at: '2026-03-01T08:15:30+08:00', ongoing: 'intermittent', client_request_id: 'crid-attr-1', x_extra: 'kept',
    });
    const row = (await srv.rows()).find((r) => r.service_request_id === id);
    assert.equal(row.email, 'a@example.cn');
    assert.equal(row.phone, '13912345678');
    assert.equal(row.device_id, 'dev-1');
    assert.equal(row.client_request_id, 'crid-attr-1');
  });

  it('attribute values are checked against the service definition', async () => {
    await expectError(await post(srv, { ...OK, 'attribute[district]': '海淀区' }), 400);
    await expectError(await post(srv, { ...OK, 'attribute[categories][]': ['air', 'traffic'] }), 400);
    await expectError(await post(srv, { ...OK, 'attribute[ongoing]': 'sometimes' }), 400);
    await expectError(await post(srv, { ...OK, 'attribute[occurred_at]': 'last tuesday' }), 400);
    await expectError(await post(srv, { ...OK, 'attribute[reported_party]': '厂'.repeat(101) }), 400);
    await expectError(await post(srv, { ...OK, media_url: 'javascript:alert(1)' }), 400);
  });

  it('only urlencoded UTF-8 or multipart bodies are accepted', async () => {
    let res = await fetch(srv.url('requests.json'), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OK),
    });
    await expectError(res, 400);
    res = await fetch(srv.url('requests.json'), {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=gbk' }, body: 'api_key=x',
    });
    await expectError(res, 400);
    res = await fetch(srv.url('requests.json'), {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'api_key=cc-dev-key&service_code=air&address_string=%C3%28',
    });
    await expectError(res, 400);
    res = await fetch(srv.url('requests.json'), {
      method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body: 'x',
    });
    await expectError(res, 400);
  });

  it('logs one line per request to stdout', async () => {
    await new Promise((r) => setTimeout(r, 100)); // let earlier requests' lines arrive
    const before = srv.lines.length;
    await fetch(srv.url('services.json?api_key=hide-me'));
    await new Promise((r) => setTimeout(r, 100));
    const added = srv.lines.slice(before);
    assert.equal(added.length, 1, added.join('\n'));
    assert.match(added[0], /GET \/open311\/v2\/services\.json\?api_key=\*\*\* 200/);
    assert.ok(!added[0].includes('hide-me'));
  });
});
