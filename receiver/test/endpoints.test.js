'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, post, API_KEY } = require('./helpers');

const CODES = ['air', 'water', 'noise', 'solid_waste', 'soil', 'radiation', 'ecology', 'other'];
const ORIGIN = 'https://www.changchun.gov.cn';
const ISO_BJ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('read endpoints', () => {
  let srv;
  before(async () => { srv = await startServer(['--allow-origin', ORIGIN, '--allow-origin', 'http://localhost:8080']); });
  after(() => srv.stop());

  it('GET discovery.json lists the JSON endpoint', async () => {
    const res = await fetch(srv.url('discovery.json'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json; charset=utf-8/);
    const d = await res.json();
    assert.ok(d.changeset && d.contact);
    assert.equal(d.endpoints.length, 1);
    assert.equal(d.endpoints[0].url, srv.base);
    assert.deepEqual(d.endpoints[0].formats, ['application/json']);
    assert.match(d.endpoints[0].specification, /GeoReport_v2/);
  });

  it('GET services.json has the 8 codes with zh names, groups, keywords and metadata', async () => {
    const list = await (await fetch(srv.url('services.json'))).json();
    assert.deepEqual(list.map((s) => s.service_code), CODES);
    const air = list[0];
    assert.equal(air.service_name, '大气污染');
    assert.equal(air.metadata, true);
    assert.equal(air.type, 'realtime');
    assert.equal(air.group, '污染举报');
    assert.match(air.keywords, /恶臭\/异味/);
    for (const s of list) {
      assert.ok(s.service_name && s.description && s.group, s.service_code);
      assert.equal(s.metadata, true);
    }
    assert.equal(list.find((s) => s.service_code === 'ecology').service_name, '生态破坏');
  });

  it('GET services/{code}.json for every code has the attribute set', async () => {
    for (const code of CODES) {
      const res = await fetch(srv.url(`services/${code}.json`));
      assert.equal(res.status, 200, code);
      const def = await res.json();
      assert.equal(def.service_code, code);
      const byCode = Object.fromEntries(def.attributes.map((a) => [a.code, a]));
      assert.deepEqual(Object.keys(byCode),
        ['categories', 'subtype', 'reported_party', 'district', 'occurred_at', 'ongoing', 'client_request_id']);
      assert.equal(byCode.categories.datatype, 'multivaluelist');
      assert.deepEqual(byCode.categories.values.map((v) => v.key), CODES);
      assert.equal(byCode.district.datatype, 'singlevaluelist');
      assert.equal(byCode.district.values.length, 18);
      assert.ok(byCode.district.values.some((v) => v.key === '公主岭市'));
      assert.ok(byCode.district.values.some((v) => v.key === '长春净月高新技术产业开发区'));
      assert.equal(byCode.occurred_at.datatype, 'datetime');
      assert.match(byCode.reported_party.description, /被举报对象/);
      for (const a of def.attributes) assert.equal(typeof a.required, 'boolean');
    }
  });

  it('unknown service is 404; XML and other formats are 400 with an Open311 error', async () => {
    let res = await fetch(srv.url('services/sinkhole.json'));
    assert.equal(res.status, 404);
    assert.equal((await res.json())[0].code, 404);
    for (const p of ['services.xml', 'discovery.xml', 'requests.xml', 'services/air.xml', 'requests/CC-2026-000001.xml']) {
      res = await fetch(srv.url(p));
      assert.equal(res.status, 400, p);
      const body = await res.json();
      assert.equal(body[0].code, 400);
      assert.match(body[0].description, /JSON/);
    }
    res = await fetch(srv.url('requests.xml'), { method: 'POST', body: 'api_key=x' });
    assert.equal(res.status, 400);
    res = await fetch(`${srv.origin}/nothing-here`);
    assert.equal(res.status, 404);
    res = await fetch(srv.url('services.json'), { method: 'DELETE' });
    assert.equal(res.status, 405);
  });

  it('jurisdiction_id on GET: the served one works, an unknown one is 404', async () => {
    assert.equal((await fetch(srv.url('services.json?jurisdiction_id=changchun.gov.cn'))).status, 200);
    const res = await fetch(srv.url('services.json?jurisdiction_id=city.gov'));
    assert.equal(res.status, 404);
    assert.equal((await res.json())[0].code, 404);
  });

  it('GET requests.json filters, GET requests/{id}.json, 404 for an unknown id', async () => {
    const mk = async (code, extra = {}) => {
      const res = await post(srv, { api_key: API_KEY, service_code: code, address_string: '南关区 人民大街 100 号', ...extra });
      assert.equal(res.status, 201);
      return (await res.json())[0].service_request_id;
    };
    const a = await mk('air', { lat: '43.88', long: '125.32', description: '烟囱冒黑烟' });
    const w = await mk('water');
    const n = await mk('noise');
    assert.match(a, /^CC-\d{4}-\d{6}$/);

    let list = await (await fetch(srv.url(`requests.json?service_request_id=${a},${n},CC-1999-000000`))).json();
    assert.deepEqual(list.map((r) => r.service_request_id).sort(), [a, n].sort());

    list = await (await fetch(srv.url('requests.json?service_code=water'))).json();
    assert.deepEqual(list.map((r) => r.service_request_id), [w]);
    list = await (await fetch(srv.url('requests.json?service_code=water,noise'))).json();
    assert.deepEqual(list.map((r) => r.service_request_id).sort(), [w, n].sort());

    await srv.admin(`requests/${w}/status`, { status: 'closed', status_notes: '已办结' });
    list = await (await fetch(srv.url('requests.json?status=closed'))).json();
    assert.deepEqual(list.map((r) => r.service_request_id), [w]);
    list = await (await fetch(srv.url('requests.json?status=open'))).json();
    assert.ok(!list.some((r) => r.service_request_id === w));
    assert.equal((await fetch(srv.url('requests.json?status=pending'))).status, 400);

    const day = 24 * 3600 * 1000;
    const iso = (ms) => new Date(ms).toISOString();
    list = await (await fetch(srv.url(`requests.json?start_date=${iso(Date.now() - day)}&end_date=${iso(Date.now() + day)}`))).json();
    assert.ok(list.length >= 3);
    list = await (await fetch(srv.url(`requests.json?start_date=${iso(Date.now() - 10 * day)}&end_date=${iso(Date.now() - 5 * day)}`))).json();
    assert.deepEqual(list, []);
    assert.equal((await fetch(srv.url(`requests.json?start_date=${iso(Date.now() - 200 * day)}&end_date=${iso(Date.now())}`))).status, 400);
    assert.equal((await fetch(srv.url('requests.json?start_date=yesterday'))).status, 400);
    // "+08:00" sent unencoded in a query string arrives as " 08:00" and is still understood.
    const bj = (ms) => new Date(ms + 8 * 3600000).toISOString().slice(0, 19);
    list = await (await fetch(srv.url(`requests.json?start_date=${bj(Date.now() - day)}+08:00&end_date=${bj(Date.now() + day)}+08:00`))).json();
    assert.ok(list.length >= 3);

    const res = await fetch(srv.url(`requests/${a}.json`));
    assert.equal(res.status, 200);
    const [rec] = await res.json();
    assert.deepEqual(Object.keys(rec), ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code',
      'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime',
      'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url', 'media_urls', 'attributes']);
    assert.equal(rec.status, 'open');
    assert.equal(rec.service_name, '大气污染');
    assert.equal(rec.description, '烟囱冒黑烟');
    assert.equal(rec.lat, 43.88);
    assert.equal(rec.long, 125.32);
    assert.equal(rec.address, '南关区 人民大街 100 号');
    assert.match(rec.requested_datetime, ISO_BJ);
    assert.match(rec.expected_datetime, ISO_BJ);
    const days = (Date.parse(rec.expected_datetime) - Date.parse(rec.requested_datetime)) / (24 * 3600 * 1000);
    assert.equal(days, 60);
    assert.equal(rec.media_url, null);
    assert.ok(!('email' in rec) && !('device_id' in rec), 'no contact data in public records');

    const missing = await fetch(srv.url('requests/CC-2026-999999.json'));
    assert.equal(missing.status, 404);
    assert.equal((await missing.json())[0].code, 404);
  });

  it('tokens: POST ?batch=1 answers with a token; GET tokens/{token}.json gives the id', async () => {
    const res = await post(srv, { api_key: API_KEY, service_code: 'soil', address_string: '九台区 某地块' }, {}, '?batch=1');
    assert.equal(res.status, 201);
    const [body] = await res.json();
    assert.ok(body.token);
    assert.ok(!('service_request_id' in body));
    assert.match(body.service_notice, /60 日/);
    const t = await fetch(srv.url(`tokens/${body.token}.json`));
    assert.equal(t.status, 200);
    const [row] = await t.json();
    assert.equal(row.token, body.token);
    assert.match(row.service_request_id, /^CC-\d{4}-\d{6}$/);
    const rec = await fetch(srv.url(`requests/${row.service_request_id}.json`));
    assert.equal((await rec.json())[0].service_code, 'soil');
    assert.equal((await fetch(srv.url('tokens/no-such-token.json'))).status, 404);
  });

  it('CORS: preflight and headers for allowed origins only', async () => {
    let res = await fetch(srv.url('requests.json'), {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(res.headers.get('access-control-allow-headers'), /Content-Type/);
    assert.match(res.headers.get('access-control-allow-headers'), /Idempotency-Key/);
    assert.match(res.headers.get('access-control-allow-methods'), /POST/);
    assert.match(res.headers.get('access-control-expose-headers'), /Retry-After/);
    assert.match(res.headers.get('vary'), /Origin/);

    res = await fetch(srv.url('services.json'), { headers: { Origin: 'http://localhost:8080' } });
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:8080');

    res = await fetch(srv.url('requests.json'), { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    res = await fetch(srv.url('services.json'), { headers: { Origin: 'https://evil.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it('without --allow-origin no CORS header is sent', async () => {
    const other = await startServer();
    try {
      const res = await fetch(other.url('services.json'), { headers: { Origin: ORIGIN } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    } finally { await other.stop(); }
  });
});
